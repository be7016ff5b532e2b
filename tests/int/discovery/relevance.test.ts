/**
 * What a person finds with discovery search, through the real host, Elasticsearch and Redis:
 * category names, tags and format words; words spread over fields; typo rules; the relaxed plan;
 * "did you mean"; exact titles first; editors' synonyms and promotions; related content.
 *
 * Every fixture carries a random tag and each query includes it, so other records never interfere.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import * as schemas from '../../../src/discovery/schemas'
import type { Category, Episode, Program } from '../../../src/payload-types'
import { closeRedis } from '../../../src/redis/client'
import { catalogueGeneration } from '../../../src/search/catalogueChanges'
import { searchClient } from '../../../src/search/client'
import { catalogueIndex } from '../../../src/search/config'
import { reindexCatalogue } from '../../../src/search/reindex'
import { future, makeEpisode, makeProgram, past } from '../helpers/fixtures'
import { request } from '../helpers/http'
import { signedIn, testPayload, uniqueTag } from '../helpers/payload'
import { until } from '../helpers/until'

type Result = schemas.SearchResponse['results'][number]

let payload: Payload
let staff: { token: string }
const tag = uniqueTag()
const programs: Record<string, Program> = {}
let category: Category
const episodes: Episode[] = []

async function search(q: string, extra = '') {
  const response = await request(`/discovery/v1/search?q=${encodeURIComponent(q)}${extra}`)
  expect(response.status).toBe(200)
  const parsed = schemas.searchResponse.safeParse(response.body)
  if (!parsed.success) throw new Error(`not a search response: ${parsed.error.message}`)
  return parsed.data
}

/** Deletes every rule of a collection over REST, as an editor would. */
async function removeAll(collection: 'search-synonyms' | 'search-promotions') {
  const list = await request(`/api/${collection}?limit=100&depth=0`, { auth: staff })
  for (const doc of list.body.docs as { id: number }[]) {
    const removed = await request(`/api/${collection}/${doc.id}`, { method: 'DELETE', auth: staff })
    expect(removed.status).toBe(200)
  }
}

const idOf = (name: string) => `program:${programs[name]!.id}`
const ids = (results: Result[]) => results.map((r) => r.id)

beforeAll(async () => {
  payload = await testPayload()
  staff = await signedIn(payload, 'editor')
  category = await payload.create({
    collection: 'categories',
    locale: 'en',
    data: { name: `Velvet Heist ${tag}` },
  })
  await payload.update({
    collection: 'categories',
    id: category.id,
    locale: 'ar',
    data: { name: `الجرائم الحقيقية ${tag}` },
  })
  const make = async (name: string, data: Partial<Program>) => {
    programs[name] = await makeProgram(payload, 'published', data)
  }
  await make('inCategory', { title: `Quiet Rooms ${tag}`, categories: [category.id] })
  await make('tagged', { title: `Ice Walls ${tag}`, tags: ['glaciers', 'climate'] })
  await make('documentary', {
    title: `Coral Nights ${tag}`,
    format: 'documentary',
    language: 'ar',
  })
  await make('lighthouse', {
    title: `Lighthouse ${tag}`,
    summary: 'Stories of the keepers who stayed through the storms',
  })
  await make('lighthouseOnly', { title: `Lighthouse Tours ${tag}` })
  await make('observatory', { title: `Observatory ${tag}` })
  await make('kind', { title: `The Kind Baker ${tag}` })
  await make('space', { title: `Space ${tag}` })
  await make('spice', { title: `Spice ${tag}` })
  await make('harp', { title: `Harp ${tag}` })
  await make('exact', { title: `Deep Time ${tag}` })
  await make('longer', {
    title: `Deep Time ${tag} Stories`,
    summary: `deep time ${tag} deep time ${tag}`,
  })
  // A title the parser reads as filters (a duration, a format, a date window): it must still come
  // first, though it is a series, has no duration and is older than a week.
  await make('eaten', {
    title: `${tag} Short Podcasts This Week`,
    format: 'series',
    publishedAt: past(24 * 30),
  })
  await make('film', { title: `Film Nights ${tag}` })
  await make('cars', { title: `Cars ${tag}` })
  await make('automobiles', { title: `Automobiles ${tag}` })
  await make('pinA', { title: `Pinned Alpha ${tag}` })
  await make('pinB', { title: `Pinned Beta ${tag}` })
  programs.draft = await makeProgram(payload, 'draft', { title: `Pinned Draft ${tag}` })
  await makeEpisode(payload, programs.lighthouse!, 'published', { title: `Night watch ${tag}` })

  // Related content: a geology documentary and candidates sharing two, one or none of its categories.
  const rocks = await payload.create({ collection: 'categories', data: { name: `Rocks ${tag}` } })
  const earth = await payload.create({ collection: 'categories', data: { name: `Earth ${tag}` } })
  const sport = await payload.create({ collection: 'categories', data: { name: `Sport ${tag}` } })
  const words = 'volcanoes magma tectonic plates and the slow making of mountains'
  await make('geology', {
    title: `Volcano Time ${tag}`,
    summary: words,
    format: 'documentary',
    categories: [rocks.id, earth.id],
  })
  await make('sharesBoth', { title: `Stone Ages ${tag}`, categories: [rocks.id, earth.id] })
  await make('sharesOne', { title: `Pebbles ${tag}`, categories: [earth.id] })
  await make('sharesNone', {
    title: `Volcano Football ${tag}`,
    summary: `${words} on the football pitch`,
    format: 'documentary',
    categories: [sport.id],
  })
  for (let i = 1; i <= 5; i++) {
    episodes.push(
      await makeEpisode(payload, programs.geology!, 'published', {
        title: `Magma chamber part ${i} ${tag}`,
        publishedAt: past(i),
      }),
    )
  }
  for (let i = 1; i <= 2; i++) {
    episodes.push(
      await makeEpisode(payload, programs.sharesBoth!, 'published', {
        title: `Granite walls ${i} ${tag}`,
      }),
    )
  }
  await reindexCatalogue(payload, searchClient(), catalogueIndex)
  await catalogueGeneration.settled()
}, 300_000)

