/**
 * Moves counted searches from Redis to Postgres and applies retention. Safe to run in any number
 * of processes at once: each hour's hash is taken atomically (renamed and read in one script), so
 * exactly one flusher gets a given count, and the Postgres upsert adds to what is there.
 */
import { randomUUID } from 'node:crypto'

import type { Redis } from 'ioredis'

import { logger } from '../observability/logger'
import { redisReady } from '../redis/client'
import { BUCKET_TTL_MS, hourKey, idOf, recordRow, rowsOfHash, withScripts } from './redisBuckets'
import { deleteInsightsBefore, type Pool, upsertInsightRows } from './store'
import { HOUR_MS } from './types'

export interface FlushOptions {
  redis: Redis | null
  keyPrefix: string
  pool: Pool
  /** Rows of hours older than this many days are deleted. */
  retentionDays: number
  now?: number
}

export interface FlushResult {
  rows: number
  deleted: number
}

/** Hours of hashes looked at: as long as Redis keeps them. */
const LOOKBACK_HOURS = BUCKET_TTL_MS / HOUR_MS

export async function flushSearchInsights(options: FlushOptions): Promise<FlushResult> {
  const now = options.now ?? Date.now()
  let rows = 0
  const client = options.redis
  if (client && redisReady(client)) {
    const commands = withScripts(client)
    const current = Math.floor(now / HOUR_MS)
    for (let hour = current - LOOKBACK_HOURS; hour <= current; hour++) {
      rows += await flushHour(commands, options, hour)
    }
  }
  const before = new Date(now - options.retentionDays * 86_400_000)
  const deleted = await deleteInsightsBefore(options.pool, before)
  return { rows, deleted }
}

async function flushHour(
  client: ReturnType<typeof withScripts>,
  options: FlushOptions,
  hour: number,
): Promise<number> {
  const source = hourKey(options.keyPrefix, hour)
  const taken = `${options.keyPrefix}flushing:${hour}:${randomUUID()}`
  const flat = await client.insightsTake(source, taken, BUCKET_TTL_MS)
  if (!flat.length) return 0
  const rows = rowsOfHash(hour, flat)
  try {
    const written = await upsertInsightRows(options.pool, rows)
    await client.del(taken)
    return written
  } catch (error) {
    // Postgres refused: give the counts back to the live hash for the next flush.
    logger.warn({ err: error, hour }, 'search insights: flush failed, counts kept in Redis')
    const pipeline = client.pipeline() as unknown as Parameters<typeof recordRow>[0] & {
      exec(): Promise<unknown>
      del(key: string): unknown
    }
    for (const row of rows) {
      const id = idOf(row.locale, row.query)
      // Already within the cap when first counted: no cap applies when giving back.
      void recordRow(pipeline, options.keyPrefix, Number.MAX_SAFE_INTEGER, hour, id, row)
    }
    pipeline.del(taken)
    await pipeline.exec()
    throw error
  }
}

/** Flushes every `intervalMs` until stopped (the worker, and web instances that run jobs). */
export function startInsightsFlusher(
  options: Omit<FlushOptions, 'now'>,
  intervalMs: number,
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    running = flushSearchInsights(options).catch((error: unknown) => {
      logger.warn({ err: error }, 'search insights: flush failed')
    })
  }, intervalMs)
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
