import type { Locale } from '../search/locales'

/** One discovery search, as the search endpoint answered it (also from its cache). */
export interface SearchRecord {
  query: string
  locale: Locale
  total: number
  /** The strict query found nothing and a relaxed one answered (absent before relaxation exists). */
  relaxed?: boolean
  /** Filters the query was understood to ask for (the response's `interpretation.filters`). */
  filters?: Record<string, unknown> | null
}

/** A result opened from a search: its 1-based position in the list. */
export interface ClickRecord {
  query: string
  locale: Locale
  position?: number
}

/** Counts of one (hour, normalised query, locale) row, as they are added up. */
export interface InsightCounts {
  searches: number
  zeroResults: number
  relaxed: number
  clicks: number
  positionSum: number
  /** Result count of the latest search counted (null when only clicks were counted). */
  lastTotal: number | null
  /** Interpreted filters of the latest search, as JSON text. */
  filters: string | null
}

export interface InsightRow extends InsightCounts {
  /** Start of the hour, epoch hours (ms / 3 600 000). */
  hour: number
  /** Normalised; '' is the row counting every query beyond the hourly cap. */
  query: string
  locale: string
}

export const HOUR_MS = 3_600_000

export const emptyCounts = (): InsightCounts => ({
  searches: 0,
  zeroResults: 0,
  relaxed: 0,
  clicks: 0,
  positionSum: 0,
  lastTotal: null,
  filters: null,
})

/** Adds `more` into `into` (latest result count and filters win). */
export function addCounts(into: InsightCounts, more: InsightCounts): InsightCounts {
  into.searches += more.searches
  into.zeroResults += more.zeroResults
  into.relaxed += more.relaxed
  into.clicks += more.clicks
  into.positionSum += more.positionSum
  if (more.lastTotal !== null) into.lastTotal = more.lastTotal
  if (more.filters !== null) into.filters = more.filters
  return into
}
