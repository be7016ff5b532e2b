/**
 * Trending from usage signals, counted in Redis with time decay.
 *
 * Each event adds its weight (play 3, view 1) to the current bucket of two sorted sets: 5-minute
 * buckets (kept 2 hours, for the 1h window) and hourly buckets (kept 8 days, for 24h and 7d). A
 * trending read sums a window's buckets with ZUNIONSTORE, each weighted by its age with a
 * half-life of a quarter of the window, so recent activity counts more than old.
 *
 * Events are analytics, not content: when Redis is away they are buffered in memory (bounded) and
 * written when it returns, and no request fails because of it.
 */
import { randomUUID } from 'node:crypto'

import type { Redis } from 'ioredis'

import { logger } from '../observability/logger'
import { redisReady } from '../redis/client'
import { eventsRecorded } from './metrics'
import type { EventBody, TrendingParams } from './schemas'

export const EVENT_WEIGHTS: Record<EventBody['type'], number> = { play: 3, view: 1 }

interface Granularity {
  name: string
  bucketMs: number
  keepMs: number
}

const FINE: Granularity = { name: '5m', bucketMs: 5 * 60_000, keepMs: 2 * 3_600_000 }
const COARSE: Granularity = { name: '1h', bucketMs: 3_600_000, keepMs: 8 * 86_400_000 }

const WINDOWS: Record<TrendingParams['window'], { granularity: Granularity; buckets: number }> = {
  '1h': { granularity: FINE, buckets: 12 },
  '24h': { granularity: COARSE, buckets: 24 },
  '7d': { granularity: COARSE, buckets: 168 },
}

/** Most distinct (bucket, id) pairs held while Redis is unreachable. */
const MAX_BUFFERED = 50_000

/** Bucket weights for a window: 1 for the current bucket, halving every quarter window. */
export function windowWeights(window: TrendingParams['window']): number[] {
  const { buckets } = WINDOWS[window]
  const halfLife = buckets / 4
  return Array.from({ length: buckets }, (_, age) => Number((0.5 ** (age / halfLife)).toFixed(6)))
}

export class TrendingCounter {
  /** bucket key → id → summed weight, while Redis is away. */
  private buffer = new Map<string, Map<string, number>>()
  private buffered = 0
  private flushing = false
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    this.timer = setInterval(() => void this.flush(), 1000)
    this.timer.unref()
  }

  private bucketKey(granularity: Granularity, bucket: number) {
    return `${this.keyPrefix}${granularity.name}:${bucket}`
  }

  async record(event: EventBody, now = Date.now()): Promise<void> {
    const weight = EVENT_WEIGHTS[event.type]
    const writes = [FINE, COARSE].map((granularity) => ({
      key: this.bucketKey(granularity, Math.floor(now / granularity.bucketMs)),
      keepMs: granularity.keepMs,
    }))
    if (redisReady(this.redis) && !this.buffered) {
      try {
        const pipeline = this.redis.pipeline()
        for (const { key, keepMs } of writes) {
          pipeline.zincrby(key, weight, event.id).pexpire(key, keepMs)
        }
        const results = (await pipeline.exec()) ?? []
        if (results.every(([error]) => !error)) {
          eventsRecorded.inc({ type: event.type, delivery: 'direct' })
          return
        }
      } catch {
        // fall through to the buffer
      }
    }
    for (const { key } of writes) {
      const members = this.buffer.get(key) ?? new Map<string, number>()
      if (!members.has(event.id) && this.buffered >= MAX_BUFFERED) {
        eventsRecorded.inc({ type: event.type, delivery: 'dropped' })
        return
      }
      if (!members.has(event.id)) this.buffered += 1
      members.set(event.id, (members.get(event.id) ?? 0) + weight)
      this.buffer.set(key, members)
    }
    eventsRecorded.inc({ type: event.type, delivery: 'buffered' })
  }

  /** Writes buffered counts once Redis answers again. */
  async flush(): Promise<void> {
    if (this.flushing || !this.buffered || !redisReady(this.redis)) return
    this.flushing = true
    const pending = this.buffer
    this.buffer = new Map()
    this.buffered = 0
    try {
      const pipeline = this.redis.pipeline()
      for (const [key, members] of pending) {
        const keepMs = key.startsWith(`${this.keyPrefix}${FINE.name}:`)
          ? FINE.keepMs
          : COARSE.keepMs
        for (const [id, weight] of members) pipeline.zincrby(key, weight, id)
        pipeline.pexpire(key, keepMs)
      }
      // exec() resolves with per-command errors (a dropped connection does not reject).
      const results = (await pipeline.exec()) ?? []
      if (!results.length || results.some(([error]) => error)) throw new Error('flush incomplete')
    } catch (error) {
      // Put them back (merged with anything recorded meanwhile) and try again later.
      for (const [key, members] of pending) {
        const current = this.buffer.get(key) ?? new Map<string, number>()
        for (const [id, weight] of members) current.set(id, (current.get(id) ?? 0) + weight)
        this.buffer.set(key, current)
      }
      this.buffered = [...this.buffer.values()].reduce((sum, m) => sum + m.size, 0)
      logger.debug({ err: error }, 'trending: flush failed, will retry')
    } finally {
      this.flushing = false
    }
  }

  /**
   * Top ids with their decayed scores, best first; null when Redis is unreachable. Returns more
   * than asked so that ids no longer public can be dropped by the caller.
   */
  async top(
    window: TrendingParams['window'],
    count: number,
    now = Date.now(),
  ): Promise<{ id: string; score: number }[] | null> {
    if (!redisReady(this.redis)) return null
    const { granularity, buckets } = WINDOWS[window]
    const current = Math.floor(now / granularity.bucketMs)
    const keys = Array.from({ length: buckets }, (_, age) =>
      this.bucketKey(granularity, current - age),
    )
    const target = `${this.keyPrefix}union:${randomUUID()}`
    try {
      const results = await this.redis
        .multi()
        .zunionstore(target, keys.length, ...keys, 'WEIGHTS', ...windowWeights(window))
        .zrevrange(target, 0, count - 1, 'WITHSCORES')
        .del(target)
        .exec()
      const flat = (results?.[1]?.[1] as string[] | undefined) ?? []
      const top: { id: string; score: number }[] = []
      for (let i = 0; i + 1 < flat.length; i += 2) {
        top.push({ id: flat[i]!, score: Math.round(Number(flat[i + 1]) * 1000) / 1000 })
      }
      return top
    } catch (error) {
      logger.debug({ err: error }, 'trending: read failed')
      return null
    }
  }

  close(): void {
    clearInterval(this.timer)
  }
}
