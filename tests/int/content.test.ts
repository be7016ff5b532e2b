/**
 * The content model as integrators meet it over REST: localization, slugs, validation that names the
 * field, refused deletes, read limits, and bad input that never becomes a 500 or a half-write.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { makeCategory, makeEpisode, makeImage, makeProgram } from './helpers/fixtures'
import { graphql, request } from './helpers/http'
import { signedIn, testPayload, uniqueTag } from './helpers/payload'

let payload: Payload
let editor: { token: string }
let viewer: { token: string }

beforeAll(async () => {
  payload = await testPayload()
  editor = await signedIn(payload, 'editor')
  viewer = await signedIn(payload, 'viewer')
})

const fieldPaths = (body: { errors?: { data?: { errors?: { path: string }[] } }[] }) =>
  (body.errors ?? []).flatMap((e) => e.data?.errors ?? []).map((e) => e.path)

describe('localization', () => {
  it('stores English and Arabic side by side and falls back to English', async () => {
    const tag = uniqueTag()
    const created = await request('/api/programs?locale=en', {
      method: 'POST',
      auth: editor,
      json: {
        title: `Desert Cities ${tag}`,
        summary: 'English summary',
        format: 'documentary',
        language: 'ar',
        _status: 'published',
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const arabic = await request(`/api/programs/${id}?locale=ar`, {
      method: 'PATCH',
      auth: editor,
      json: { title: `مدن الصحراء ${tag}` },
    })
    expect(arabic.status).toBe(200)

    expect((await request(`/api/programs/${id}?locale=en`)).body.title).toBe(`Desert Cities ${tag}`)
    const ar = await request(`/api/programs/${id}?locale=ar`)
    expect(ar.body.title).toBe(`مدن الصحراء ${tag}`)
    // No Arabic summary: the English one is served instead of nothing.
    expect(ar.body.summary).toBe('English summary')
    const all = await request(`/api/programs/${id}?locale=all`)
    expect(all.body.title).toEqual({ en: `Desert Cities ${tag}`, ar: `مدن الصحراء ${tag}` })

    const viaGraphql = await graphql(`{ Program(id: ${id}, locale: ar) { title summary } }`)
    expect(viaGraphql.body.data.Program).toEqual({
      title: `مدن الصحراء ${tag}`,
      summary: 'English summary',
    })
  })
})

describe('slugs', () => {
  it('generates a slug from the title', async () => {
    const program = await makeProgram(payload, 'published', { title: 'Café Society: Ép. One!' })
    expect(program.slug).toMatch(/^cafe-society-ep-one(-\d+)?$/)
  })

  it('keeps Arabic letters when the title is Arabic only', async () => {
    const program = await payload.create({
      collection: 'programs',
      locale: 'ar',
      data: { title: 'بيتُ الحكمة', format: 'podcast', language: 'ar', _status: 'published' },
    })
    expect(program.slug).toMatch(/^بيت-الحكمة(-\d+)?$/)
  })

  it('adds a suffix when a generated slug is taken', async () => {
    const title = `Same Title ${uniqueTag()}`
    const first = await makeProgram(payload, 'published', { title })
    const second = await makeProgram(payload, 'published', { title })
    expect(second.slug).toBe(`${first.slug}-2`)
  })

  it('normalises a typed slug and refuses one that is taken, naming the field', async () => {
    const tag = uniqueTag()
    const typed = await request('/api/programs', {
      method: 'POST',
      auth: editor,
      json: { title: 'Anything', slug: `My Show ${tag}`, format: 'show', language: 'en' },
    })
    expect(typed.status).toBe(201)
    expect(typed.body.doc.slug).toBe(`my-show-${tag}`)
    const taken = await request('/api/programs', {
      method: 'POST',
      auth: editor,
      json: { title: 'Other', slug: `my-show-${tag}`, format: 'show', language: 'en' },
    })
    expect(taken.status).toBe(400)
    expect(fieldPaths(taken.body)).toEqual(['slug'])
  })

  it('keeps a slug when the title changes, so published URLs do not break', async () => {
    const program = await makeProgram(payload)
    const updated = await payload.update({
      collection: 'programs',
      id: program.id,
      data: { title: 'Renamed' },
    })
    expect(updated.slug).toBe(program.slug)
  })

  it('makes episode slugs unique per program only', async () => {
    const a = await makeProgram(payload)
    const b = await makeProgram(payload)
    const inA = await makeEpisode(payload, a, 'published', { title: 'Pilot' })
    const inB = await makeEpisode(payload, b, 'published', { title: 'Pilot' })
    const againInA = await makeEpisode(payload, a, 'published', { title: 'Pilot' })
    expect(inA.slug).toBe('pilot')
    expect(inB.slug).toBe('pilot')
    expect(againInA.slug).toBe('pilot-2')
  })
})

describe('validation', () => {
  it('names every invalid field in one 400', async () => {
    const response = await request('/api/programs', {
      method: 'POST',
      auth: editor,
      json: { format: 'radio', language: 'english', _status: 'published' },
    })
    expect(response.status).toBe(400)
    expect(fieldPaths(response.body).sort()).toEqual(['format', 'language', 'title'])
  })

  it('normalises language tags such as en-US to ISO 639-1', async () => {
    const program = await makeProgram(payload, 'published', { language: 'EN-us' })
    expect(program.language).toBe('en')
  })

  it.each([
    ['durationSeconds', -5],
    ['durationSeconds', 12.5],
    ['durationSeconds', 'long'],
    ['episodeNumber', -1],
    ['sizeBytes', -100],
  ])('refuses %s = %p on an episode', async (field, value) => {
    const program = await makeProgram(payload)
    const response = await request('/api/episodes', {
      method: 'POST',
      auth: editor,
      json: { title: 'x', program: program.id, [field]: value, _status: 'published' },
    })
    expect(response.status).toBe(400)
    expect(fieldPaths(response.body)).toContain(field)
  })

  it('refuses an enclosure URL that is not http(s)', async () => {
    const program = await makeProgram(payload)
    const response = await request('/api/episodes', {
      method: 'POST',
      auth: editor,
      json: {
        title: 'x',
        program: program.id,
        enclosureUrl: 'javascript:alert(1)',
        _status: 'published',
      },
    })
    expect(response.status).toBe(400)
    expect(fieldPaths(response.body)).toEqual(['enclosureUrl'])
  })

  it('accepts sparse records: only the required fields', async () => {
    const program = await request('/api/programs', {
      method: 'POST',
      auth: editor,
      json: {
        title: `Sparse ${uniqueTag()}`,
        format: 'podcast',
        language: 'fr',
        _status: 'published',
      },
    })
    expect(program.status).toBe(201)
    const episode = await request('/api/episodes', {
      method: 'POST',
      auth: editor,
      json: { title: 'Sparse episode', program: program.body.doc.id, _status: 'published' },
    })
    expect(episode.status).toBe(201)
  })
})

describe('bad input', () => {
  it('answers malformed JSON with a 400 and writes nothing', async () => {
    const before = await payload.count({ collection: 'programs' })
    const response = await request('/api/programs', {
      method: 'POST',
      auth: editor,
      body: '{"title": "x",',
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/json/i)
    expect((await payload.count({ collection: 'programs' })).totalDocs).toBe(before.totalDocs)
  })

  it.each([
    ['published', 'published'],
    ['draft', 'draft'],
  ])(
    'answers an unknown program id in a %s episode with a 400 naming the field',
    async (_label, status) => {
      const tag = uniqueTag()
      const response = await request(`/api/episodes${status === 'draft' ? '?draft=true' : ''}`, {
        method: 'POST',
        auth: editor,
        json: { title: `Orphan ${tag}`, program: 987654321, _status: status },
      })
      expect(response.status).toBe(400)
      expect(fieldPaths(response.body)).toEqual(['program'])
      const written = await payload.find({
        collection: 'episodes',
        where: { title: { contains: tag } },
        draft: true,
      })
      expect(written.totalDocs).toBe(0)
    },
  )

  it('answers unknown category and image ids with a 400 and leaves the program unchanged', async () => {
    const program = await makeProgram(payload)
    for (const data of [{ categories: [987654321] }, { coverImage: 987654321 }]) {
      const response = await request(`/api/programs/${program.id}`, {
        method: 'PATCH',
        auth: editor,
        json: data,
      })
      expect(response.status).toBe(400)
      expect(fieldPaths(response.body)).toEqual(Object.keys(data))
    }
    const stored = await payload.findByID({ collection: 'programs', id: program.id, depth: 0 })
    expect(stored.categories).toEqual([])
    expect(stored.coverImage).toBeFalsy()
  })

  it('answers an id of the wrong type with a 400', async () => {
    const response = await request('/api/episodes', {
      method: 'POST',
      auth: editor,
      json: { title: 'x', program: 'not-an-id', _status: 'published' },
    })
    expect(response.status).toBe(400)
    expect(fieldPaths(response.body)).toContain('program')
  })

  it('answers a duplicate guid within a program with a 400 naming the field', async () => {
    const program = await makeProgram(payload)
    await makeEpisode(payload, program, 'published', { guid: 'same-guid' })
    const response = await request('/api/episodes', {
      method: 'POST',
      auth: editor,
      json: { title: 'dup', program: program.id, guid: 'same-guid', _status: 'published' },
    })
    expect(response.status).toBe(400)
    expect(fieldPaths(response.body).join()).toMatch(/guid/)
  })

  it('answers a non-numeric id with a 4xx and a query on one with no results, never a 500', async () => {
    const byId = await request('/api/programs/not-a-number')
    expect(byId.status).toBeGreaterThanOrEqual(400)
    expect(byId.status).toBeLessThan(500)
    const byQuery = await request('/api/programs?where[id][equals]=abc')
    expect(byQuery.status).toBe(200)
    expect(byQuery.body.docs).toEqual([])
  })

  it('refuses an upload whose bytes are not an allowed type, whatever its name', async () => {
    const form = new FormData()
    form.append('file', new Blob(['#!/bin/sh\necho pwned\n'], { type: 'image/png' }), 'cover.png')
    const response = await fetch(`${process.env.TEST_SERVER_URL}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}` },
      body: form,
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/file/i)
  })

  it('refuses an upload over the size limit with a 413 and stores nothing', async () => {
    const before = await payload.count({ collection: 'media' })
    const limit = Number(process.env.UPLOAD_MAX_BYTES)
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(limit + 1024)], { type: 'audio/mpeg' }),
      'huge.mp3',
    )
    const response = await fetch(`${process.env.TEST_SERVER_URL}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}` },
      body: form,
    })
    expect(response.status).toBe(413)
    expect((await response.json()).errors[0].message).toBeTruthy()
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before.totalDocs)
  })
})

describe('refused deletes', () => {
  it('refuses to delete a program that still has episodes, naming them, with a 409', async () => {
    const program = await makeProgram(payload)
    const episode = await makeEpisode(payload, program)
    const response = await request(`/api/programs/${program.id}`, {
      method: 'DELETE',
      auth: editor,
    })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/episodes/)
    expect(response.body.errors[0].data.references[0]).toMatchObject({
      collection: 'episodes',
      count: 1,
      ids: [episode.id],
    })
    expect((await payload.findByID({ collection: 'programs', id: program.id })).id).toBe(program.id)
    // Once the episode is gone the program can go.
    await payload.delete({ collection: 'episodes', id: episode.id })
    expect(
      (await request(`/api/programs/${program.id}`, { method: 'DELETE', auth: editor })).status,
    ).toBe(200)
  })

  it('refuses to delete an image still used as a cover, with a 409', async () => {
    const image = await makeImage(payload)
    await makeProgram(payload, 'draft', { coverImage: image.id })
    const response = await request(`/api/media/${image.id}`, { method: 'DELETE', auth: editor })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].data.references[0]).toMatchObject({
      collection: 'programs',
      field: 'coverImage',
    })
  })

  it('refuses to delete a category that programs use, through GraphQL too', async () => {
    const category = await makeCategory(payload)
    await makeProgram(payload, 'published', { categories: [category.id] })
    const response = await graphql(
      `mutation { deleteCategory(id: ${category.id}) { id } }`,
      {},
      editor,
    )
    expect(response.body.errors[0].message).toMatch(/still referenced/)
    expect((await payload.findByID({ collection: 'categories', id: category.id })).id).toBe(
      category.id,
    )
  })
})

describe('read limits', () => {
  beforeAll(async () => {
    // Enough published programs that the caps are visible.
    const existing = await payload.count({ collection: 'programs' })
    for (let i = existing.totalDocs; i < 130; i++) await makeProgram(payload)
  })

  it.each([
    ['limit=5000', 100],
    ['limit=0', 100],
    ['pagination=false', 100],
    ['limit=-3', 100],
    ['limit=7', 7],
  ])('clamps %s for the public to %i', async (query, expected) => {
    const response = await request(`/api/programs?${query}`)
    expect(response.status).toBe(200)
    expect(response.body.docs).toHaveLength(expected)
    expect(response.body.totalDocs).toBeGreaterThan(expected === 7 ? 7 : 100)
  })

  it('clamps viewers like the public', async () => {
    const response = await request('/api/programs?limit=1000', { auth: viewer })
    expect(response.body.docs).toHaveLength(100)
  })

  it('lets editors read up to 1,000 per page', async () => {
    const response = await request('/api/programs?limit=5000', { auth: editor })
    expect(response.body.limit).toBe(1000)
    expect(response.body.docs.length).toBeGreaterThan(100)
  })

  it('clamps a huge depth instead of honouring it', async () => {
    const category = await makeCategory(payload)
    const child = await makeCategory(payload, { parent: category.id })
    const grandchild = await makeCategory(payload, { parent: child.id })
    const greatGrandchild = await makeCategory(payload, { parent: grandchild.id })
    const response = await request(`/api/categories/${greatGrandchild.id}?depth=50`)
    expect(response.status).toBe(200)
    // depth 2 for the public: two levels populated, the third left as an id.
    expect(typeof response.body.parent.parent.parent).toBe('number')
  })

  it('caps GraphQL query complexity', async () => {
    const nested = 'docs { id categories { id parent { id parent { id parent { id } } } } }'
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `q${i}: Programs(limit: 100) { ${nested} }`).join(' ')} }`
    const response = await graphql(query)
    // Refused before it runs, by the first cap it exceeds (root fields, depth or cost).
    expect(response.body.errors?.[0]?.message ?? '').toMatch(
      /GRAPHQL_MAX_(ROOT_FIELDS|DEPTH|COST)|complexity/i,
    )
    expect(response.body.data ?? null).toBeNull()
  })
})
