/**
 * What the public sees: published and due content only, through REST, GraphQL and list queries.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import type { Program } from '../../src/payload-types'
import { future, makeEpisode, makeImage, makeProgram, past } from './helpers/fixtures'
import { graphql, login, request } from './helpers/http'
import { createUser, testPayload, uniqueTag } from './helpers/payload'

let payload: Payload
let viewerToken: string
let editorToken: string

beforeAll(async () => {
  payload = await testPayload()
  const viewer = await createUser(payload, ['viewer'])
  viewerToken = await login(viewer.email, viewer.password)
  const editor = await createUser(payload, ['editor'])
  editorToken = await login(editor.email, editor.password)
})

async function publicList(slug: string, tag: string) {
  const response = await request(`/api/${slug}?where[title][contains]=${tag}&limit=100`)
  expect(response.status).toBe(200)
  return response.body.docs as { id: number; title: string }[]
}

describe('drafts', () => {
  it('hides a never-published program from the public, viewers, REST lists and GraphQL', async () => {
    const tag = uniqueTag()
    const draft = await makeProgram(payload, 'draft', { title: `Secret ${tag}` })
    expect((await request(`/api/programs/${draft.id}`)).status).toBe(404)
    expect((await request(`/api/programs/${draft.id}?draft=true`)).status).toBe(404)
    expect(
      (await request(`/api/programs/${draft.id}?draft=true`, { auth: { token: viewerToken } }))
        .status,
    ).toBe(404)
    expect(await publicList('programs', tag)).toEqual([])
    const listed = await request(`/api/programs?where[title][contains]=${tag}&draft=true`)
    expect(listed.body.docs).toEqual([])
    const viaGraphql = await graphql(
      `{ Programs(where: { title: { contains: "${tag}" } }, draft: true) { docs { id } } }`,
    )
    expect(viaGraphql.body.data.Programs.docs).toEqual([])
    const versions = await request(`/api/programs/versions?where[parent][equals]=${draft.id}`)
    expect(versions.status).toBe(403)
  })

  it('shows editors the draft', async () => {
    const draft = await makeProgram(payload, 'draft')
    const response = await request(`/api/programs/${draft.id}?draft=true`, {
      auth: { token: editorToken },
    })
    expect(response.status).toBe(200)
    expect(response.body._status).toBe('draft')
  })

  it('keeps serving the published version while a newer draft exists', async () => {
    const tag = uniqueTag()
    const program = await makeProgram(payload, 'published', { title: `Live ${tag}` })
    await payload.update({
      collection: 'programs',
      id: program.id,
      draft: true,
      data: { title: `Unreleased rewrite ${tag}` },
    })
    const response = await request(`/api/programs/${program.id}`)
    expect(response.status).toBe(200)
    expect(response.body.title).toBe(`Live ${tag}`)
    // Asking for the draft does not reveal it either: at most the published version comes back.
    const asDraft = await request(`/api/programs/${program.id}?draft=true`)
    expect([200, 404]).toContain(asDraft.status)
    if (asDraft.status === 200) expect(asDraft.body.title).toBe(`Live ${tag}`)
    expect(JSON.stringify(asDraft.body)).not.toContain('Unreleased rewrite')
    const staff = await request(`/api/programs/${program.id}?draft=true`, {
      auth: { token: editorToken },
    })
    expect(staff.body.title).toBe(`Unreleased rewrite ${tag}`)
  })

  it('hides published episodes of a program that is not published', async () => {
    const program = await makeProgram(payload, 'draft')
    const episode = await makeEpisode(payload, program, 'published')
    expect((await request(`/api/episodes/${episode.id}`)).status).toBe(404)
    expect(
      (await request(`/api/episodes/${episode.id}`, { auth: { token: editorToken } })).status,
    ).toBe(200)
  })

  it('hides a draft episode of a published program', async () => {
    const program = await makeProgram(payload)
    const episode = await makeEpisode(payload, program, 'draft')
    expect((await request(`/api/episodes/${episode.id}`)).status).toBe(404)
    const viaGraphql = await graphql(`{ Episode(id: ${episode.id}, draft: true) { id } }`)
    expect(viaGraphql.body.data?.Episode ?? null).toBeNull()
  })

  it('removes an unpublished program from public reads', async () => {
    const program = await makeProgram(payload)
    expect((await request(`/api/programs/${program.id}`)).status).toBe(200)
    await payload.update({ collection: 'programs', id: program.id, data: { _status: 'draft' } })
    expect((await request(`/api/programs/${program.id}`)).status).toBe(404)
  })
})

describe('publication dates', () => {
  it('sets publishedAt to the moment of first publish', async () => {
    const before = Date.now()
    const created = await payload.create({
      collection: 'programs',
      data: { title: `Now ${uniqueTag()}`, format: 'show', language: 'en', _status: 'published' },
    })
    expect(created.publishedAt).toBeTruthy()
    const at = new Date(created.publishedAt as string).getTime()
    expect(at).toBeGreaterThanOrEqual(before - 1000)
    expect(at).toBeLessThanOrEqual(Date.now() + 1000)
    // Publishing again later keeps the first moment.
    const again = await payload.update({
      collection: 'programs',
      id: created.id,
      data: { summary: 'edited' },
    })
    expect(again.publishedAt).toBe(created.publishedAt)
  })

  it('hides a published program whose publishedAt is in the future until then', async () => {
    const tag = uniqueTag()
    const embargoed = await makeProgram(payload, 'published', {
      title: `Embargo ${tag}`,
      publishedAt: future(2),
    })
    expect((await request(`/api/programs/${embargoed.id}`)).status).toBe(404)
    expect(await publicList('programs', tag)).toEqual([])
    const viaGraphql = await graphql(
      `{ Programs(where: { title: { contains: "${tag}" } }) { totalDocs } }`,
    )
    expect(viaGraphql.body.data.Programs.totalDocs).toBe(0)
    // Once the moment has passed it appears, without any job having to run.
    await payload.update({
      collection: 'programs',
      id: embargoed.id,
      data: { publishedAt: past(0.01) },
    })
    expect((await request(`/api/programs/${embargoed.id}`)).status).toBe(200)
  })

  it('runs a scheduled publish when the job comes due', async () => {
    const program = await makeProgram(payload, 'draft')
    const waitUntil = new Date(Date.now() + 500)
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil,
      input: { type: 'publish', doc: { relationTo: 'programs', value: program.id } },
    })
    expect((await request(`/api/programs/${program.id}`)).status).toBe(404)
    await new Promise((resolve) => setTimeout(resolve, waitUntil.getTime() - Date.now() + 50))
    await payload.jobs.run()
    const response = await request(`/api/programs/${program.id}`)
    expect(response.status).toBe(200)
    expect(response.body._status).toBe('published')
    expect(response.body.publishedAt).toBeTruthy()
  })

  it('runs a scheduled unpublish when the job comes due', async () => {
    const program = await makeProgram(payload)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'unpublish', doc: { relationTo: 'programs', value: program.id } },
    })
    await payload.jobs.run()
    expect((await request(`/api/programs/${program.id}`)).status).toBe(404)
  })
})

describe('media visibility', () => {
  it('makes a file public only while published, due content uses it', async () => {
    const image = await makeImage(payload)
    expect((await request(`/api/media/${image.id}`)).status).toBe(404)
    const file = await fetch(`${process.env.TEST_SERVER_URL}/api/media/file/${image.filename}`)
    expect(file.status).toBe(403)

    const program: Program = await makeProgram(payload, 'published', { coverImage: image.id })
    const doc = await request(`/api/media/${image.id}`)
    expect(doc.status).toBe(200)
    const served = await fetch(`${process.env.TEST_SERVER_URL}${doc.body.url}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')

    await payload.update({ collection: 'programs', id: program.id, data: { _status: 'draft' } })
    expect((await request(`/api/media/${image.id}`)).status).toBe(404)
  })
})
