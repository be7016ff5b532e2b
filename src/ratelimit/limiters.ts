/**
 * Rate limits shared by every instance through Redis (`rate-limiter-flexible`), each with an
 * in-memory insurance limiter that takes over per instance while Redis is unreachable: limits stay
 * enforced (per instance) and no request fails because Redis is down.
 */
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

import { mediaMeshOptions } from '../lib/mediaMeshOptions'
import { counter } from '../observability/metrics'
import { redis, redisKey } from '../redis/client'

const rateLimitRejections = counter({
  name: 'rate_limit_rejections_total',
  help: 'Requests refused with 429, by limiter.',
  labelNames: ['limiter'] as const,
})

export type LimiterName = 'account' | 'discovery' | 'events' | 'fetchNow' | 'login' | 'writes'

export interface Limiter {
  name: LimiterName
  points: number
  durationSeconds: number
  store: RateLimiterAbstract
}

const POINTS: Record<LimiterName, () => number> = {
  account: () => mediaMeshOptions().rateLimits.accountPerMinute,
  discovery: () => mediaMeshOptions().discovery.readsPerMinute,
  events: () => mediaMeshOptions().discovery.eventsPerMinute,
  login: () => mediaMeshOptions().rateLimits.loginPerMinute,
  writes: () => mediaMeshOptions().rateLimits.writesPerMinute,
  fetchNow: () => mediaMeshOptions().rateLimits.fetchNowPerMinute,
}

const limiters = new Map<LimiterName, Limiter>()

export function limiter(name: LimiterName): Limiter {
  let existing = limiters.get(name)
  if (!existing) {
    const points = POINTS[name]()
    const durationSeconds = 60
    existing = {
      name,
      points,
      durationSeconds,
      store: new RateLimiterRedis({
        storeClient: redis(),
        keyPrefix: redisKey('ratelimit', name),
        points,
        duration: durationSeconds,
        insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
      }),
    }
    limiters.set(name, existing)
  }
  return existing
}

/**
 * A limiter's policy in the IETF draft's form, `"discovery";q=1200;w=60`: the same for every
 * client, so it may ride on answers a CDN shares (the per-client fields may not).
 */
export function policyHeader(name: LimiterName): string {
  const { points, durationSeconds } = limiter(name)
  return `"${name}";q=${points};w=${durationSeconds}`
}

export interface Decision {
  allowed: boolean
  /** RateLimit-* and (when refused) Retry-After headers. */
  headers: Record<string, string>
  retryAfterSeconds: number
}

/**
 * Takes `cost` points for `key` at once (one per operation a request carries): a request that needs
 * more than remains is refused whole. Never throws: an unexpected limiter failure lets it pass.
 */
export async function consume(name: LimiterName, key: string, cost = 1): Promise<Decision> {
  const { store, points } = limiter(name)
  const headers = (result: RateLimiterRes) => {
    const remaining = Math.max(0, result.remainingPoints)
    const reset = Math.ceil(result.msBeforeNext / 1000)
    return {
      // The IETF RateLimit header fields draft (draft-ietf-httpapi-ratelimit-headers):
      // the policy (quota q per window w seconds) and this client's state (r left, t seconds).
      'RateLimit-Policy': policyHeader(name),
      RateLimit: `"${name}";r=${remaining};t=${reset}`,
      // The older draft's fields, which existing clients read.
      'RateLimit-Limit': String(points),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(reset),
    }
  }
  try {
    const result = await store.consume(key, cost)
    return { allowed: true, headers: headers(result), retryAfterSeconds: 0 }
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      rateLimitRejections.inc({ limiter: name })
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      return {
        allowed: false,
        headers: { ...headers(rejection), 'Retry-After': String(retryAfterSeconds) },
        retryAfterSeconds,
      }
    }
    return { allowed: true, headers: {}, retryAfterSeconds: 0 }
  }
}
