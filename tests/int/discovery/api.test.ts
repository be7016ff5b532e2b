/**
 * The public discovery API over HTTP, against the real host, Elasticsearch and Redis, on the seeded
 * demo catalogue. Expected numbers are computed from the database (what is public right now), never
 * hard-coded, so the tests hold whatever the seed contains.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { Payload } from 'payload'
import type { z } from 'zod'

import { buildCatalogue } from '../../../scripts/seed/catalogue'
import { seedDatabase } from '../../../scripts/seed/seedDatabase'
import { openApiPath } from '../../../src/discovery/openapi'
import { DISCOVERY_ROUTES } from '../../../src/discovery/routes'
import * as schemas from '../../../src/discovery/schemas'
import { startJobRunner, type JobRunner } from '../../../src/jobs/claimingRunner'
import { closeRedis } from '../../../src/redis/client'
import { catalogueGeneration } from '../../../src/search/catalogueChanges'
import { searchClient } from '../../../src/search/client'
import { catalogueIndex } from '../../../src/search/config'
import { reindexCatalogue } from '../../../src/search/reindex'
import { isPublicNow } from '../../../src/lib/publication'
import { future, makeEpisode, makeProgram, past } from '../helpers/fixtures'
import { baseUrl, request, type JsonResponse } from '../helpers/http'
import { testPayload, uniqueTag } from '../helpers/payload'
import { expectProblem } from '../helpers/problem'
import { until } from '../helpers/until'

type Doc = { _status?: string | null; publishedAt?: string | null }

/** One public catalogue item as the database describes it. */
interface Expected {
  id: string
  type: 'program' | 'episode'
  format: string
  language: string
  categories: string[]
  durationSeconds: number | null
  publishedAt: string
}

let payload: Payload
let catalogue: Expected[]
const categorySlugs = new Map<number, string>()

