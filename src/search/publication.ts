/** Whether a draft-enabled document is visible to the public right now (mirrors src/access). */
export function isPublicNow(
  doc: { _status?: string | null; publishedAt?: string | null } | null | undefined,
  now = Date.now(),
): boolean {
  if (!doc || doc._status !== 'published' || !doc.publishedAt) return false
  return Date.parse(doc.publishedAt) <= now
}

/** A published document whose moment has not come yet: when it becomes public. */
export function becomesPublicAt(
  doc: { _status?: string | null; publishedAt?: string | null } | null | undefined,
  now = Date.now(),
): Date | null {
  if (!doc || doc._status !== 'published' || !doc.publishedAt) return null
  const at = Date.parse(doc.publishedAt)
  return at > now ? new Date(at) : null
}
