/**
 * Logins must not tell which emails have accounts (issue 21, finding 6). Payload's login answers
 * an unknown email at once (no password hash) and a locked account with "This user is locked";
 * a wrong password for a real account costs a full pbkdf2 hash. Here:
 * - before Payload looks the account up, an unknown or locked account gets the same hash computed
 *   (src/auth/passwords.ts) and the same AuthenticationError as a wrong password;
 * - the attempt that locks an account (Payload re-checks the lock after counting it) gets that same
 *   error instead of LockedAuth, over REST and GraphQL.
 * The lock itself still works: a locked account cannot log in, whatever password it is given.
 */
import {
  AuthenticationError,
  LockedAuth,
  type AfterErrorHook,
  type CollectionAfterErrorHook,
  type CollectionBeforeOperationHook,
} from 'payload'

import { standInPasswordCheck } from './passwords'

export const uniformLoginBeforeOperation: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : ''
  const password = typeof data?.password === 'string' ? data.password : ''
  // Missing fields get Payload's own validation errors (they reveal nothing about accounts).
  if (!email || !password.trim()) return args
  const user = (await req.payload.db.findOne({
    collection: collection.slug,
    req,
    where: { email: { equals: email } },
  })) as { lockUntil?: string | null } | null
  const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (user && !locked) return args
  await standInPasswordCheck(password, user ? 'locked_account' : 'unknown_account')
  throw new AuthenticationError(req.t)
}

type Translate = ConstructorParameters<typeof AuthenticationError>[0]

const incorrect = (t: Translate) => new AuthenticationError(t).message

/** LockedAuth, recognised also across module copies (Next bundles its own) by its message. */
function isLockedAuth(error: unknown, t: Translate): boolean {
  if (error instanceof LockedAuth) return true
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' && message === new LockedAuth(t).message
}

/** REST: the attempt that locks the account answers like any wrong password. */
export const lockedLoginAsIncorrect: CollectionAfterErrorHook = ({ error, req }) => {
  if (!isLockedAuth(error, req.t)) return
  return { status: 401, response: { errors: [{ message: incorrect(req.t) }] } }
}

/** GraphQL: the same, for `loginUser`. */
export const lockedLoginAsIncorrectInGraphQL: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!graphqlResult || !isLockedAuth(original, req.t)) return
  return {
    graphqlResult: {
      ...graphqlResult,
      message: incorrect(req.t),
      extensions: { ...graphqlResult.extensions, name: 'AuthenticationError' },
    },
  }
}
