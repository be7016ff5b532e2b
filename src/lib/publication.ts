/**
 * The one rule for what the public may see of a draft-enabled document: it is published, and its
 * `publishedAt` has arrived. A published document with a future `publishedAt` stays hidden until
 * then, without a job to flip it; one without a `publishedAt` stays hidden (publishing always sets
 * it, see setPublishedAtOnPublish). An episode is public only while its program is public too.
 *
 * The rule is needed in three languages, all written here so they cannot drift apart:
 * - a Payload `Where` (access control, reindex queries),
 * - a predicate on a document (live search sync),
 * - SQL over the collections' main tables (media visibility).
 */
import type { Where } from 'payload'

type Publishable = { _status?: string | null; publishedAt?: string | null } | null | undefined

/** The rule as Payload `Where` conditions; `prefix` scopes it to a relationship (e.g. `program.`). */
export function publishedAndDueWhere(now: Date = new Date(), prefix = ''): Where[] {
  return [
    { [`${prefix}_status`]: { equals: 'published' } },
    { [`${prefix}publishedAt`]: { less_than_equal: now.toISOString() } },
  ]
}

/** Whether `doc` is public at `now`. */
export function isPublicNow(doc: Publishable, now = Date.now()): boolean {
  const from = publicFrom(doc)
  return from !== null && from <= now
}

/** A published document whose moment has not come yet: when it becomes public. */
export function becomesPublicAt(doc: Publishable, now = Date.now()): Date | null {
  const from = publicFrom(doc)
  return from !== null && from > now ? new Date(from) : null
}

/** When a published document becomes (or became) public, in epoch ms; null while it never will. */
function publicFrom(doc: Publishable): number | null {
  if (!doc || doc._status !== 'published' || !doc.publishedAt) return null
  const at = Date.parse(doc.publishedAt)
  return Number.isNaN(at) ? null : at
}

/**
 * The rule's first half in SQL, for the row aliased `alias` in a programs or episodes main table:
 * published, with a publication moment. The moment itself is `${alias}.published_at`; a query
 * compares it with now (or stores it, as media's `publicFrom` does).
 */
export function publishedSql(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new TypeError(`not an SQL alias: ${alias}`)
  return `(${alias}._status = 'published' AND ${alias}.published_at IS NOT NULL)`
}