afterAll(async () => {
  await catalogueGeneration.settled()
  await catalogueGeneration.close()
  await closeRedis()
})

describe('what free text finds', () => {
  it('finds a program by its category name, in English and in Arabic', async () => {
    expect(ids((await search(`velvet heist ${tag}`)).results)).toContain(idOf('inCategory'))
    const ar = await search(`جرائم حقيقيه ${tag}`, '&locale=ar')
    expect(ids(ar.results)).toContain(idOf('inCategory'))
  })

  it('finds a program by its tags and by its format words in both languages', async () => {
    expect(ids((await search(`glacier ${tag}`)).results)).toEqual([idOf('tagged')])
    for (const q of [`documentaries ${tag}`, `وثائقي ${tag}`, `أفلام وثائقية ${tag}`]) {
      const body = await search(q)
      expect(ids(body.results)).toContain(idOf('documentary'))
      expect(body.results.every((r) => r.format === 'documentary')).toBe(true)
      expect(body.relaxed).toBe(false)
    }
    expect(ids((await search(`arabic ${tag}`)).results)).toEqual([idOf('documentary')])
  })

  it("finds an episode by its program's title", async () => {
    const body = await search(`lighthouse night ${tag}`, '&type=episode')
    expect(body.results.map((r) => r.title)).toEqual([`Night watch ${tag}`])
  })

  it('matches words spread over title and summary, and only items holding every word', async () => {
    const body = await search(`lighthouse keepers storms ${tag}`)
    expect(ids(body.results)).toEqual([idOf('lighthouse')])
    expect(body.relaxed).toBe(false)
  })

  it('corrects one typo from five letters, none below, and ranks exact words first', async () => {
    expect(ids((await search(`obsevratory ${tag}`)).results)).toEqual([idOf('observatory')])
    // "kids" is not corrected to "kind" (four letters: no typo allowed), and two words are not
    // relaxed to one: nothing.
    const kids = await search(`kids ${tag}`)
    expect(ids(kids.results)).not.toContain(idOf('kind'))
    expect(kids.total).toBe(0)
    expect(kids.relaxed).toBe(false)
    const space = await search(`space ${tag}`)
    expect(ids(space.results)[0]).toBe(idOf('space'))
    expect(space.relaxed).toBe(false)
  })

  it('keeps an exact title first', async () => {
    const body = await search(`Deep Time ${tag}`)
    expect(ids(body.results).slice(0, 2)).toEqual([idOf('exact'), idOf('longer')])
  })

  it('relaxes to most words when every word finds nothing, and says so', async () => {
    const body = await search(`lighthouse keepers zeppelin ${tag}`)
    expect(body.relaxed).toBe(true)
    expect(ids(body.results)[0]).toBe(idOf('lighthouse'))
    expect((await search(`lighthouse ${tag}`)).relaxed).toBe(false)
  })

  it('offers a correction only when the corrected query finds something', async () => {
    const body = await search(`hapr ${tag}`)
    expect(body.didYouMean).toBe(`harp ${tag}`)
    expect(ids((await search(body.didYouMean!)).results)).toEqual([idOf('harp')])
    const nothing = await search('qqqqzz xxxyyyw')
    expect(nothing.total).toBe(0)
    expect(nothing.didYouMean).toBeNull()
  })

  it('reads format and language words as filters, and says which words became which', async () => {
    const body = await search(`${tag} arabic documentaries`)
    expect(body.interpretation).toMatchObject({
      text: tag,
      filters: { format: ['documentary'], language: ['ar'] },
    })
    expect(body.interpretation!.spans.map((span) => span.filter).sort()).toEqual([
      'format',
      'language',
    ])
    expect(ids(body.results)).toEqual([idOf('documentary')])
    // Explicit parameters win over interpreted ones.
    const explicit = await search(`${tag} arabic documentaries`, '&format=podcast')
    expect(explicit.interpretation!.filters.format).toBeUndefined()
    expect(ids(explicit.results)).not.toContain(idOf('documentary'))
  })

  it('never lets the interpretation eat a title: an exact title still comes first', async () => {
    const body = await search(`${tag} Short Podcasts This Week`)
    expect(body.interpretation!.filters).toMatchObject({ format: ['podcast'] })
    expect(body.interpretation!.filters.publishedAfter).toBeDefined()
    expect(ids(body.results)[0]).toBe(idOf('eaten'))
    // Without the title's exact words, the filters apply as read.
    expect(ids((await search(`${tag} short podcasts`, '&type=program')).results)).not.toContain(
      idOf('eaten'),
    )
  })

  it('reports the interpretation unless understand=off', async () => {
    expect((await search(`lighthouse ${tag}`)).interpretation).toMatchObject({
      text: `lighthouse ${tag}`,
    })
    expect((await search(`lighthouse ${tag}`, '&understand=off')).interpretation).toBeNull()
    const refused = await request('/discovery/v1/search?q=x&understand=maybe')
    expect(refused.status).toBe(400)
  })
})

