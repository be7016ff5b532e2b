/**
 * Search insights through the real host, Redis and Postgres: what people search for is counted
 * (cached answers too), clicks come from the events endpoint, the flush moves counts to Postgres
 * exactly once however many flushers run, old hours are deleted, a Redis outage loses nothing, and
 * editors read it all in the admin panel. Nothing that identifies a person is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { flushSearchInsights } from '../../../src/insights/flush'
import { normalizeQuery } from '../../../src/insights/normalizeQuery'
import { SearchInsights } from '../../../src/insights/SearchInsights'
import { insightsPool, type Pool, upsertInsightRows } from '../../../src/insights/store'
import { HOUR_MS } from '../../../src/insights/types'
import { startJobRunner } from '../../../src/jobs/claimingRunner'
import type { Program } from '../../../src/payload-types'
import { closeRedis, redis, redisKey, redisOptions } from '../../../src/redis/client'
import { catalogueGeneration } from '../../../src/search/catalogueChanges'
import { makeProgram } from '../helpers/fixtures'
import { baseUrl, request } from '../helpers/http'
import { signedIn, testPayload, uniqueTag } from '../helpers/payload'
import { until } from '../helpers/until'

let payload: Payload
let pool: Pool
let program: Program
let title: string
const HOST_PREFIX = () => redisKey('insights', '')

interface Row {
  query: string
  locale: string
  searches: number
  zero_results: number
  relaxed: number
  clicks: number
  position_sum: number
  last_total: number | null
}

async function rowsFor(query: string, locale = 'en'): Promise<Row[]> {
  const { rows } = await pool.query(
    `SELECT query, locale, searches::int, zero_results::int, relaxed::int, clicks::int,
            position_sum::int, last_total::int
       FROM search_insights WHERE query = $1 AND locale = $2`,
    [normalizeQuery(query), locale],
  )
  return rows as Row[]
}

/** Flushes the host's counts (it pushes them to Redis every second) until `ready` holds. */
function flushedRow(what: string, query: string, ready: (row: Row) => boolean, locale = 'en') {
  return until(what, async () => {
    await flushSearchInsights({
      redis: redis(),
      keyPrefix: HOST_PREFIX(),
      pool,
      retentionDays: 90,
    })
    const [row] = await rowsFor(query, locale)
    return row && ready(row) ? row : undefined
  })
}

const search = (q: string, extra = '', headers: Record<string, string> = {}) =>
  request(`/discovery/v1/search?q=${encodeURIComponent(q)}${extra}`, { headers })

beforeAll(async () => {
  payload = await testPayload()
  pool = insightsPool(payload)
  const tag = uniqueTag()
  title = `Lantern ${tag} Chronicles`
  const runner = startJobRunner(payload, { idleMs: 50 })
  try {
    program = await makeProgram(payload, 'published', {
      title,
      publishedAt: new Date().toISOString(),
    })
    // A second program sharing two words of the title, so a search for them has two pages of one.
    const sibling = await makeProgram(payload, 'published', {
      title: `Lantern ${tag} Almanac`,
      publishedAt: new Date().toISOString(),
    })
    // Browsing (no words) is not counted, so waiting for the index this way adds no searches.
    await until('the program in discovery', async () => {
      const body = (await request('/discovery/v1/search?type=program&sort=newest&limit=10')).body
      const ids = new Set(body.results?.map((r: { id: string }) => r.id))
      return ids.has(`program:${program.id}`) && ids.has(`program:${sibling.id}`) ? true : undefined
    })
  } finally {
    await runner.stop(10_000)
  }
}, 300_000)

afterAll(async () => {
  await catalogueGeneration.settled()
  await closeRedis()
})

