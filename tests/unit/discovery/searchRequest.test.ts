import { describe, expect, it } from '@jest/globals'

import { buildSearchRequest, sortFor } from '../../../src/discovery/query/searchRequest'
import { searchQuery } from '../../../src/discovery/schemas'

const params = (query: Record<string, unknown>) => searchQuery.parse(query)

describe('search request building', () => {
  it('applies every facet selection to the hits and all but its own to each facet', () => {
    const request = buildSearchRequest(
      params({
        format: 'podcast',
        category: ['history', 'science'],
        language: 'ar',
        type: 'episode',
      }),
    )
    const postFilter = JSON.stringify(request.post_filter)
    for (const expected of [
      '"format":["podcast"]',
      '"categories.slug":["history","science"]',
      '"language":["ar"]',
      '"type":"episode"',
    ]) {
      expect(postFilter).toContain(expected)
    }
    const aggs = request.aggs as Record<string, { filter: unknown }>
    const formatFacet = JSON.stringify(aggs.format!.filter)
    expect(formatFacet).not.toContain('"format"')
    expect(formatFacet).toContain('"categories.slug"')
    const categoryFacet = JSON.stringify(aggs.category!.filter)
    expect(categoryFacet).not.toContain('categories.slug')
    expect(categoryFacet).toContain('"format":["podcast"]')
  })

  it('keeps date bounds in the query, so facets count within them too', () => {
    const request = buildSearchRequest(params({ publishedAfter: '2024-01-01' }))
    expect(JSON.stringify(request.query)).toContain('"gte":"2024-01-01T00:00:00.000Z"')
    expect(JSON.stringify(request.post_filter)).not.toContain('publishedAt')
  })

  it('searches both languages with typo tolerance and word prefixes', () => {
    const request = buildSearchRequest(params({ q: 'tarikh', locale: 'ar' }))
    const query = JSON.stringify(request.query)
    expect(query).toContain('"fuzziness":"AUTO:5,9"')
    expect(query).toContain('title.ar^4')
    expect(query).toContain('title.en^3.5')
    expect(query).toContain('title.ar.prefix^4')
    expect(request.highlight).toBeDefined()
  })

  it('browses newest first without a query, and always ends the sort on a unique tiebreak', () => {
    expect(sortFor({ sort: 'relevance' })).toEqual([
      { publishedAt: 'desc' },
      { type: 'asc' },
      { docId: 'asc' },
    ])
    for (const sort of ['relevance', 'newest', 'oldest', 'duration'] as const) {
      expect(sortFor({ sort, q: 'x' }).slice(-2)).toEqual([{ type: 'asc' }, { docId: 'asc' }])
    }
  })

  it('continues after the cursor position with search_after', () => {
    const request = buildSearchRequest(params({}), [1700000000000, 'episode', 9])
    expect(request.search_after).toEqual([1700000000000, 'episode', 9])
    expect(request.track_total_hits).toBe(true)
  })
})

describe('search parameters', () => {
  it('normalise order, case and repetition of multi-valued parameters', () => {
    const a = params({ category: ['Science', 'history', 'science'], language: 'AR' })
    const b = params({ category: ['history', 'science'], language: ['ar'] })
    expect(a).toEqual(b)
  })

  it('refuse impossible calendar dates and inverted ranges', () => {
    expect(searchQuery.safeParse({ publishedAfter: '2024-02-30' }).success).toBe(false)
    expect(searchQuery.safeParse({ minDuration: '60', maxDuration: '30' }).success).toBe(false)
    expect(
      searchQuery.safeParse({ publishedAfter: '2024-02-01', publishedBefore: '2024-01-01' })
        .success,
    ).toBe(false)
    expect(searchQuery.safeParse({ publishedAfter: '2024-02-29' }).success).toBe(true)
  })
})
