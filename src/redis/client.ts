import { Redis, type RedisOptions } from 'ioredis'

import { mediaMeshOptions } from '../lib/mediaMeshOptions'
import { logger } from '../observability/logger'

/**
 * Redis holds nothing that cannot be lost (cache entries, rate-limit counters, trending counts), so
 * every caller treats it as optional: commands fail fast instead of queueing while it is away
 * (`enableOfflineQueue: false`, no per-command retries, a short command timeout), and the client
 * reconnects by itself in the background.
 */
export function redisOptions(overrides: RedisOptions = {}): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectTimeout: 2000,
    // Reconnect forever, backing off to one attempt every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    lazyConnect: false,
    ...overrides,
  }
}

const clients: Redis[] = []

/**
 * A new connection to the configured Redis. With `redis: false` in the options, a client that is
 * closed from the start: every command fails at once, and callers carry on without Redis as they
 * do while it is away.
 */
export function createRedis(name: string, overrides: RedisOptions = {}): Redis {
  const settings = mediaMeshOptions().redis
  if (!settings) {
    const closed = new Redis(redisOptions({ lazyConnect: true, ...overrides }))
    closed.disconnect()
    return closed
  }
  const client = new Redis(
    settings.url,
    redisOptions({ connectionName: `mediamesh-${name}`, ...overrides }),
  )
  let reported = false
  // Without a listener ioredis prints every failed reconnect; log the outage once, and the recovery.
  client.on('error', (error) => {
    if (reported) return
    reported = true
    logger.warn({ err: error, redis: name }, 'redis unavailable: continuing without it')
  })
  client.on('ready', () => {
    if (reported) logger.info({ redis: name }, 'redis reconnected')
    reported = false
  })
  clients.push(client)
  return client
}

let shared: Redis | undefined

/**
 * The process-wide command connection: the client given in the options, or ours (keys are
 * prefixed with `redisKey` by callers).
 */
export function redis(): Redis {
  const settings = mediaMeshOptions().redis
  shared ??= (settings && settings.client) || createRedis('commands')
  return shared
}

/** Whether a command sent now would be attempted (connected), rather than fail at once. */
export function redisReady(client: Redis = redis()): boolean {
  return client.status === 'ready'
}

/** Waits (briefly) for a connection still being established; true once it is ready. */
export function waitForReady(client: Redis = redis(), timeoutMs = 1000): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true)
  if (!['connecting', 'connect', 'reconnecting', 'wait'].includes(client.status)) {
    return Promise.resolve(false)
  }
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer)
      client.off('ready', onReady)
      resolve(ready)
    }
    const onReady = () => done(true)
    const timer = setTimeout(() => done(false), timeoutMs)
    client.once('ready', onReady)
  })
}

/** A key or channel name under this environment's prefix. */
export const redisKey = (...parts: (string | number)[]) => `${keyPrefix()}${parts.join(':')}`

/** Without Redis keys only name in-memory entries: no prefix is needed. */
function keyPrefix(): string {
  const settings = mediaMeshOptions().redis
  return settings ? settings.keyPrefix : ''
}

export async function checkRedisHealth(client: Redis = redis()): Promise<void> {
  if (!redisReady(client)) throw new Error(`redis is ${client.status}`)
  await client.ping()
}

/** Closes every connection this process opened (shutdown and tests). */
export async function closeRedis(): Promise<void> {
  const open = clients.splice(0)
  shared = undefined
  await Promise.all(open.map((client) => client.quit().catch(() => client.disconnect())))
}
