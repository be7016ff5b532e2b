/**
 * Rate limits for the CMS APIs, which Payload 3 does not limit itself: login attempts per client
 * address and email (slows password guessing without locking out the real user from elsewhere), and
 * writes per user. Only REST and GraphQL calls count; the Local API (jobs, seed, scripts) does not.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type Config,
  type PayloadRequest,
} from 'payload'

import { consume, type LimiterName } from '../ratelimit/limiters'

/** Set by the Express host on every request it hands to Next (see src/server/createServer.ts). */
export const CLIENT_IP_HEADER = 'x-mediamesh-client-ip'

const WRITES = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID'])

async function enforce(req: PayloadRequest, name: LimiterName, key: string): Promise<void> {
  const decision = await consume(name, key)
  const headers = req.responseHeaders ?? new Headers()
  for (const [header, value] of Object.entries(decision.headers)) headers.set(header, value)
  req.responseHeaders = headers
  if (!decision.allowed) {
    throw new APIError(
      name === 'login'
        ? `Too many login attempts. Try again in ${decision.retryAfterSeconds} s.`
        : `Too many changes. Try again in ${decision.retryAfterSeconds} s.`,
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
  // One point per request: nested writes it causes with the same req (plugin-search's entry for
  // the admin search, the search-sync job) are part of the same change.
  if (req.context[COUNTED]) return args
  if (operation === 'login' || WRITES.has(operation)) req.context[COUNTED] = true
  const ip = req.headers.get(CLIENT_IP_HEADER) || 'unknown'
  if (operation === 'login') {
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
      .trim()
      .toLowerCase()
    await enforce(req, 'login', `${ip}:${email}`)
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
