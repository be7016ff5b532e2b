/**
 * Counts discovery searches and the clicks on their results, without ever writing the database
 * on a request.
 *
 * A request only adds to an in-process map keyed by (hour, locale, normalised query): no I/O,
 * a few microseconds. Every second the map is pushed to Redis in one pipeline (atomic scripts,
 * redisBuckets.ts), where all instances' counts meet and the hourly cap on distinct queries is
 * shared. The flush (flush.ts) moves Redis to Postgres. While Redis is away the map simply keeps
 * growing (bounded by the same cap, per hour, overflow counted under the empty query) and is
 * written straight to Postgres at the flush interval, so nothing is lost in an outage longer than
 * a few seconds either.
 *
 * Nothing about the client is ever seen here: no IP, user id or cookie.
 */
import type { Redis } from 'ioredis'

import { logger } from '../observability/logger'
import { redisReady } from '../redis/client'
import { normalizeQuery } from './normalizeQuery'
import { idOf, ID_SEPARATOR, recordRow, withScripts } from './redisBuckets'
import {
  addCounts,
  type ClickRecord,
  emptyCounts,
  HOUR_MS,
  type InsightCounts,
  type InsightRow,
  type SearchRecord,
} from './types'

export interface SearchInsightsOptions {
  /** Where counts meet; null: memory only, written by `fallbackSink`. */
  redis: Redis | null
  /** Prefix of the Redis keys (environment prefix included). */
  keyPrefix: string
  /** Distinct (locale, query) pairs counted per hour; beyond, counted as "other queries". */
  maxQueriesPerHour: number
  /** Writes rows straight to Postgres: what memory holds while Redis is away. */
  fallbackSink?: (rows: InsightRow[]) => Promise<unknown>
  /** How often memory is pushed to Redis. @default 1000 */
  pushIntervalMs?: number
  /** How often memory goes to `fallbackSink` while Redis is away. @default 60000 */
  fallbackIntervalMs?: number
}

type Buffer = Map<number, Map<string, InsightCounts>>

export class SearchInsights {
  private buffer: Buffer = new Map()
  private pushing: Promise<void> | undefined
  private readonly timers: NodeJS.Timeout[] = []

  constructor(private readonly options: SearchInsightsOptions) {
    if (options.pushIntervalMs !== 0) {
      this.timers.push(setInterval(() => void this.push(), options.pushIntervalMs ?? 1000))
    }
    if (options.fallbackSink && options.fallbackIntervalMs !== 0) {
      const every = options.fallbackIntervalMs ?? 60_000
      this.timers.push(setInterval(() => void this.writeFallback(), every))
    }
    for (const timer of this.timers) timer.unref()
  }

  /** Counts one search. Empty queries (browsing with filters) are not searches. */
  recordSearch(search: SearchRecord, now = Date.now()): void {
    const query = normalizeQuery(search.query)
    if (!query) return
    const filters =
      search.filters && Object.keys(search.filters).length ? JSON.stringify(search.filters) : null
    this.add(now, search.locale, query, {
      searches: 1,
      zeroResults: search.total === 0 ? 1 : 0,
      relaxed: search.relaxed ? 1 : 0,
      clicks: 0,
      positionSum: 0,
      lastTotal: search.total,
      filters,
    })
  }

  /** Counts one result opened from a search (the events endpoint). */
  recordClick(click: ClickRecord, now = Date.now()): void {
    const query = normalizeQuery(click.query)
    if (!query) return
    this.add(now, click.locale, query, {
      ...emptyCounts(),
      clicks: 1,
      positionSum: click.position ?? 0,
    })
  }

  private add(now: number, locale: string, query: string, counts: InsightCounts): void {
    const hour = Math.floor(now / HOUR_MS)
    let ids = this.buffer.get(hour)
    if (!ids) {
      ids = new Map()
      this.buffer.set(hour, ids)
    }
    let id = idOf(locale, query)
    let current = ids.get(id)
    if (!current && ids.size >= this.options.maxQueriesPerHour) {
      // A flood of distinct queries: count it, but as one row per locale.
      id = idOf(locale, '')
      current = ids.get(id)
      counts.lastTotal = null
      counts.filters = null
    }
    if (current) addCounts(current, counts)
    else ids.set(id, counts)
  }

  /** Rows held in this process (not yet in Redis or Postgres). */
  pending(): InsightRow[] {
    return rowsOf(this.buffer)
  }

  /** Moves what memory holds to Redis; keeps it when Redis is away or refuses. */
  push(): Promise<void> {
    this.pushing ??= this.pushOnce().finally(() => {
      this.pushing = undefined
    })
    return this.pushing
  }

  private async pushOnce(): Promise<void> {
    const client = this.options.redis
    if (!this.buffer.size || !client || !redisReady(client)) return
    const batch = this.buffer
    this.buffer = new Map()
    const commands = withScripts(client)
    const pipeline = commands.pipeline() as unknown as Parameters<typeof recordRow>[0] & {
      exec(): Promise<[Error | null, unknown][] | null>
    }
    const sent: { hour: number; id: string; counts: InsightCounts }[] = []
    for (const [hour, ids] of batch) {
      for (const [id, counts] of ids) {
        void recordRow(
          pipeline,
          this.options.keyPrefix,
          this.options.maxQueriesPerHour,
          hour,
          id,
          counts,
        )
        sent.push({ hour, id, counts })
      }
    }
    let results: [Error | null, unknown][] = []
    try {
      results = (await pipeline.exec()) ?? []
    } catch (error) {
      logger.debug({ err: error }, 'search insights: push failed')
    }
    // exec() reports per-command errors (a dropped connection does not reject): keep those rows.
    sent.forEach((row, index) => {
      const result = results[index]
      if (result && !result[0]) return
      this.restore(row.hour, row.id, row.counts)
    })
  }

  private restore(hour: number, id: string, counts: InsightCounts): void {
    const ids = this.buffer.get(hour) ?? new Map<string, InsightCounts>()
    this.buffer.set(hour, ids)
    const current = ids.get(id)
    if (current) addCounts(current, counts)
    else ids.set(id, counts)
  }

  /** While Redis is away: writes what memory holds straight to Postgres (one batch). */
  async writeFallback(): Promise<void> {
    const sink = this.options.fallbackSink
    const client = this.options.redis
    if (!sink || !this.buffer.size || (client && redisReady(client))) return
    const batch = this.buffer
    this.buffer = new Map()
    try {
      await sink(rowsOf(batch))
    } catch (error) {
      logger.warn({ err: error }, 'search insights: could not write counts, will retry')
      for (const [hour, ids] of batch) {
        for (const [id, counts] of ids) this.restore(hour, id, counts)
      }
    }
  }

  /** Stops the timers and hands over what memory holds (Redis, else Postgres). */
  async close(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer)
    await this.push()
    await this.writeFallback()
  }
}

function rowsOf(buffer: Buffer): InsightRow[] {
  const rows: InsightRow[] = []
  for (const [hour, ids] of buffer) {
    for (const [id, counts] of ids) {
      const separator = id.indexOf(ID_SEPARATOR)
      rows.push({
        hour,
        locale: id.slice(0, separator),
        query: id.slice(separator + 1),
        ...counts,
      })
    }
  }
  return rows
}