describe("editors' synonyms", () => {
  const create = (data: Record<string, unknown>) =>
    request('/api/search-synonyms', { method: 'POST', auth: staff, json: data })

  it('are staff-only: the public cannot read or write them', async () => {
    expect((await request('/api/search-synonyms')).status).toBeGreaterThanOrEqual(401)
    const anonymous = await request('/api/search-synonyms', {
      method: 'POST',
      json: { terms: ['a', 'b'] },
    })
    expect([401, 403]).toContain(anonymous.status)
    expect((await create({ terms: ['lonely'] })).status).toBe(400)
  })

  it('take effect within seconds of being saved, and stop when deleted', async () => {
    expect((await search(`movie ${tag}`)).total).toBe(0)
    const created = await create({ terms: ['movie', 'film'] })
    expect(created.status).toBe(201)
    await until('the synonym to apply', async () => {
      const body = await search(`movies ${tag}`)
      return !body.relaxed && ids(body.results)[0] === idOf('film') ? true : undefined
    })
    const id = created.body.doc.id as number
    expect(
      (await request(`/api/search-synonyms/${id}`, { method: 'DELETE', auth: staff })).status,
    ).toBe(200)
    await until('the synonym to stop applying', async () =>
      (await search(`movie ${tag}`)).total === 0 ? true : undefined,
    )
  })

  it('expand one way only when told so', async () => {
    expect((await create({ terms: ['automobiles', 'cars'], oneWay: true })).status).toBe(201)
    await until('the one-way synonym to apply', async () => {
      const found = ids((await search(`automobiles ${tag}`)).results)
      return found.includes(idOf('cars')) ? found : undefined
    })
    expect(ids((await search(`automobiles ${tag}`)).results)).toContain(idOf('automobiles'))
    expect(ids((await search(`cars ${tag}`)).results)).toEqual([idOf('cars')])
    await removeAll('search-synonyms')
  })
})

