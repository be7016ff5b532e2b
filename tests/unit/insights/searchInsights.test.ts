import { describe, expect, it } from '@jest/globals'

import { eventBody } from '../../../src/discovery/schemas'
import { normalizeQuery } from '../../../src/insights/normalizeQuery'
import { idOf, rowsOfHash } from '../../../src/insights/redisBuckets'
import { SearchInsights } from '../../../src/insights/SearchInsights'
import { searchRecordOf } from '../../../src/insights/searchAnswer'

describe('query normalisation', () => {
  it.each([
    ['  True   Crime ', 'true crime'],
    ['TRUE\tCRIME\n', 'true crime'],
    ['ＴＲＵＥ crime', 'true crime'], // full-width letters (NFKC)
    ['الْجَرَائِمُ الحقيقية', 'الجرائم الحقيقية'], // harakat
    ['الجــرائم', 'الجرائم'], // tatweel
    ['ﻻ', 'لا'], // presentation form (NFKC)
    ['a\u001fb', 'a b'], // control characters never reach a key
    ['   ', ''],
  ])('counts %j as %j', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected)
  })

  it('keeps alef and ta marbuta spellings apart, so editors see them', () => {
    expect(normalizeQuery('مدرسة')).not.toBe(normalizeQuery('مدرسه'))
  })
})

describe('what a search answer counts as', () => {
  const answer = (body: unknown) => ({ body: JSON.stringify(body) })

  it('reads the result count, relaxation and interpreted filters from the cached body', () => {
    const record = searchRecordOf(
      { q: 'short history podcasts', locale: 'ar' },
      answer({
        results: [],
        total: 4,
        relaxed: true,
        interpretation: { text: 'history', filters: { format: ['podcast'] }, spans: [] },
      }),
    )
    expect(record).toEqual({
      query: 'short history podcasts',
      locale: 'ar',
      total: 4,
      relaxed: true,
      filters: { format: ['podcast'] },
    })
  })

  it('works on answers from before relaxation and interpretation existed', () => {
    expect(searchRecordOf({ q: 'x', locale: 'en' }, answer({ total: 0 }))).toEqual({
      query: 'x',
      locale: 'en',
      total: 0,
      relaxed: false,
      filters: null,
    })
  })

  it('does not count browsing without words, or the next page of a search', () => {
    expect(searchRecordOf({ locale: 'en' }, answer({ total: 3 }))).toBeNull()
    expect(searchRecordOf({ q: 'x', locale: 'en', cursor: 'a.b' }, answer({ total: 3 }))).toBeNull()
  })
})

describe('counting in memory', () => {
  const memoryOnly = (maxQueriesPerHour = 1000) =>
    new SearchInsights({
      redis: null,
      keyPrefix: 'test:',
      maxQueriesPerHour,
      pushIntervalMs: 0,
      fallbackIntervalMs: 0,
    })
  const at = Date.UTC(2026, 0, 1, 10, 30)

  it('adds searches, zero results, relaxed searches and clicks of one query together', () => {
    const insights = memoryOnly()
    insights.recordSearch({ query: 'Film', locale: 'en', total: 0 }, at)
    insights.recordSearch({ query: ' film ', locale: 'en', total: 7, relaxed: true }, at)
    insights.recordClick({ query: 'FILM', locale: 'en', position: 3 }, at)
    insights.recordSearch({ query: 'film', locale: 'ar', total: 1 }, at)
    const rows = insights.pending()
    expect(rows).toHaveLength(2)
    expect(rows.find((row) => row.locale === 'en')).toMatchObject({
      query: 'film',
      searches: 2,
      zeroResults: 1,
      relaxed: 1,
      clicks: 1,
      positionSum: 3,
      lastTotal: 7,
    })
  })

  it('keeps hours apart', () => {
    const insights = memoryOnly()
    insights.recordSearch({ query: 'film', locale: 'en', total: 1 }, at)
    insights.recordSearch({ query: 'film', locale: 'en', total: 1 }, at + 3_600_000)
    expect(insights.pending().map((row) => row.searches)).toEqual([1, 1])
  })

  it('counts queries beyond the hourly cap together, under the empty query', () => {
    const insights = memoryOnly(10)
    for (let i = 0; i < 25; i++) {
      insights.recordSearch({ query: `unique ${i}`, locale: 'en', total: 0 }, at)
    }
    insights.recordSearch({ query: 'unique 3', locale: 'en', total: 0 }, at)
    const rows = insights.pending()
    expect(rows).toHaveLength(11)
    expect(rows.find((row) => row.query === '')).toMatchObject({ searches: 15, lastTotal: null })
    expect(rows.find((row) => row.query === 'unique 3')).toMatchObject({ searches: 2 })
  })
})

describe('an hour hash read back', () => {
  it('becomes one row per locale and query', () => {
    const id = idOf('ar', 'وثائقي')
    const rows = rowsOfHash(5, [
      `n|${id}`,
      '4',
      `z|${id}`,
      '1',
      `t|${id}`,
      '0',
      `f|${id}`,
      '{"format":["documentary"]}',
      `c|${idOf('en', '')}`,
      '2',
    ])
    expect(rows).toEqual([
      {
        hour: 5,
        locale: 'ar',
        query: 'وثائقي',
        searches: 4,
        zeroResults: 1,
        relaxed: 0,
        clicks: 0,
        positionSum: 0,
        lastTotal: 0,
        filters: '{"format":["documentary"]}',
      },
      {
        hour: 5,
        locale: 'en',
        query: '',
        searches: 0,
        zeroResults: 0,
        relaxed: 0,
        clicks: 2,
        positionSum: 0,
        lastTotal: null,
        filters: null,
      },
    ])
  })
})

describe('click events', () => {
  it('accept the query, position and locale of the search a result was opened from', () => {
    expect(
      eventBody.parse({
        type: 'view',
        id: 'program:1',
        query: ' film ',
        position: 2,
        locale: 'ar',
      }),
    ).toEqual({ type: 'view', id: 'program:1', query: 'film', position: 2, locale: 'ar' })
  })

  it.each([
    [{ position: 0, query: 'film' }, 'position'],
    [{ position: 1.5, query: 'film' }, 'position'],
    [{ position: '2', query: 'film' }, 'position'],
    [{ position: 2 }, 'query'],
    [{ query: '' }, 'query'],
    [{ query: 'film', locale: 'fr' }, 'locale'],
  ])('refuse %j (naming %s)', (extra, field) => {
    const parsed = eventBody.safeParse({ type: 'view', id: 'program:1', ...extra })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(field)
  })
})
