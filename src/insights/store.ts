/**
 * Postgres side of search insights: batch upserts that add to existing rows, retention, and the
 * summaries the admin view shows. Raw SQL on Payload's pool: the additive upsert
 * (`searches = searches + excluded.searches`) is what makes flushes from several processes safe,
 * and Payload's Local API has no equivalent.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { HOUR_MS, type InsightRow } from './types'

export type Pool = PostgresAdapter['pool']

export const insightsPool = (payload: Payload): Pool =>
  (payload.db as unknown as PostgresAdapter).pool

const TABLE = 'search_insights'

/** Adds `rows` to the table: new (hour, query, locale) rows are inserted, existing ones summed. */
export async function upsertInsightRows(pool: Pool, rows: InsightRow[]): Promise<number> {
  if (!rows.length) return 0
  // One statement may not touch a row twice: merge duplicates first.
  const merged = new Map<string, InsightRow>()
  for (const row of rows) {
    const key = `${row.hour}\u001f${row.locale}\u001f${row.query}`
    const seen = merged.get(key)
    if (!seen) {
      merged.set(key, { ...row })
      continue
    }
    seen.searches += row.searches
    seen.zeroResults += row.zeroResults
    seen.relaxed += row.relaxed
    seen.clicks += row.clicks
    seen.positionSum += row.positionSum
    if (row.lastTotal !== null) seen.lastTotal = row.lastTotal
    if (row.filters !== null) seen.filters = row.filters
  }
  const list = [...merged.values()]
  const column = <T>(pick: (row: InsightRow) => T) => list.map(pick)
  await pool.query(
    `INSERT INTO ${TABLE}
       (hour, query, locale, searches, zero_results, relaxed, clicks, position_sum, last_total,
        filters, updated_at, created_at)
     SELECT r.hour, r.query, r.locale, r.searches, r.zero_results, r.relaxed, r.clicks,
            r.position_sum, r.last_total, r.filters::jsonb, now(), now()
       FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::bigint[], $5::bigint[],
                   $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[])
         AS r(hour, query, locale, searches, zero_results, relaxed, clicks, position_sum,
              last_total, filters)
     ON CONFLICT (hour, query, locale) DO UPDATE SET
       searches = ${TABLE}.searches + excluded.searches,
       zero_results = ${TABLE}.zero_results + excluded.zero_results,
       relaxed = ${TABLE}.relaxed + excluded.relaxed,
       clicks = ${TABLE}.clicks + excluded.clicks,
       position_sum = ${TABLE}.position_sum + excluded.position_sum,
       last_total = COALESCE(excluded.last_total, ${TABLE}.last_total),
       filters = COALESCE(excluded.filters, ${TABLE}.filters),
       updated_at = now()`,
    [
      column((row) => new Date(row.hour * HOUR_MS).toISOString()),
      column((row) => row.query),
      column((row) => row.locale),
      column((row) => row.searches),
      column((row) => row.zeroResults),
      column((row) => row.relaxed),
      column((row) => row.clicks),
      column((row) => row.positionSum),
      column((row) => row.lastTotal),
      column((row) => row.filters),
    ],
  )
  return list.length
}

/** Deletes the rows of hours that started before `before`; returns how many. */
export async function deleteInsightsBefore(pool: Pool, before: Date): Promise<number> {
  const result = await pool.query(`DELETE FROM ${TABLE} WHERE hour < $1`, [before.toISOString()])
  return result.rowCount ?? 0
}

export const PERIODS = { '24h': 24, '7d': 168, '30d': 720 } as const
export type Period = keyof typeof PERIODS

export interface InsightsQuery {
  period: Period
  locale?: 'en' | 'ar'
  /** Least searches for a query to appear among low click-through ones. */
  minSearches?: number
  limit?: number
  now?: Date
}

export interface QuerySummary {
  query: string
  locale: string
  searches: number
  zeroResults: number
  relaxed: number
  clicks: number
  /** Clicks per search (0–1; above 1 when people open several results). */
  ctr: number
  /** Average 1-based position of the opened results; null without clicks. */
  averagePosition: number | null
  lastTotal: number | null
  filters: unknown
}

