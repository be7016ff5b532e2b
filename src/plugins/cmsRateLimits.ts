/**
 * Rate limits for the CMS APIs, which Payload 3 does not limit itself: login attempts per client
 * address and email (slows password guessing without locking out the real user from elsewhere),
 * account recovery (unlock, forgot- and reset-password) likewise, and writes per user. Only REST
 * and GraphQL calls count; the Local API (jobs, seed, scripts) does not. A GraphQL request is
 * counted by the host before it runs, one point per operation (src/host/graphqlGuard.ts); REST
 * requests carry one operation each and are counted here.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type Config,
  type PayloadRequest,
} from 'payload'

import { consume, type LimiterName } from '../ratelimit/limiters'

/** Set by the Express host on every request it hands to Next (see src/host/createServer.ts). */
export const CLIENT_IP_HEADER = 'x-mediamesh-client-ip'

/**
 * Set by the host on a GraphQL request whose operations it has already counted, one point each,
 * before any ran (src/host/graphqlGuard.ts); removed from every incoming request first, so clients
 * cannot set it.
 */
export const OPERATIONS_COUNTED_HEADER = 'x-mediamesh-operations-counted'

const WRITES = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID'])
const ACCOUNT = new Set(['unlock', 'forgotPassword', 'resetPassword'])

const REFUSALS: Record<LimiterName, string> = {
  account: 'Too many account requests',
  discovery: 'Too many requests',
  events: 'Too many requests',
  fetchNow: 'Too many fetches',
  login: 'Too many login attempts',
  writes: 'Too many changes',
}

async function enforce(req: PayloadRequest, name: LimiterName, key: string): Promise<void> {
  const decision = await consume(name, key)
  const headers = req.responseHeaders ?? new Headers()
  for (const [header, value] of Object.entries(decision.headers)) headers.set(header, value)
  req.responseHeaders = headers
  if (!decision.allowed) {
    throw new APIError(
      `${REFUSALS[name]}. Try again in ${decision.retryAfterSeconds} s.`,
      429,
      { retryAfterSeconds: decision.retryAfterSeconds },
      true,
    )
  }
}

/** A string key: Payload's nested Local API calls copy `req.context` with Object.keys/spread. */
const COUNTED = 'mediameshRateLimitCounted'

const limitCmsRequests: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
  // GraphQL: every operation of the request was counted before any ran.
  if (req.payloadAPI === 'GraphQL' && req.headers.get(OPERATIONS_COUNTED_HEADER) === '1') {
    return args
  }
  // One point per request: nested writes it causes with the same req (plugin-search's entry for
  // the admin search, the search-sync job) are part of the same change.
  if (req.context[COUNTED]) return args
  const counted = operation === 'login' || WRITES.has(operation) || ACCOUNT.has(operation)
  // Without the host's count (a GraphQL request that did not come through it), every operation
  // of the request takes its own point.
  if (counted && req.payloadAPI === 'REST') req.context[COUNTED] = true
  const ip = req.headers.get(CLIENT_IP_HEADER) || 'unknown'
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .trim()
    .toLowerCase()
  if (operation === 'login') {
    await enforce(req, 'login', `${ip}:${email}`)
  } else if (ACCOUNT.has(operation)) {
    await enforce(req, 'account', operation === 'resetPassword' ? `${ip}:` : `${ip}:${email}`)
  } else if (WRITES.has(operation)) {
    const who = req.user ? `user:${req.user.collection}:${req.user.id}` : `ip:${ip}`
    await enforce(req, 'writes', who)
  }
  return args
}

export const cmsRateLimits =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeOperation: [...(collection.hooks?.beforeOperation ?? []), limitCmsRequests],
      },
    })),
  })
