/**
 * How the search service combines the interpretation, the text query, promotions and the
 * exact-title rescue. A fake search backend (canned Elasticsearch answers) and a fake Payload (no
 * categories, no rules) stand in for the services: the wiring is pure logic.
 */
import { describe, expect, it } from '@jest/globals'
import type { estypes } from '@elastic/elasticsearch'
import type { Payload } from 'payload'

import { searchQuery } from '../../../src/discovery/schemas'
import type { SearchBackend } from '../../../src/discovery/searchBackend'
import { DiscoveryService } from '../../../src/discovery/service'
import type { TrendingCounter } from '../../../src/discovery/trending'
import type { Interpretation } from '../../../src/discovery/understand'

const hit = (id: number, title: string) => ({
  _id: `program:${id}`,
  _score: 1,
  _source: { type: 'program', docId: id, slug: `p${id}`, title: { en: title }, categories: [] },
  sort: [1, 'program', id],
})

function service(interpretation: Interpretation, hits: { main: unknown[]; exact: unknown[] }) {
  const requests: { kind: string; request: estypes.SearchRequest }[] = []
  const backend = {
    search: async (kind: string, request: estypes.SearchRequest) => {
      requests.push({ kind, request })
      const isExact = JSON.stringify(request.query).includes('title.en.exact') && request.size === 3
      const list = kind === 'lookup' && isExact ? hits.exact : kind === 'search' ? hits.main : []
      return { took: 1, hits: { total: { value: list.length }, hits: list }, aggregations: {} }
    },
  } as unknown as SearchBackend
  const payload = {
    find: async () => ({ docs: [] }),
    logger: { warn: () => undefined },
  } as unknown as Payload
  const discovery = new DiscoveryService(
    backend,
    payload,
    {} as TrendingCounter,
    'secret-secret-secret',
    () => interpretation,
  )
  return { discovery, requests }
}

describe('search wiring', () => {
  it('searches the words left by the interpretation, with its filters, explicit ones winning', async () => {
    const { discovery, requests } = service(
      { text: 'history', filters: { format: ['podcast'], language: ['ar'] }, spans: [] },
      { main: [hit(1, 'History of Maps')], exact: [] },
    )
    const params = searchQuery.parse({ q: 'history podcasts in arabic', language: 'en' })
    const { response } = await discovery.searchExplained(params)
    expect(response.interpretation?.text).toBe('history')
    const main = requests.find((r) => r.kind === 'search')!.request
    expect(JSON.stringify(main.post_filter)).toContain('"format":["podcast"]')
    expect(JSON.stringify(main.post_filter)).toContain('"language":["en"]')
    expect(JSON.stringify(main.query)).not.toContain('arabic')
  })

  it('keeps an item whose title is the whole raw query first, even when its words became filters', async () => {
    const { discovery } = service(
      { text: '', filters: { maxDuration: 1800 }, spans: [] },
      { main: [hit(1, 'Short Walks'), hit(2, 'Deep Time')], exact: [hit(2, 'Deep Time')] },
    )
    const { response, why } = await discovery.searchExplained(searchQuery.parse({ q: 'Deep Time' }))
    expect(response.results.map((r) => r.id)).toEqual(['program:2', 'program:1'])
    expect(why.exactTitle).toEqual(['program:2'])
  })

  it('does not look for an exact title when the interpretation took nothing away', async () => {
    const { discovery, requests } = service(
      { text: 'Deep Time', filters: {}, spans: [] },
      { main: [hit(2, 'Deep Time')], exact: [hit(2, 'Deep Time')] },
    )
    await discovery.searchExplained(searchQuery.parse({ q: 'Deep Time' }))
    expect(requests.filter((r) => r.kind === 'lookup')).toHaveLength(0)
  })
})
