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

import { env } from '../env'
import { counter } from '../observability/metrics'
import { redis, redisKey } from '../redis/client'

const rateLimitRejections = counter({
  name: 'rate_limit_rejections_total',
  help: 'Requests refused with 429, by limiter.',
  labelNames: ['limiter'] as const,
})

export type LimiterName = 'discovery' | 'events' | 'login' | 'writes'

export interface Limiter {
  name: LimiterName
  points: number
  durationSeconds: number
  store: RateLimiterAbstract
}

const POINTS: Record<LimiterName, () => number> = {
  discovery: () => env.RATE_LIMIT_DISCOVERY_PER_MINUTE,
  events: () => env.RATE_LIMIT_EVENTS_PER_MINUTE,
  login: () => env.RATE_LIMIT_LOGIN_PER_MINUTE,
  writes: () => env.RATE_LIMIT_WRITES_PER_MINUTE,
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

export interface Decision {
  allowed: boolean
  /** RateLimit-* and (when refused) Retry-After headers. */
  headers: Record<string, string>
  retryAfterSeconds: number
}

/** Takes one point for `key`. Never throws: an unexpected limiter failure lets the request pass. */
export async function consume(name: LimiterName, key: string): Promise<Decision> {
  const { store, points, durationSeconds } = limiter(name)
  const headers = (result: RateLimiterRes) => ({
    'RateLimit-Limit': String(points),
    'RateLimit-Remaining': String(Math.max(0, result.remainingPoints)),
    'RateLimit-Reset': String(Math.ceil(result.msBeforeNext / 1000)),
    'RateLimit-Policy': `${points};w=${durationSeconds}`,
  })
  try {
    const result = await store.consume(key)
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