describe('counting searches', () => {
  it('counts every search, those answered from the cache too, under one normalised query', async () => {
    const first = await search(title)
    expect(first.status).toBe(200)
    expect(first.body.total).toBeGreaterThan(0)
    // Repeated until one is answered from the cache: a change to the catalogue made meanwhile (the
    // sync jobs earlier test files left) drops every cached answer, and each try is a search too.
    let searches = 1
    await until('a search answered from the cache', async () => {
      const again = await search(title)
      searches += 1
      return /^HIT/.test(again.headers.get('x-cache') ?? '') ? true : undefined
    })
    // Another spelling of the same query: its own cache entry, the same insights row.
    expect((await search(`  ${title.toUpperCase()}   `)).status).toBe(200)
    searches += 1
    const row = await flushedRow('every search counted', title, (r) => r.searches >= searches)
    expect(row).toMatchObject({ searches, zero_results: 0, last_total: first.body.total })
  })

  it('counts searches that find nothing as zero-result searches', async () => {
    const query = `qqxv ${uniqueTag()} zzkw`
    const found = await search(query)
    expect(found.body.total).toBe(0)
    const row = await flushedRow('a zero-result search', query, (r) => r.searches >= 1)
    expect(row).toMatchObject({ searches: 1, zero_results: 1, last_total: 0 })
  })

  it('merges Arabic typed with and without diacritics or tatweel', async () => {
    const tag = uniqueTag()
    await search(`الْوَثَائِقِيَّة ${tag}`, '&locale=ar')
    await search(`الوثـائقية ${tag}`, '&locale=ar')
    const row = await flushedRow(
      'two Arabic searches',
      `الوثائقية ${tag}`,
      (r) => r.searches >= 2,
      'ar',
    )
    expect(row.searches).toBe(2)
  })

  it('does not count the further pages of a search', async () => {
    const query = title.split(' ').slice(0, 2).join(' ') // shared by both programs
    const page = await search(query, '&limit=1')
    expect(page.body.total).toBe(2)
    expect(page.body.nextCursor).toEqual(expect.any(String))
    const next = await search(query, `&limit=1&cursor=${page.body.nextCursor}`)
    expect(next.status).toBe(200)
    // Recorded after the second page in the same host: once it is flushed, so is everything before.
    const sentinel = `sentinel ${uniqueTag()}`
    await search(sentinel)
    await flushedRow('the sentinel search', sentinel, (r) => r.searches >= 1)
    expect((await rowsFor(query))[0]?.searches).toBe(1)
  })
})

describe('counting clicks', () => {
  it('counts a result opened from a search, with its position, on that query’s row', async () => {
    const event = (body: Record<string, unknown>) =>
      request('/discovery/v1/events', {
        method: 'POST',
        json: { type: 'view', id: `program:${program.id}`, ...body },
      })
    expect((await event({ query: title, position: 3, locale: 'en' })).status).toBe(202)
    expect((await event({ query: title.toLowerCase(), position: 1 })).status).toBe(202)
    const row = await flushedRow('two clicks', title, (r) => r.clicks >= 2)
    expect(row).toMatchObject({ clicks: 2, position_sum: 4 })
  })

  it('refuses a malformed click with a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ query: title, position: 0 }, 'position'],
      [{ position: 2 }, 'query'],
      [{ query: title, locale: 'fr' }, 'locale'],
    ] as const) {
      const response = await request('/discovery/v1/events', {
        method: 'POST',
        json: { type: 'view', id: `program:${program.id}`, ...body },
      })
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toContain(field)
    }
  })
})