export interface InsightsReport {
  period: Period
  locale: 'en' | 'ar' | null
  since: string
  totals: { searches: number; zeroResults: number; clicks: number; otherQueries: number }
  top: QuerySummary[]
  zeroResults: QuerySummary[]
  lowClickThrough: QuerySummary[]
}

interface SummaryRow {
  query: string
  locale: string
  searches: string
  zero_results: string
  relaxed: string
  clicks: string
  position_sum: string
  last_total: string | null
  filters: unknown
}

function toSummary(row: SummaryRow): QuerySummary {
  const searches = Number(row.searches)
  const clicks = Number(row.clicks)
  return {
    query: row.query,
    locale: row.locale,
    searches,
    zeroResults: Number(row.zero_results),
    relaxed: Number(row.relaxed),
    clicks,
    ctr: searches ? Math.round((clicks / searches) * 1000) / 1000 : 0,
    averagePosition: clicks ? Math.round((Number(row.position_sum) / clicks) * 10) / 10 : null,
    lastTotal: row.last_total === null ? null : Number(row.last_total),
    filters: row.filters ?? null,
  }
}

/** Top, zero-result and low click-through queries over a period (the admin view's tables). */
export async function insightsReport(pool: Pool, options: InsightsQuery): Promise<InsightsReport> {
  const now = options.now ?? new Date()
  const since = new Date(now.getTime() - PERIODS[options.period] * HOUR_MS)
  // Hours are counted whole: the first hour of the period is included.
  since.setUTCMinutes(0, 0, 0)
  const limit = options.limit ?? 50
  const minSearches = options.minSearches ?? 5
  const locale = options.locale ?? null
  const grouped = `
    SELECT query, locale, sum(searches) AS searches, sum(zero_results) AS zero_results,
           sum(relaxed) AS relaxed, sum(clicks) AS clicks, sum(position_sum) AS position_sum,
           (array_agg(last_total ORDER BY hour DESC) FILTER (WHERE last_total IS NOT NULL))[1]
             AS last_total,
           (array_agg(filters ORDER BY hour DESC) FILTER (WHERE filters IS NOT NULL))[1] AS filters
      FROM ${TABLE}
     WHERE hour >= $1 AND ($2::text IS NULL OR locale = $2) AND query <> ''
     GROUP BY query, locale`
  const params = [since.toISOString(), locale, limit]
  const [top, zero, low, totals] = await Promise.all([
    pool.query<SummaryRow>(`${grouped} ORDER BY searches DESC, query LIMIT $3`, params),
    pool.query<SummaryRow>(
      `${grouped} HAVING sum(zero_results) > 0 ORDER BY zero_results DESC, searches DESC, query
       LIMIT $3`,
      params,
    ),
    pool.query<SummaryRow>(
      `${grouped} HAVING sum(searches) >= $4 AND sum(zero_results) < sum(searches)
       ORDER BY sum(clicks)::float / sum(searches), searches DESC, query LIMIT $3`,
      [...params, minSearches],
    ),
    pool.query<{ searches: string; zero: string; clicks: string; other: string }>(
      `SELECT coalesce(sum(searches), 0) AS searches, coalesce(sum(zero_results), 0) AS zero,
              coalesce(sum(clicks), 0) AS clicks,
              coalesce(sum(searches) FILTER (WHERE query = ''), 0) AS other
         FROM ${TABLE} WHERE hour >= $1 AND ($2::text IS NULL OR locale = $2)`,
      [since.toISOString(), locale],
    ),
  ])
  const total = totals.rows[0]!
  return {
    period: options.period,
    locale,
    since: since.toISOString(),
    totals: {
      searches: Number(total.searches),
      zeroResults: Number(total.zero),
      clicks: Number(total.clicks),
      otherQueries: Number(total.other),
    },
    top: top.rows.map(toSummary),
    zeroResults: zero.rows.map(toSummary),
    lowClickThrough: low.rows.map(toSummary),
  }
}
