/**
 * Changes a user makes to their own account through REST or GraphQL (issue 21, finding 10):
 * - a new password needs the current one (`currentPassword`), so a stolen session or a forgotten
 *   unlocked screen cannot take the account over. Admins setting another user's password are not
 *   asked (they cannot know it); the Local API (seed, scripts) is trusted.
 * - an API key must be strong: the admin panel's generated keys (UUIDs) are; "123" is not.
 */
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { passwordMatches } from './passwords'

/**
 * The smallest estimated strength of an API key, in bits. The estimate (below) of a random UUID v4,
 * the admin panel's generated key, is 108 at the lowest in 200,000 tries and 130 typically.
 */
export const MIN_API_KEY_BITS = 100
export const MIN_API_KEY_LENGTH = 32

/**
 * Estimated bits of a key: its length times the Shannon entropy of its own characters. Crude, but
 * it refuses short keys and long repetitive ones, and accepts random keys of 32+ characters.
 */
export function apiKeyStrengthBits(key: string): number {
  if (!key) return 0
  const counts = new Map<string, number>()
  for (const char of key) counts.set(char, (counts.get(char) ?? 0) + 1)
  const length = [...key].length
  let perChar = 0
  for (const count of counts.values()) {
    const p = count / length
    perChar -= p * Math.log2(p)
  }
  return perChar * length
}

/** `abcabcabc...`: a shorter key repeated, which the entropy estimate does not see. */
function isRepetition(key: string): boolean {
  return /^(.+?)\1+$/su.test(key)
}

export function weakApiKeyReason(key: string): string | undefined {
  if ([...key].length < MIN_API_KEY_LENGTH) {
    return `The API key must be at least ${MIN_API_KEY_LENGTH} characters long (use a generated key).`
  }
  if (apiKeyStrengthBits(key) < MIN_API_KEY_BITS || isRepetition(key)) {
    return 'The API key is too predictable: use a randomly generated key.'
  }
  return undefined
}

type UpdateArgs = { id?: number | string; data?: Record<string, unknown> }

export const protectAccountChanges: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'update' && operation !== 'create') return args
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
  const { id, data } = args as UpdateArgs
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args

  if (typeof data.apiKey === 'string' && data.apiKey !== '') {
    const reason = weakApiKeyReason(data.apiKey)
    if (reason) throw new ValidationError({ errors: [{ path: 'apiKey', message: reason }] })
  }

  const currentPassword = data.currentPassword
  delete data.currentPassword
  if (operation !== 'update' || data.password === undefined || data.password === null) return args
  // By id: asked when the user changes their own. In bulk (by `where`): always asked, since the
  // user's own account may be among those matched.
  const ownAccount = id === undefined || String(id) === String(req.user?.id)
  if (!ownAccount) return args
  if (!req.user) return args // access control refuses it anyway
  if (typeof currentPassword !== 'string' || currentPassword === '') {
    throw new ValidationError({
      errors: [{ path: 'currentPassword', message: 'Enter your current password to change it.' }],
    })
  }
  const stored = await req.payload.db.findOne({
    collection: collection.slug,
    req,
    where: { id: { equals: req.user.id } },
  })
  if (
    !stored ||
    !(await passwordMatches(stored as { hash?: unknown; salt?: unknown }, currentPassword))
  ) {
    throw new ValidationError({
      errors: [{ path: 'currentPassword', message: 'The current password is not correct.' }],
    })
  }
  return args
}
