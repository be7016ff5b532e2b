import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from './AdminPage'

import { isStaffUser } from '../access/roles'
import {
  insightsPool,
  insightsReport,
  PERIODS,
  type Period,
  type QuerySummary,
} from '../insights/store'

/** Least searches for a query to be judged on its click-through. */
const MIN_SEARCHES_FOR_CTR = 5

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

const synonymLink = (query: string) =>
  `/admin/collections/search-synonyms/create?terms=${encodeURIComponent(query)}`
const promotionLink = (query: string) =>
  `/admin/collections/search-promotions/create?query=${encodeURIComponent(query)}`

function Table({ rows, testId, empty }: { rows: QuerySummary[]; testId: string; empty: string }) {
  if (!rows.length) return <p data-testid={`${testId}-empty`}>{empty}</p>
  return (
    <table data-testid={testId} style={{ width: '100%', marginBottom: 32 }}>
      <thead>
        <tr>
          <th align="left">Query</th>
          <th align="left">Locale</th>
          <th align="right">Searches</th>
          <th align="right">No results</th>
          <th align="right">Relaxed</th>
          <th align="right">Clicks</th>
          <th align="right">Click-through</th>
          <th align="right">Avg. position</th>
          <th align="right">Last results</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.locale}:${row.query}`}>
            <td dir="auto">{row.query}</td>
            <td>{row.locale}</td>
            <td align="right">{row.searches}</td>
            <td align="right">{row.zeroResults}</td>
            <td align="right">{row.relaxed}</td>
            <td align="right">{row.clicks}</td>
            <td align="right">{`${Math.round(row.ctr * 100)}%`}</td>
            <td align="right">{row.averagePosition ?? '–'}</td>
            <td align="right">{row.lastTotal ?? '–'}</td>
            <td>
              <a href={synonymLink(row.query)}>Add synonym</a>
              {' · '}
              <a href={promotionLink(row.query)}>Promote</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Admin view at /admin/search-insights (editors and admins): what people search for, what finds
 * nothing and what they rarely open, over 24 h / 7 d / 30 d, per locale; each row links to a new
 * synonym or promotion prefilled with its query.
 */
export async function SearchInsightsView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = isStaffUser(req.user)
  const periodParam = first(searchParams?.period)
  const period: Period = periodParam && periodParam in PERIODS ? (periodParam as Period) : '7d'
  const localeParam = first(searchParams?.locale)
  const only = localeParam === 'en' || localeParam === 'ar' ? localeParam : undefined
  const report = allowed
    ? await insightsReport(insightsPool(req.payload), {
        period,
        locale: only,
        minSearches: MIN_SEARCHES_FOR_CTR,
      })
    : null
  const href = (next: { period?: Period; locale?: string | null }) => {
    const query = new URLSearchParams({ period: next.period ?? period })
    const chosen = next.locale === undefined ? only : next.locale
    if (chosen) query.set('locale', chosen)
    return `/admin/search-insights?${query}`
  }
  const choice = (active: boolean, link: string, label: string) => (
    <a
      key={label}
      href={link}
      style={{ marginRight: 12, fontWeight: active ? 700 : 400 }}
      aria-current={active ? 'page' : undefined}
    >
      {label}
    </a>
  )
  return (
    <AdminPage
      initPageResult={initPageResult}
      params={params}
      searchParams={searchParams}
      title="Search insights"
    >
      {!report ? (
        <p data-testid="insights-refused">Only editors and admins can see search insights.</p>
      ) : (
        <>
          <p>
            Discovery searches, counted per hour without anything that identifies a person. Since{' '}
            {new Date(report.since).toUTCString()}: {report.totals.searches} searches,{' '}
            {report.totals.zeroResults} without results, {report.totals.clicks} results opened
            {report.totals.otherQueries
              ? `, ${report.totals.otherQueries} searches beyond the hourly cap of distinct queries`
              : ''}
            .
          </p>
          <p>
            {(Object.keys(PERIODS) as Period[]).map((p) =>
              choice(p === period, href({ period: p }), p),
            )}
            {' | '}
            {choice(!only, href({ locale: null }), 'All languages')}
            {choice(only === 'en', href({ locale: 'en' }), 'English')}
            {choice(only === 'ar', href({ locale: 'ar' }), 'العربية')}
          </p>
          <h2>Top queries</h2>
          <Table rows={report.top} testId="top-queries" empty="No searches in this period." />
          <h2>Queries without results</h2>
          <Table
            rows={report.zeroResults}
            testId="zero-result-queries"
            empty="Every search found something."
          />
          <h2>Low click-through</h2>
          <p>{`Queries searched at least ${MIN_SEARCHES_FOR_CTR} times, least opened first.`}</p>
          <Table
            rows={report.lowClickThrough}
            testId="low-ctr-queries"
            empty="Not enough searches yet."
          />
        </>
      )}
    </AdminPage>
  )
}
