/**
 * Password checks that run the same work as Payload's own login (pbkdf2-sha256 with the parameters
 * of payload/dist/auth/strategies/local/generatePasswordSaltHash.js): for the current password
 * when a user changes theirs, and as a stand-in for logins to unknown or locked accounts so that
 * they take as long as a wrong password for a real one.
 */
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'

import { counter } from '../observability/metrics'

const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

/** Logins refused without a real account check, by reason; each ran one full password hash. */
export const standInPasswordChecks = counter({
  name: 'auth_stand_in_password_checks_total',
  help: 'Password hashes computed for logins to unknown or locked accounts (uniform timing).',
  labelNames: ['reason'] as const,
})

function derive(password: string, salt: string, iterations: number, keyLength: number) {
  return new Promise<Buffer>((resolve, reject) =>
    pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** Whether `password` matches a stored Payload hash and salt (current or legacy format). */
export async function passwordMatches(
  stored: { hash?: unknown; salt?: unknown },
  password: string,
): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const current = stored.hash.startsWith(CURRENT_PREFIX)
  const { iterations, keyLength } = current ? CURRENT : LEGACY
  const expected = Buffer.from(
    current ? stored.hash.slice(CURRENT_PREFIX.length) : stored.hash,
    'hex',
  )
  const actual = await derive(password, stored.salt, iterations, keyLength)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

const STAND_IN_SALT = randomBytes(32).toString('hex')

/** The hash a real login computes, for an account that does not exist or is locked. */
export async function standInPasswordCheck(
  password: string,
  reason: 'unknown_account' | 'locked_account',
): Promise<void> {
  await derive(password, STAND_IN_SALT, CURRENT.iterations, CURRENT.keyLength)
  standInPasswordChecks.inc({ reason })
}
