/**
 * Two-level cache-aside for discovery answers: an in-process LRU in front of Redis.
 *
 * - Keys are hashes of the endpoint and its normalised parameters (schemas sort and lower-case
 *   them), so parameter order and case never create distinct entries.
 * - Freshness: an entry is fresh while it carries the current catalogue generation (bumped after
 *   each searchable index change, see src/search/catalogueChanges.ts) and is younger than its TTL.
 *   Nothing is ever swept: superseded entries simply stop matching and expire.
 * - Superseded entries are kept (up to the stale TTL) and served when Elasticsearch fails.
 * - Concurrent misses for one key in this process share one computation (single-flight).
 * - Redis is optional: when it is unreachable, lookups skip it and the in-process level carries on.
 */
import { createHash } from 'node:crypto'

import type { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'

import { logger } from '../observability/logger'
import { redisReady } from '../redis/client'
import type { Encodings } from './compression'
import { ApiError } from './errors'
import { cacheRequests } from './metrics'

export interface CachedAnswer {
  /** The serialised JSON body, exactly as sent. */
  body: string
  /** The body encoded once, on first send, and reused by every hit after it. */
  bytes?: Buffer
  /** Its brotli and gzip forms, made on first request for each (compression.ts). */
  encodings?: Encodings
  /** Strong validator derived from the body: the same on a miss and on the hits that follow. */
  etag: string
  generation: string
  storedAt: number
  ttlMs: number
}

/** What a computation returns: the body's value, and optionally a shorter freshness. */
export interface Computed {
  value: unknown
  /** Capped at the configured TTL; e.g. until the next featured item expires. */
  ttlMs?: number
}

export type CacheOutcome = 'memory' | 'redis' | 'origin' | 'stale'

export interface DiscoveryCacheOptions {
  redis: Redis | null
  generation: () => string
  /** Prefix of Redis keys (environment prefix included). */
  keyPrefix: string
  ttlMs: number
  staleTtlMs: number
  memoryBytes: number
}

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

export function cacheKey(endpoint: string, params: unknown): string {
  return createHash('sha1')
    .update(`${endpoint}\n${canonicalJson(params)}`)
    .digest('base64url')
}

/** JSON with object keys sorted and undefined dropped: equal parameters, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Redis value: four header lines then the body (no second JSON encoding of the body). */
function serialise(answer: CachedAnswer): string {
  return `${answer.generation}\n${answer.storedAt}\n${answer.ttlMs}\n${answer.etag}\n${answer.body}`
}

function deserialise(raw: string): CachedAnswer | null {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < 4; i++) {
    const end = raw.indexOf('\n', start)
    if (end < 0) return null
    parts.push(raw.slice(start, end))
    start = end + 1
  }
  const [generation, storedAt, ttlMs, etag] = parts as [string, string, string, string]
  return {
    generation,
    storedAt: Number(storedAt),
    ttlMs: Number(ttlMs),
    etag,
    body: raw.slice(start),
  }
}

export class DiscoveryCache {
  private readonly memory: LRUCache<string, CachedAnswer>
  private readonly inflight = new Map<
    string,
    Promise<{ answer: CachedAnswer; outcome: CacheOutcome }>
  >()

  constructor(private readonly options: DiscoveryCacheOptions) {
    this.memory = new LRUCache({
      maxSize: Math.max(1, options.memoryBytes),
      sizeCalculation: (answer) => answer.body.length * 3 + 256,
      ttl: Math.max(options.ttlMs, options.staleTtlMs),
    })
  }

  private isFresh(answer: CachedAnswer, now = Date.now()): boolean {
    return answer.generation === this.options.generation() && now - answer.storedAt < answer.ttlMs
  }

  /** Seconds a fresh answer stays fresh from now (for Cache-Control). */
  remainingSeconds(answer: CachedAnswer): number {
    return Math.max(0, Math.floor((answer.storedAt + answer.ttlMs - Date.now()) / 1000))
  }

  /** The answer for `key`: cached when fresh, otherwise computed once and stored in both levels. */
  async fetch(
    key: string,
    compute: () => Promise<Computed>,
  ): Promise<{ answer: CachedAnswer; outcome: CacheOutcome }> {
    const local = this.memory.get(key)
    if (local && this.isFresh(local)) {
      cacheRequests.inc({ level: 'memory', result: 'hit' })
      return { answer: local, outcome: 'memory' }
    }
    cacheRequests.inc({ level: 'memory', result: 'miss' })
    const pending = this.inflight.get(key)
    if (pending) return pending
    const run = this.lookupOrCompute(key, compute, local).finally(() => this.inflight.delete(key))
    this.inflight.set(key, run)
    return run
  }

  private async lookupOrCompute(
    key: string,
    compute: () => Promise<Computed>,
    local: CachedAnswer | undefined,
  ): Promise<{ answer: CachedAnswer; outcome: CacheOutcome }> {
    const remote = await this.readRedis(key)
    if (remote && this.isFresh(remote)) {
      cacheRequests.inc({ level: 'redis', result: 'hit' })
      this.memory.set(key, remote)
      return { answer: remote, outcome: 'redis' }
    }
    if (this.options.redis) cacheRequests.inc({ level: 'redis', result: 'miss' })

    const generation = this.options.generation()
    let computed: Computed
    try {
      computed = await compute()
    } catch (error) {
      // Client errors are answers, not outages: never mask them with an old result.
      if (error instanceof ApiError && error.status < 500) throw error
      const stale = [local, remote]
        .filter((answer): answer is CachedAnswer => !!answer)
        .sort((a, b) => b.storedAt - a.storedAt)[0]
      if (stale && Date.now() - stale.storedAt < this.options.staleTtlMs) {
        cacheRequests.inc({ level: local === stale ? 'memory' : 'redis', result: 'stale' })
        return { answer: stale, outcome: 'stale' }
      }
      throw error
    }
    const body = JSON.stringify(computed.value)
    const answer: CachedAnswer = {
      body,
      etag: etagOf(body),
      generation,
      storedAt: Date.now(),
      ttlMs: Math.max(1000, Math.min(computed.ttlMs ?? this.options.ttlMs, this.options.ttlMs)),
    }
    this.memory.set(key, answer)
    this.writeRedis(key, answer)
    return { answer, outcome: 'origin' }
  }

  private redisKey(key: string) {
    return `${this.options.keyPrefix}${key}`
  }

  private async readRedis(key: string): Promise<CachedAnswer | null> {
    const client = this.options.redis
    if (!client || !redisReady(client)) return null
    try {
      const raw = await client.get(this.redisKey(key))
      return raw ? deserialise(raw) : null
    } catch (error) {
      logger.debug({ err: error }, 'discovery cache: redis read failed')
      return null
    }
  }

  private writeRedis(key: string, answer: CachedAnswer): void {
    const client = this.options.redis
    if (!client || !redisReady(client)) return
    const keepMs = Math.max(answer.ttlMs, this.options.staleTtlMs)
    client.set(this.redisKey(key), serialise(answer), 'PX', keepMs).catch((error: unknown) => {
      logger.debug({ err: error }, 'discovery cache: redis write failed')
    })
  }

  /** Drops this process's entries (tests). */
  clearMemory(): void {
    this.memory.clear()
  }
}