describe("editors' promotions", () => {
  const promote = (data: Record<string, unknown>) =>
    request('/api/search-promotions', { method: 'POST', auth: staff, json: data })
  const item = (name: string) => ({ relationTo: 'programs', value: programs[name]!.id })

  it('pin published items first, in order, marked promoted, only while they are due', async () => {
    const query = `pinned ${tag}`
    expect(
      (await promote({ query, match: 'exact', items: [item('pinB'), item('draft')] })).status,
    ).toBe(201)
    expect((await promote({ query, items: [item('pinA')], startsAt: future() })).status).toBe(201)
    expect(
      (await promote({ query, items: [item('pinA')], startsAt: past(48), endsAt: past() })).status,
    ).toBe(201)
    const body = await until('the promotion to apply', async () => {
      const found = await search(query)
      return found.results[0]?.promoted ? found : undefined
    })
    expect(body.results[0]).toMatchObject({ id: idOf('pinB'), promoted: true })
    expect(body.results.filter((r) => r.promoted)).toHaveLength(1)
    expect(ids(body.results)).not.toContain(`program:${programs.draft!.id}`)
    // Ranked results follow, without repeating the pinned item.
    expect(ids(body.results).filter((id) => id === idOf('pinB'))).toHaveLength(1)
    expect(ids(body.results)).toContain(idOf('pinA'))
    // Counted once: the total is what the list holds.
    expect(body.total).toBe(body.results.length)
    // Another query is untouched.
    expect((await search(`alpha ${tag}`)).results.some((r) => r.promoted)).toBe(false)
    await removeAll('search-promotions')
    await until('the promotion to be gone', async () =>
      (await search(query)).results.some((r) => r.promoted) ? undefined : true,
    )
  })

  it('refuse an end before the start', async () => {
    const response = await promote({
      query: 'x',
      items: [item('pinA')],
      startsAt: future(2),
      endsAt: future(1),
    })
    expect(response.status).toBe(400)
  })
})

describe('related content', () => {
  it('ranks programs sharing both categories above one, and one above none', async () => {
    const response = await request(
      `/discovery/v1/programs/${programs.geology!.slug}/related?limit=50`,
    )
    const body = schemas.listResponse.parse(response.body)
    const order = ids(body.results as Result[])
    expect(order).not.toContain(idOf('geology'))
    const at = (name: string) => order.indexOf(idOf(name))
    expect(at('sharesBoth')).toBe(0)
    expect(at('sharesOne')).toBe(1)
    // Similar words alone (a sports film about volcanoes) come after any shared category.
    expect(at('sharesNone')).toBeGreaterThan(at('sharesOne'))
  })

  it('lists related episodes from several programs, at most two from any one', async () => {
    const target = episodes[0]!
    const response = await request(`/discovery/v1/episodes/episode:${target.id}/related`)
    expect(response.status).toBe(200)
    const body = schemas.listResponse.parse(response.body)
    expect(body.results.length).toBeGreaterThanOrEqual(4)
    expect(body.results.every((r) => r.type === 'episode')).toBe(true)
    expect(ids(body.results as Result[])).not.toContain(`episode:${target.id}`)
    const perProgram = new Map<string, number>()
    for (const r of body.results) {
      perProgram.set(r.program!.id, (perProgram.get(r.program!.id) ?? 0) + 1)
    }
    expect(Math.max(...perProgram.values())).toBeLessThanOrEqual(2)
    // The same program and the program sharing both categories come first.
    expect(new Set(body.results.slice(0, 4).map((r) => r.program!.id))).toEqual(
      new Set([idOf('geology'), idOf('sharesBoth')]),
    )
    expect((await request('/discovery/v1/episodes/episode:999999999/related')).status).toBe(404)
  })
})

describe('search preview (staff)', () => {
  it('shows editors the interpretation, synonyms, scores and matched fields', async () => {
    const response = await request(
      `/api/search-preview?q=${encodeURIComponent(`Deep Time ${tag}`)}`,
      { auth: staff },
    )
    expect(response.status).toBe(200)
    expect(response.body.results[0].id).toBe(idOf('exact'))
    expect(response.body.interpretation.text).toBe(`Deep Time ${tag}`)
    const why = response.body.why.scores[idOf('exact')]
    expect(why.score).toBeGreaterThan(0)
    expect(why.matchedFields).toContain('title.en')
  })

  it('is refused to the public and to viewers, and refuses bad parameters with a 400', async () => {
    expect((await request('/api/search-preview?q=x')).status).toBe(401)
    const viewer = await signedIn(payload, 'viewer')
    expect((await request('/api/search-preview?q=x', { auth: viewer })).status).toBe(403)
    const bad = await request('/api/search-preview?q=x&limit=0', { auth: staff })
    expect(bad.status).toBe(400)
  })
})