/** The public catalogue, read from Postgres the way the index is built. */
async function publicCatalogue(): Promise<Expected[]> {
  const all = async (collection: 'programs' | 'episodes' | 'categories') =>
    (
      await payload.find({
        collection,
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs as unknown as (Doc & Record<string, unknown>)[]
  for (const category of await all('categories')) {
    categorySlugs.set(category.id as number, category.slug as string)
  }
  const programs = new Map(
    (await all('programs')).filter((p) => isPublicNow(p)).map((p) => [p.id as number, p]),
  )
  const items: Expected[] = []
  const base = (p: Record<string, unknown>) => ({
    format: p.format as string,
    language: p.language as string,
    categories: ((p.categories as number[] | null) ?? []).map((id) => categorySlugs.get(id)!),
  })
  for (const program of programs.values()) {
    items.push({
      id: `program:${program.id}`,
      type: 'program',
      ...base(program),
      durationSeconds: null,
      publishedAt: program.publishedAt!,
    })
  }
  for (const episode of await all('episodes')) {
    const program = programs.get(episode.program as number)
    if (!program || !isPublicNow(episode)) continue
    items.push({
      id: `episode:${episode.id}`,
      type: 'episode',
      ...base(program),
      durationSeconds: (episode.durationSeconds as number | null) ?? null,
      publishedAt: episode.publishedAt!,
    })
  }
  return items
}

const count = <T>(items: T[], key: (item: T) => string[]) => {
  const counts: Record<string, number> = {}
  for (const item of items) for (const value of key(item)) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

const asCounts = (buckets: { value: string; count: number }[]) =>
  Object.fromEntries(buckets.filter((b) => b.count > 0).map((b) => [b.value, b.count]))

const get = (path: string, headers: Record<string, string> = {}) =>
  request(`/discovery/v1${path}`, { headers })

/** Parses a body with a response schema: strict objects, so unlisted fields fail the test. */
function conforms<T extends z.ZodType>(schema: T, response: JsonResponse): z.output<T> {
  expect(response.status).toBe(200)
  const parsed = schema.safeParse(response.body)
  if (!parsed.success)
    throw new Error(`response does not match its schema: ${parsed.error.message}`)
  return parsed.data
}

beforeAll(async () => {
  payload = await testPayload()
  await seedDatabase(payload, { catalogue: buildCatalogue(), password: 'discovery-test-pw' })
  // The index holds exactly what is public now (earlier test files' records included).
  await reindexCatalogue(payload, searchClient(), catalogueIndex)
  await catalogueGeneration.settled()
  catalogue = await publicCatalogue()
}, 300_000)

afterAll(async () => {
  await catalogueGeneration.settled()
  await catalogueGeneration.close()
  await closeRedis()
})

describe('search', () => {
  it('browses the whole public catalogue with exact totals and facet counts', async () => {
    const body = conforms(schemas.searchResponse, await get('/search?limit=5'))
    expect(body.total).toBe(catalogue.length)
    expect(asCounts(body.facets.type)).toEqual(count(catalogue, (i) => [i.type]))
    expect(asCounts(body.facets.format)).toEqual(count(catalogue, (i) => [i.format]))
    expect(asCounts(body.facets.language)).toEqual(count(catalogue, (i) => [i.language]))
    expect(asCounts(body.facets.category)).toEqual(count(catalogue, (i) => i.categories))
    // Newest first when browsing.
    const dates = body.results.map((r) => r.publishedAt!)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('filters, and counts each facet without its own selection so choices can be widened', async () => {
    const topCategory = Object.entries(count(catalogue, (i) => i.categories)).sort(
      (a, b) => b[1] - a[1],
    )[0]![0]
    const inCategory = catalogue.filter((i) => i.categories.includes(topCategory))
    const format = Object.keys(count(inCategory, (i) => [i.format]))[0]!
    const both = inCategory.filter((i) => i.format === format)

    const body = conforms(
      schemas.searchResponse,
      await get(`/search?category=${topCategory}&format=${format}&limit=50`),
    )
    expect(body.total).toBe(both.length)
    for (const result of body.results) {
      expect(result.format).toBe(format)
      expect(result.categories.map((c) => c.slug)).toContain(topCategory)
    }
    // Format facet: every format within the category (its own selection ignored).
    expect(asCounts(body.facets.format)).toEqual(count(inCategory, (i) => [i.format]))
    // Category facet: every category within the format.
    const inFormat = catalogue.filter((i) => i.format === format)
    expect(asCounts(body.facets.category)).toEqual(count(inFormat, (i) => i.categories))
    // Type facet: both filters apply.
    expect(asCounts(body.facets.type)).toEqual(count(both, (i) => [i.type]))
  })

  it('filters by duration, language, type and date, with duration buckets', async () => {
    const episodes = catalogue.filter((i) => i.type === 'episode' && i.durationSeconds !== null)
    const language = Object.entries(count(episodes, (i) => [i.language])).sort(
      (a, b) => b[1] - a[1],
    )[0]![0]
    const after = '2024-01-01T00:00:00.000Z'
    const expected = episodes.filter(
      (i) =>
        i.language === language &&
        i.durationSeconds! >= 600 &&
        i.durationSeconds! <= 1799 &&
        i.publishedAt >= after,
    )
    const body = conforms(
      schemas.searchResponse,
      await get(
        `/search?type=episode&language=${language}&minDuration=600&maxDuration=1799&publishedAfter=2024-01-01`,
      ),
    )
    expect(body.total).toBe(expected.length)
    const bucket = (from: number, to: number) =>
      episodes.filter(
        (i) =>
          i.language === language &&
          i.publishedAt >= after &&
          i.durationSeconds! >= from &&
          i.durationSeconds! < to,
      ).length
    expect(body.facets.duration.map((b) => b.count)).toEqual([
      bucket(0, 600),
      bucket(600, 1800),
      bucket(1800, 3600),
      bucket(3600, Infinity),
    ])
  })

  it('sorts oldest first and by duration', async () => {
    const oldest = conforms(schemas.searchResponse, await get('/search?sort=oldest&limit=20'))
    const dates = oldest.results.map((r) => r.publishedAt!)
    expect([...dates].sort()).toEqual(dates)
    expect(dates[0]).toBe(catalogue.map((i) => i.publishedAt).sort()[0])

    const longest = conforms(
      schemas.searchResponse,
      await get('/search?sort=duration&type=episode&limit=20'),
    )
    const durations = longest.results.map((r) => r.durationSeconds ?? 0)
    expect([...durations].sort((a, b) => b - a)).toEqual(durations)
    expect(durations[0]).toBe(Math.max(...catalogue.map((i) => i.durationSeconds ?? 0)))
  })

  it('pages through every match exactly once with signed cursors', async () => {
    const category = Object.keys(count(catalogue, (i) => i.categories))[1]!
    const expected = catalogue.filter((i) => i.categories.includes(category)).map((i) => i.id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: schemas.SearchResponse = conforms(
        schemas.searchResponse,
        await get(
          `/search?category=${category}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ),
      )
      expect(page.total).toBe(expected.length)
      seen.push(...page.results.map((r) => r.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 200)
    expect(seen).toHaveLength(expected.length)
    expect(new Set(seen)).toEqual(new Set(expected))
    expect(pages).toBe(Math.ceil(expected.length / 7))
  })

  it('refuses a cursor used with another query, or altered', async () => {
    const first = conforms(schemas.searchResponse, await get('/search?type=episode&limit=2'))
    const other = await get(`/search?type=program&limit=2&cursor=${first.nextCursor}`)
    expect(other.status).toBe(400)
    expect(other.body.error.code).toBe('invalid_cursor')
    const [data, signature] = first.nextCursor!.split('.')
    const flipped = `${data}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`
    const altered = await get(`/search?type=episode&limit=2&cursor=${flipped}`)
    expect(altered.status).toBe(400)
    expect(altered.body.error.code).toBe('invalid_cursor')
  })

  it('finds English and Arabic titles, with typos and unfinished words', async () => {
    const seeded = buildCatalogue().programs.find(
      (p) => p.status === 'published' && p.title.ar && p.title.en.split(' ').length >= 2,
    )!
    const slug = seeded.slug
    const ids = async (q: string, locale = 'en') => {
      const body = conforms(
        schemas.searchResponse,
        await get(`/search?q=${encodeURIComponent(q)}&locale=${locale}&type=program`),
      )
      return body.results.map((r) => r.slug)
    }
    expect(await ids(seeded.title.en)).toContain(slug)
    expect(await ids(seeded.title.ar!, 'ar')).toContain(slug)
    // The longest word, with two letters swapped.
    const word = seeded.title.en.split(' ').sort((a, b) => b.length - a.length)[0]!
    if (word.length >= 6) {
      const typo = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`
      expect(await ids(typo)).toContain(slug)
    }
    // An unfinished last word.
    expect(await ids(word.slice(0, Math.max(3, word.length - 2)))).toContain(slug)
    // Arabic titles in Arabic, English ones otherwise.
    const ar = conforms(
      schemas.searchResponse,
      await get(`/search?q=${encodeURIComponent(seeded.title.ar!)}&locale=ar&type=program`),
    )
    expect(ar.results.find((r) => r.slug === slug)!.title).toBe(seeded.title.ar)
  })

  it('suggests a correction only when the corrected query finds something', async () => {
    // "qqqq" matches nothing, so no correction of this query can find anything.
    const body = conforms(schemas.searchResponse, await get('/search?q=qqqq%20sientists%20labb'))
    expect(body.total).toBe(0)
    expect(body.didYouMean).toBeNull()
    // Typos alone: the correction is offered, and it finds what was meant.
    const typo = conforms(schemas.searchResponse, await get('/search?q=sientists%20labb'))
    expect(typo.didYouMean).toMatch(/scientist/)
    const corrected = conforms(
      schemas.searchResponse,
      await get(`/search?q=${encodeURIComponent(typo.didYouMean!)}`),
    )
    expect(corrected.total).toBeGreaterThan(0)
    expect(corrected.relaxed).toBe(false)
  })

  it('never returns drafts, future-dated or unpublished content', async () => {
    const tag = uniqueTag()
    const draft = await makeProgram(payload, 'draft', { title: `Hidden draft ${tag}` })
    const embargoed = await makeProgram(payload, 'published', {
      title: `Hidden embargo ${tag}`,
      publishedAt: future(),
    })
    const open = await makeProgram(payload, 'published', { title: `Hidden open ${tag}` })
    const draftEpisode = await makeEpisode(payload, open, 'draft', { title: `Hidden ep ${tag}` })
    await reindexCatalogue(payload, searchClient(), catalogueIndex)
    await catalogueGeneration.settled()
    const body = conforms(schemas.searchResponse, await get(`/search?q=${tag}`))
    expect(body.results.map((r) => r.id)).toEqual([`program:${open.id}`])
    expect((await get(`/episodes/episode:${draftEpisode.id}`)).status).toBe(404)
    expect((await get(`/programs/${draft.slug}`)).status).toBe(404)
    expect((await get(`/programs/${embargoed.slug}`)).status).toBe(404)
  })
})

describe('caching', () => {
  it('serves a repeated query from memory with the same strong ETag, and 304 on revalidation', async () => {
    // A query no earlier test asked: a unique upper date bound.
    const before = new Date(Date.now() - Math.floor(Math.random() * 1e9)).toISOString()
    const path = `/search?q=history&limit=3&publishedBefore=${before}`
    const miss = await get(path)
    const hit = await get(path)
    expect(miss.headers.get('x-cache')).toBe('MISS')
    expect(hit.headers.get('x-cache')).toBe('HIT-MEMORY')
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'))
    expect(hit.body).toEqual(miss.body)
    expect(miss.headers.get('cache-control')).toMatch(
      /^public, max-age=\d+, s-maxage=\d+, stale-if-error=\d+$/,
    )
    // RFC 9211: computed and stored, then a hit from memory.
    expect(miss.headers.get('cache-status')).toMatch(/^MediaMesh; fwd=miss; stored; ttl=\d+$/)
    expect(hit.headers.get('cache-status')).toMatch(/^MediaMesh; hit; ttl=\d+; detail=memory$/)
    const revalidated = await get(path, { 'If-None-Match': miss.headers.get('etag')! })
    expect(revalidated.status).toBe(304)
  })

  it('compresses answers the client accepts compressed, each coding its own representation', async () => {
    const before = new Date(Date.now() - Math.floor(Math.random() * 1e9)).toISOString()
    const url = `${baseUrl()}/discovery/v1/search?q=history&limit=20&publishedBefore=${before}`
    const plain = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })
    const br = await fetch(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    const gzip = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    for (const response of [plain, br, gzip]) {
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/)
    }
    // fetch decodes: the same JSON whatever the coding, fewer bytes on the wire.
    const text = await plain.text()
    expect(await br.text()).toBe(text)
    expect(await gzip.text()).toBe(text)
    const sent = (response: Response) => Number(response.headers.get('content-length'))
    expect(sent(plain)).toBe(Buffer.byteLength(text))
    expect(sent(br)).toBeLessThan(sent(plain) / 2)
    expect(sent(gzip)).toBeLessThan(sent(plain) / 2)
    // One answer, three representations, three strong validators.
    const etag = plain.headers.get('etag')!
    expect(br.headers.get('etag')).toBe(`${etag.slice(0, -1)}.br"`)
    expect(gzip.headers.get('etag')).toBe(`${etag.slice(0, -1)}.gzip"`)
    const revalidated = await fetch(url, {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
    const otherCoding = await fetch(url, {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.get('etag')! },
    })
    expect(otherCoding.status).toBe(200)
    await otherCoding.arrayBuffer()
    // Small answers go out as they are.
    const small = await fetch(`${baseUrl()}/discovery/v1/health`, {
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(small.headers.get('content-encoding')).toBeNull()
  })

  it('shares one entry between parameter orders and cases', async () => {
    const before = new Date(Date.now() - 3_600_000).toISOString().slice(0, 10)
    const a = await get(`/search?category=science&category=History&publishedBefore=${before}`)
    const b = await get(`/search?publishedBefore=${before}&category=history&category=SCIENCE`)
    expect(a.status).toBe(200)
    expect(b.headers.get('x-cache')).toMatch(/^HIT/)
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'))
  })

  it('shows a publish in discovery once its sync has run', async () => {
    const runner: JobRunner = startJobRunner(payload, { idleMs: 50 })
    try {
      const tag = uniqueTag()
      const path = `/search?q=${tag}&type=program`
      expect(conforms(schemas.searchResponse, await get(path)).total).toBe(0)
      const program = await makeProgram(payload, 'published', { title: `Breaking ${tag}` })
      await until(
        'the new program in search',
        async () => {
          const body = (await get(path)).body as schemas.SearchResponse
          return body.results.some((r) => r.id === `program:${program.id}`) ? true : undefined
        },
        120_000,
        50,
      )
      // How fast (publish → searchable) is measured by `npm run bench:sync`, not asserted here.
    } finally {
      await runner.stop(10_000)
    }
  })

  it('serves a program by the Arabic slug the CMS gave it, however the letters are typed', async () => {
    const runner: JobRunner = startJobRunner(payload, { idleMs: 50 })
    try {
      const tag = uniqueTag()
      const program = await makeProgram(payload, 'published', { title: `أخبار الْيوم ${tag}` })
      expect(program.slug).toBe(`اخبار-اليوم-${tag.toLowerCase()}`)
      const byStoredSlug = await until('the program under its Arabic slug', async () => {
        const response = await get(`/programs/${encodeURIComponent(program.slug!)}`)
        return response.status === 200 ? response : undefined
      })
      expect(byStoredSlug.body.program.id).toBe(`program:${program.id}`)
      // With the hamza and the sukun a reader types: the same letters once folded, the same program.
      const typed = await get(`/programs/${encodeURIComponent(`أخبار-الْيوم-${tag}`)}`)
      expect(typed.status).toBe(200)
      expect(typed.body.program.id).toBe(`program:${program.id}`)
    } finally {
      await runner.stop(10_000)
    }
  })
})

describe('other endpoints', () => {
  it('suggests programs and categories from a few typed letters, in both languages', async () => {
    const seeded = buildCatalogue().programs.find((p) => p.status === 'published' && p.title.ar)!
    const en = conforms(
      schemas.suggestResponse,
      await get(`/suggest?q=${encodeURIComponent(seeded.title.en.slice(0, 5))}`),
    )
    expect(en.suggestions.some((s) => s.slug === seeded.slug)).toBe(true)
    const arabicWord = seeded.title.ar!.split(' ').sort((a, b) => b.length - a.length)[0]!
    const ar = conforms(
      schemas.suggestResponse,
      await get(`/suggest?q=${encodeURIComponent(arabicWord.slice(0, 4))}&locale=ar`),
    )
    expect(ar.suggestions.length).toBeGreaterThan(0)
    const categories = conforms(schemas.suggestResponse, await get('/suggest?q=hist'))
    expect(categories.suggestions).toContainEqual(
      expect.objectContaining({ type: 'category', slug: 'history' }),
    )
  })

  it('lists featured programs by rank and drops expired ones', async () => {
    const tag = uniqueTag()
    const first = await makeProgram(payload, 'published', {
      title: `Featured first ${tag}`,
      featured: true,
      featuredRank: 1,
    })
    const second = await makeProgram(payload, 'published', {
      title: `Featured second ${tag}`,
      featured: true,
      featuredRank: 2,
      featuredUntil: future(),
    })
    const expired = await makeProgram(payload, 'published', {
      title: `Featured expired ${tag}`,
      featured: true,
      featuredRank: 1,
      featuredUntil: past(),
    })
    await reindexCatalogue(payload, searchClient(), catalogueIndex)
    await catalogueGeneration.settled()
    const body = conforms(schemas.listResponse, await get('/featured?limit=50'))
    const ids = body.results.map((r) => r.id)
    expect(ids).toContain(`program:${first.id}`)
    expect(ids.indexOf(`program:${first.id}`)).toBeLessThan(ids.indexOf(`program:${second.id}`))
    expect(ids).not.toContain(`program:${expired.id}`)
  })

  it('ranks trending items by decayed play and view events', async () => {
    const episodes = catalogue.filter((i) => i.type === 'episode').slice(0, 2)
    const [a, b] = episodes as [Expected, Expected]
    const event = (type: string, id: string) =>
      request('/discovery/v1/events', { method: 'POST', json: { type, id } })
    for (let i = 0; i < 3; i++) expect((await event('play', a.id)).status).toBe(202)
    expect((await event('view', b.id)).status).toBe(202)
    expect((await event('play', 'episode:999999999')).status).toBe(404)
    expect((await event('like', a.id)).status).toBe(400)
    const body = conforms(schemas.trendingResponse, await get('/trending?window=1h&limit=50'))
    expect(body.basis).toBe('signals')
    const rank = (id: string) => body.results.findIndex((r) => r.id === id)
    expect(rank(a.id)).toBeGreaterThanOrEqual(0)
    expect(rank(a.id)).toBeLessThan(rank(b.id))
    expect(body.results[rank(a.id)]!.score).toBe(9)
    expect(body.results[rank(b.id)]!.score).toBe(1)
  })

  it('counts published items per category', async () => {
    const body = conforms(schemas.categoriesResponse, await get('/categories?locale=ar'))
    const expected = count(catalogue, (i) => i.categories)
    for (const category of body.results) expect(category.count).toBe(expected[category.slug] ?? 0)
    expect(body.results.find((c) => c.slug === 'history')!.name).toMatch(/[\u0600-\u06FF]/)
  })

  it('shows a program with its episodes, pages them, and finds related programs', async () => {
    const seeded = buildCatalogue().programs.find(
      (p) => p.status === 'published' && p.episodes.length > 4,
    )!
    const slug = seeded.slug
    const stored = await payload.find({
      collection: 'programs',
      where: { slug: { equals: slug } },
      depth: 0,
    })
    const program = { id: `program:${stored.docs[0]!.id}` }
    const episodes = (
      await payload.find({
        collection: 'episodes',
        where: { program: { equals: stored.docs[0]!.id } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs.filter((e) => isPublicNow(e))
    const page = conforms(schemas.programResponse, await get(`/programs/${slug}?limit=3`))
    expect(page.program.id).toBe(program.id)
    expect(page.episodes.total).toBe(episodes.length)
    if (episodes.length > 3) {
      const next = conforms(
        schemas.programResponse,
        await get(`/programs/${slug}?limit=3&cursor=${page.episodes.nextCursor}`),
      )
      const ids = [...page.episodes.results, ...next.episodes.results].map((e) => e.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
    const related = conforms(schemas.listResponse, await get(`/programs/${slug}/related`))
    expect(related.results.length).toBeGreaterThan(0)
    expect(related.results.map((r) => r.id)).not.toContain(program.id)
    expect(related.results.every((r) => r.type === 'program')).toBe(true)
  })

  it('finds an episode by typed id or slug, and refuses an ambiguous slug', async () => {
    const tag = uniqueTag()
    const one = await makeProgram(payload, 'published', { title: `Twin one ${tag}` })
    const two = await makeProgram(payload, 'published', { title: `Twin two ${tag}` })
    const slug = `pilot-${tag}`
    const episode = await makeEpisode(payload, one, 'published', { title: `Pilot ${tag}`, slug })
    await makeEpisode(payload, two, 'published', { title: `Pilot ${tag}`, slug })
    await reindexCatalogue(payload, searchClient(), catalogueIndex)
    await catalogueGeneration.settled()
    const byId = conforms(schemas.episodeResponse, await get(`/episodes/episode:${episode.id}`))
    expect(byId.episode.program!.slug).toBe(one.slug)
    const ambiguous = await get(`/episodes/${slug}`)
    expect(ambiguous.status).toBe(409)
    expect(ambiguous.body.error.code).toBe('ambiguous_slug')
    const picked = conforms(
      schemas.episodeResponse,
      await get(`/episodes/${slug}?program=${two.slug}`),
    )
    expect(picked.episode.program!.slug).toBe(two.slug)
    expect((await get('/episodes/program:1')).status).toBe(404)
  })
})

describe('bad input', () => {
  const cases: [string, string][] = [
    ['/search?q=' + 'a'.repeat(201), 'q'],
    ['/search?limit=0', 'limit'],
    ['/search?limit=51', 'limit'],
    ['/search?limit=ten', 'limit'],
    ['/search?sort=popular', 'sort'],
    ['/search?type=movie', 'type'],
    ['/search?format=radio', 'format.0'],
    ['/search?category=Not%20A%20Slug', 'category.0'],
    ['/search?language=klingon', 'language.0'],
    ['/search?minDuration=-5', 'minDuration'],
    ['/search?minDuration=600&maxDuration=60', 'minDuration'],
    ['/search?publishedAfter=last-week', 'publishedAfter'],
    ['/search?publishedAfter=2024-02-30', 'publishedAfter'],
    ['/search?cursor=not-a-cursor', 'cursor'],
    ['/search?cursor=e30.c2lnbmF0dXJl', 'cursor'],
    ['/search?q=a&q=b', 'q'],
    ['/search?locale=fr', 'locale'],
    ['/search?page=2', 'page'],
    ['/suggest', 'q'],
    ['/suggest?q=' + 'x'.repeat(101), 'q'],
    ['/trending?window=1y', 'window'],
    ['/featured?limit=1000', 'limit'],
    ['/programs/NOT%20a%20slug', 'slug'],
    ['/episodes/episode:abc', 'idOrSlug'],
  ]

  it.each(cases)('answers %s with a 400 naming %s', async (path, field) => {
    const response = await get(path)
    expect(response.status).toBe(400)
    expect(schemas.problemDetails.safeParse(response.body).success).toBe(true)
    expectProblem(response, 400, response.body.code, response.body.details)
    expect(response.body.code).toMatch(/^invalid_/)
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(field)
  })

  it('answers errors as RFC 9457 problem details whose type is documented', async () => {
    const unknown = await get('/nothing-here')
    expectProblem(unknown, 404, 'not_found')
    expect(unknown.body.instance).toBe('/discovery/v1/nothing-here')
    expect(unknown.headers.get('x-request-id')).toBe(unknown.body.requestId)

    const missing = await get('/programs/no-such-program-anywhere')
    expectProblem(missing, 404, 'not_found')
    expect(missing.body.instance).toBe('/discovery/v1/programs/no-such-program-anywhere')

    const invalid = await get('/search?limit=0')
    expectProblem(invalid, 400, 'invalid_query', [{ path: 'limit', message: expect.any(String) }])
    expect(invalid.body.instance).toBe('/discovery/v1/search')

    const page = await request('/discovery/docs/problems')
    expect(page.status).toBe(200)
    for (const answer of [unknown, invalid]) {
      expect(String(page.body)).toContain(`id="${answer.body.type.split('#')[1]}"`)
    }
  })

  it('answers a known route asked with another method with 405 and Allow', async () => {
    const deleted = await request('/discovery/v1/search', { method: 'DELETE' })
    expectProblem(deleted, 405, 'method_not_allowed')
    expect(deleted.headers.get('allow')).toBe('GET, HEAD')
    const got = await get('/events')
    expectProblem(got, 405, 'method_not_allowed')
    expect(got.headers.get('allow')).toBe('POST')
    expect((await request('/discovery/v1/search', { method: 'HEAD' })).status).toBe(200)
  })

  it('refuses bad event bodies with 4xx JSON', async () => {
    const post = (body: string, type = 'application/json') =>
      request('/discovery/v1/events', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type },
      })
    expect((await post('{nope')).status).toBe(400)
    expect((await post('{"type":"play","id":"episode:1","extra":1}')).status).toBe(400)
    expect((await post('type=play', 'application/x-www-form-urlencoded')).status).toBe(415)
    expect((await post(JSON.stringify({ type: 'play', id: 'x'.repeat(5000) }))).status).toBe(413)
    expect((await get('/nothing-here')).status).toBe(404)
  })
})

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document describing every served route', async () => {
    const response = await get('/openapi.json')
    expect(response.status).toBe(200)
    const validator = new Validator()
    const result = await validator.validate(response.body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    const document = response.body
    expect(document.servers[0].url).toMatch(/^https?:\/\/[^/]+\/discovery$/)
    expect(document.components.securitySchemes.ApiKey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
    })
    // Every body is a named schema, so generated clients get named types.
    for (const [path, methods] of Object.entries(document.paths as Record<string, object>)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect({ path, method, tags: operation.tags }).toEqual({
          path,
          method,
          tags: [expect.any(String)],
        })
        for (const [status, answer] of Object.entries(operation.responses as object)) {
          const body = answer.content?.['application/json']?.schema
          if (body)
            expect({ path, method, status, body }).toMatchObject({
              body: { $ref: expect.any(String) },
            })
        }
      }
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['SearchResponse', 'CatalogueItem', 'Problem', 'EventBody']),
    )
    expect(JSON.stringify(document)).not.toContain('"$id"')
    const search = document.paths['/v1/search'].get.responses
    expect(Object.keys(search['200'].headers)).toEqual(
      expect.arrayContaining([
        'ETag',
        'Cache-Control',
        'Cache-Status',
        'X-Cache',
        'RateLimit-Policy',
      ]),
    )
    expect(document.components.responses.TooManyRequests.headers).toHaveProperty('Retry-After')
    expect(document.components.responses.TooManyRequests.content).toHaveProperty(
      'application/problem+json',
    )

    const documented = Object.entries(response.body.paths as Record<string, object>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`),
    )
    expect(documented.sort()).toEqual(
      DISCOVERY_ROUTES.map((r) => `${r.method} ${openApiPath(r.path)}`).sort(),
    )
    // Every documented route is served (a 404 from the router would mean "no such route").
    for (const route of DISCOVERY_ROUTES.filter((r) => r.method === 'get')) {
      const path = route.path
        .replace(':slug', 'no-such-program')
        .replace(':idOrSlug', 'no-such-episode')
      const served = await request(`/discovery${path}${path.endsWith('suggest') ? '?q=a' : ''}`)
      expect([200, 404]).toContain(served.status)
      if (served.status === 404) expect(served.body.detail).not.toMatch(/No route/)
    }
    const docs = await request('/discovery/docs')
    expect(docs.status).toBe(200)
    expect(String(docs.body)).toContain('swagger-ui-bundle.js')
  })
})