describe('flushing', () => {
  /** A recorder of this test process, on its own Redis prefix. */
  const recorder = (keyPrefix: string, client: Redis | null = redis(), maxQueriesPerHour = 1000) =>
    new SearchInsights({
      redis: client,
      keyPrefix,
      maxQueriesPerHour,
      pushIntervalMs: 0,
      fallbackIntervalMs: 0,
      fallbackSink: (rows) => upsertInsightRows(pool, rows),
    })

  it('counts each search once when two flushers run at the same time', async () => {
    const prefix = redisKey('insights-test', uniqueTag(), '')
    const query = `concurrent ${uniqueTag()}`
    const insights = recorder(prefix)
    for (let i = 0; i < 50; i++) insights.recordSearch({ query, locale: 'en', total: 2 })
    await insights.push()
    const flush = () =>
      flushSearchInsights({ redis: redis(), keyPrefix: prefix, pool, retentionDays: 90 })
    await Promise.all([flush(), flush(), flush()])
    await flush()
    const [row] = await rowsFor(query)
    expect(row?.searches).toBe(50)
    // More counts of the same hour add to the row.
    insights.recordSearch({ query, locale: 'en', total: 2 })
    await insights.push()
    await Promise.all([flush(), flush()])
    expect((await rowsFor(query))[0]?.searches).toBe(51)
    await insights.close()
  })

  it('counts a flood of distinct queries beyond the hourly cap as one row', async () => {
    const prefix = redisKey('insights-test', uniqueTag(), '')
    const tag = uniqueTag()
    // Two instances sharing the cap through Redis.
    const a = recorder(prefix, redis(), 10)
    const b = recorder(prefix, redis(), 10)
    for (let i = 0; i < 8; i++)
      a.recordSearch({ query: `flood ${tag} ${i}`, locale: 'ar', total: 0 })
    for (let i = 8; i < 20; i++)
      b.recordSearch({ query: `flood ${tag} ${i}`, locale: 'ar', total: 0 })
    await a.push()
    await b.push()
    await flushSearchInsights({ redis: redis(), keyPrefix: prefix, pool, retentionDays: 90 })
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM search_insights WHERE query LIKE $1 AND locale = 'ar'`,
      [`flood ${tag} %`],
    )
    expect(rows[0].n).toBe(10)
    await Promise.all([a.close(), b.close()])
  })

  it('deletes hours older than the retention period', async () => {
    const query = `retention ${uniqueTag()}`
    const hour = (daysAgo: number) => Math.floor((Date.now() - daysAgo * 86_400_000) / HOUR_MS)
    const row = (daysAgo: number) => ({
      hour: hour(daysAgo),
      query,
      locale: 'en',
      searches: 1,
      zeroResults: 0,
      relaxed: 0,
      clicks: 0,
      positionSum: 0,
      lastTotal: 1,
      filters: null,
    })
    await upsertInsightRows(pool, [row(100), row(91), row(10)])
    const result = await flushSearchInsights({
      redis: redis(),
      keyPrefix: redisKey('insights-test', uniqueTag(), ''),
      pool,
      retentionDays: 90,
    })
    expect(result.deleted).toBeGreaterThanOrEqual(2)
    const { rows } = await pool.query(`SELECT hour FROM search_insights WHERE query = $1`, [query])
    expect(rows.map((r) => new Date(r.hour).getTime())).toEqual([hour(10) * HOUR_MS])
  })

  it('keeps counting in memory while Redis is away and writes the counts to Postgres', async () => {
    // A client that never connects: the recorder sees Redis as down.
    const away = new Redis('redis://127.0.0.1:1', redisOptions({ lazyConnect: true }))
    const query = `outage ${uniqueTag()}`
    const insights = recorder(redisKey('insights-test', uniqueTag(), ''), away)
    insights.recordSearch({ query, locale: 'en', total: 0 })
    insights.recordSearch({ query, locale: 'en', total: 4 })
    insights.recordClick({ query, locale: 'en', position: 2 })
    await insights.push()
    expect(await rowsFor(query)).toEqual([])
    await insights.writeFallback()
    expect((await rowsFor(query))[0]).toMatchObject({
      searches: 2,
      zero_results: 1,
      clicks: 1,
      position_sum: 2,
      last_total: 4,
    })
    await insights.close()
    away.disconnect()
  })
})

describe('privacy', () => {
  it('stores nothing that identifies the client', async () => {
    const address = '203.0.113.77'
    const query = `privacy ${uniqueTag()}`
    await search(query, '', { 'X-Forwarded-For': address, 'User-Agent': 'insights-probe/1.0' })
    // While counted in Redis...
    const inRedis = await until('the search in Redis', async () => {
      const keys = await redis().keys(`${HOST_PREFIX()}*`)
      const values = await Promise.all(
        keys.map(async (key) =>
          (await redis().type(key)) === 'hash'
            ? JSON.stringify(await redis().hgetall(key))
            : JSON.stringify(await redis().smembers(key)),
        ),
      )
      const text = keys.join('\n') + values.join('\n')
      return text.includes(query) ? text : undefined
    })
    expect(inRedis).not.toContain(address)
    expect(inRedis).not.toContain('insights-probe')
    // ... and once in Postgres.
    await flushedRow('the search flushed', query, (r) => r.searches >= 1)
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM search_insights s
        WHERE row_to_json(s)::text LIKE '%' || $1 || '%' OR row_to_json(s)::text LIKE '%insights-probe%'`,
      [address],
    )
    expect(rows[0].n).toBe(0)
  })
})

describe('the admin panel', () => {
  it('shows editors the queries, with links to a prefilled synonym and promotion', async () => {
    await flushedRow('the title searches', title, (r) => r.searches >= 1)
    const editor = await signedIn(payload, 'editor')
    const page = await fetch(`${baseUrl()}/admin/search-insights?period=24h&locale=en`, {
      headers: { Cookie: `payload-token=${editor.token}` },
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Search insights')
    expect(html).toContain(normalizeQuery(title))
    expect(html).toContain(
      `/admin/collections/search-synonyms/create?terms=${encodeURIComponent(normalizeQuery(title))}`,
    )
    expect(html).toContain(
      `/admin/collections/search-promotions/create?query=${encodeURIComponent(normalizeQuery(title))}`,
    )
  })

  it('refuses viewers, in the panel and over REST', async () => {
    const viewer = await signedIn(payload, 'viewer')
    const page = await fetch(`${baseUrl()}/admin/search-insights?period=24h`, {
      headers: { Cookie: `payload-token=${viewer.token}` },
    })
    const html = await page.text()
    expect(html).not.toContain(normalizeQuery(title))
    expect(html).toContain('Only editors and admins can see search insights.')
    expect((await request('/api/search-insights', { auth: viewer })).status).toBe(403)
    expect((await request('/api/search-insights')).status).toBe(403)
  })

  it('lets no one write insights over the API', async () => {
    const admin = await signedIn(payload, 'admin')
    const created = await request('/api/search-insights', {
      method: 'POST',
      auth: admin,
      json: { hour: new Date().toISOString(), query: 'forged', locale: 'en', searches: 1e6 },
    })
    expect(created.status).toBe(403)
    expect((await request('/api/search-insights', { auth: admin })).status).toBe(200)
  })
})
