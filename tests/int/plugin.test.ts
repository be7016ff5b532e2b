/**
 * `mediaMesh(options)` as a plugin: `disabled: true` keeps the schema and drops the behaviour, and
 * options other than the defaults reach what they configure (a host started with its own index
 * prefix and discovery base path serves its index under that path).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { configToJSONSchema, type Payload, type SanitizedConfig } from 'payload'

import config, { appConfig, mediaMeshOptionsFrom } from '../../payload.config'
import { spawnServer, stopServer, type SpawnedServer } from '../../scripts/lib/spawnServer'
import { env } from '../../src/env'
import { programsCollection } from '../../src/collections/Programs'
import { DEFAULT_SLUGS } from '../../src/lib/catalogueSlugs'
import { getMediaMesh } from '../../src/lib/mediaMeshOptions'
import { createSearchClient } from '../../src/search/client'
import { catalogueIndexNames, ensureCatalogueIndex, upsertRecord } from '../../src/search/indexer'
import { programToIndexRecord, type ProgramSource } from '../../src/search/mappers'
import { makeProgram } from './helpers/fixtures'
import { testPayload, uniqueTag } from './helpers/payload'

const endpointPaths = (c: SanitizedConfig) => c.endpoints.map((e) => `${e.method} ${e.path}`)
const hookCount = (c: SanitizedConfig, slug: string) =>
  Object.values(c.collections.find((collection) => collection.slug === slug)!.hooks).reduce(
    (sum, hooks) => sum + (Array.isArray(hooks) ? hooks.length : 0),
    0,
  )

describe('mediaMesh({ disabled: true })', () => {
  let enabled: SanitizedConfig
  let disabled: SanitizedConfig

  beforeAll(async () => {
    enabled = await config
    disabled = await appConfig({ ...mediaMeshOptionsFrom(env), disabled: true })
  })

  it('keeps the schema: the same collections, fields and job tasks', () => {
    expect(configToJSONSchema(disabled, 'number')).toEqual(configToJSONSchema(enabled, 'number'))
    expect(disabled.collections.map((c) => c.slug)).toEqual(enabled.collections.map((c) => c.slug))
    expect(disabled.jobs.tasks?.map((task) => task.slug)).toEqual(
      enabled.jobs.tasks?.map((task) => task.slug),
    )
  })

  it('registers no MediaMesh endpoints, admin views or hooks', () => {
    expect(endpointPaths(enabled)).toContain('post /search-sync/reindex')
    expect(endpointPaths(disabled).filter((path) => path.includes('search-sync'))).toEqual([])
    expect(Object.keys(enabled.admin.components.views ?? {})).toContain('searchSync')
    expect(Object.keys(disabled.admin.components.views ?? {})).not.toContain('searchSync')
    // Programs keep only their own hooks (slug, publication rules), none of search sync's or the
    // rate limits'.
    const own = Object.values(programsCollection(DEFAULT_SLUGS).hooks ?? {}).reduce(
      (sum, hooks) => sum + (Array.isArray(hooks) ? hooks.length : 0),
      0,
    )
    expect(hookCount(disabled, 'programs')).toBe(own)
    expect(hookCount(enabled, 'programs')).toBeGreaterThan(own)
    expect(getMediaMesh({ config: disabled }).disabled).toBe(true)
  })

  it('keeps its job tasks registered but refuses to run them', async () => {
    const sync = disabled.jobs.tasks!.find((task) => task.slug === 'searchSync')!
    const run = async () =>
      (sync.handler as (args: unknown) => unknown)({ input: {}, job: {}, req: {} })
    await expect(run()).rejects.toThrow('MediaMesh is disabled')
  })

  it('leaves the options of the MediaMesh that runs in place', async () => {
    const payload = await testPayload()
    expect(getMediaMesh(payload).disabled).toBe(false)
  })
})

describe('mediaMesh({ collections })', () => {
  let renamed: SanitizedConfig
  let enabled: SanitizedConfig
  const rating = { name: 'rating', type: 'number' } as const
  const readAll = () => true

  beforeAll(async () => {
    enabled = await config
    renamed = await appConfig({
      ...mediaMeshOptionsFrom(env),
      collections: {
        programs: { slug: 'shows', fields: [rating], access: { read: readAll } },
        episodes: { slug: 'segments', admin: { group: 'Shows' } },
        media: { slug: 'files' },
      },
    })
  })

  const collection = (slug: string) => renamed.collections.find((c) => c.slug === slug)!
  const field = (slug: string, name: string) =>
    collection(slug).flattenedFields.find((f) => f.name === name) as
      { relationTo?: unknown } | undefined

  it("adds the collections under the host's slugs, with their relationships following", () => {
    const slugs = renamed.collections.map((c) => c.slug)
    expect(slugs).toEqual(
      expect.arrayContaining(['shows', 'segments', 'categories', 'files', 'sources']),
    )
    expect(slugs).not.toEqual(expect.arrayContaining(['programs']))
    expect(field('segments', 'program')?.relationTo).toBe('shows')
    expect(field('segments', 'media')?.relationTo).toBe('files')
    expect(field('shows', 'coverImage')?.relationTo).toBe('files')
    expect(field('sources', 'program')?.relationTo).toBe('shows')
    expect(field('search-promotions', 'items')?.relationTo).toEqual(['shows', 'segments'])
  })

  it('appends extra fields, replaces only the access functions given, merges admin options', () => {
    expect(field('shows', 'rating')).toBeDefined()
    expect(field('shows', 'slug')).toBeDefined()
    expect(collection('shows').access.read).toBe(readAll)
    expect(collection('shows').access.update).toBe(collection('categories').access.update)
    expect(collection('segments').admin.group).toBe('Shows')
    expect(collection('segments').admin.useAsTitle).toBe('title')
  })

  it('syncs the renamed collections to search, and serves files under the media slug', () => {
    expect(hookCount(renamed, 'shows')).toBe(hookCount(enabled, 'programs'))
    expect(getMediaMesh({ config: renamed }).media.filesPath).toBe('/api/files/file/')
    expect(getMediaMesh({ config: renamed }).collections.episodes.slug).toBe('segments')
  })
})

describe('options other than the defaults', () => {
  const TAG = uniqueTag()
  const PREFIX = `mediamesh_test_${process.pid}_plugin`
  const names = catalogueIndexNames(PREFIX)
  const client = createSearchClient(env.ELASTICSEARCH_URL)
  let payload: Payload
  let host: SpawnedServer | undefined
  let programId: number

  beforeAll(async () => {
    payload = await testPayload()
    // One published program, only in this test's own index.
    const program = await makeProgram(payload, 'published', { title: `Plugin options ${TAG}` })
    programId = program.id
    const source = await payload.findByID({
      collection: 'programs',
      id: program.id,
      locale: 'all',
      depth: 1,
    })
    await ensureCatalogueIndex(client, names)
    await upsertRecord(
      client,
      names.write,
      programToIndexRecord(source as unknown as ProgramSource),
    )
    await client.indices.refresh({ index: names.read })
    host = await spawnServer(
      {
        DATABASE_URL: process.env.DATABASE_URL ?? '',
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
        METRICS_TOKEN: process.env.METRICS_TOKEN ?? '',
        SEARCH_INDEX_PREFIX: PREFIX,
        REDIS_KEY_PREFIX: `${PREFIX}:`,
        DISCOVERY_BASE_PATH: '/catalogue/find',
        DISCOVERY_DOCS: 'false',
        JOBS_AUTORUN: 'false',
      },
      'plugin-options',
      180_000,
    )
  }, 300_000)

  afterAll(async () => {
    await stopServer(host)
    await client.indices.delete({ index: `${names.base}*` }).catch(() => undefined)
    await client.close()
  }, 120_000)

  it('serves discovery under its base path, from the index under its prefix', async () => {
    const response = await fetch(
      `${host!.url}/catalogue/find/v1/search?${new URLSearchParams({ q: `Plugin options ${TAG}` })}`,
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as { results: { id: string }[] }
    expect(body.results.map((result) => result.id)).toEqual([`program:${programId}`])
  })

  it('describes the base path in its OpenAPI document, and serves no docs when told not to', async () => {
    const openapi = await fetch(`${host!.url}/catalogue/find/v1/openapi.json`)
    expect(((await openapi.json()) as { servers: { url: string }[] }).servers).toEqual([
      { url: expect.stringMatching(/^https?:\/\/[^/]+\/catalogue\/find$/) },
    ])
    expect((await fetch(`${host!.url}/catalogue/find/docs`)).status).toBe(404)
  })

  it('no longer serves discovery at the default path', async () => {
    const response = await fetch(`${host!.url}/discovery/v1/health`)
    expect(response.status).toBe(404)
  })

  // The same API as Payload endpoints, under Payload's API route (what a stock Next-hosted Payload
  // app serves, mediaMesh's `discovery.endpoints`), next to the Express mount of this host.
  const express = (path: string) => `${host!.url}/catalogue/find${path}`
  const payloadEndpoint = (path: string) => `${host!.url}/api/catalogue/find${path}`

  it('answers a search with the same body, ETag and cache headers as the Express mount', async () => {
    const query = `/v1/search?${new URLSearchParams({ q: `Plugin options ${TAG}` })}`
    // Uncompressed: the Express mount compresses itself, while behind Payload's endpoints that is
    // left to Next or a CDN (src/discovery/web.ts), so their compressed forms differ.
    const identity = { headers: { 'Accept-Encoding': 'identity' } }
    const viaExpress = await fetch(express(query), identity)
    const viaPayload = await fetch(payloadEndpoint(query), identity)
    expect(viaPayload.status).toBe(200)
    expect(viaPayload.headers.get('content-type')).toBe(viaExpress.headers.get('content-type'))
    const body = await viaPayload.text()
    expect(body).toBe(await viaExpress.text())
    expect((JSON.parse(body) as { results: { id: string }[] }).results.map((r) => r.id)).toEqual([
      `program:${programId}`,
    ])
    expect(viaPayload.headers.get('etag')).toBe(viaExpress.headers.get('etag'))
    expect(viaPayload.headers.get('cache-control')).toMatch(/^public, max-age=\d+, s-maxage=\d+/)
    expect(viaPayload.headers.get('cache-status')).toMatch(/^MediaMesh; /)
    expect(viaPayload.headers.get('ratelimit-policy')).toBe(
      viaExpress.headers.get('ratelimit-policy'),
    )
    expect(viaPayload.headers.get('access-control-allow-origin')).toBe('*')

    const revalidated = await fetch(payloadEndpoint(query), {
      headers: { 'If-None-Match': viaPayload.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
    const head = await fetch(payloadEndpoint(query), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('gives the same problem details for bad input, unknown routes and wrong methods', async () => {
    // Not among them: a text/plain or malformed JSON body, which this host's /api guards refuse
    // first, in Payload's error shape, as for every CMS route (SECURITY.md). A stock Payload app
    // has no such guards and gets discovery's own 415 and 400.
    const cases: [string, RequestInit][] = [
      ['/v1/search?size=5000', {}],
      ['/v1/programs/a%20b', {}],
      ['/v1/nothing-here', {}],
      ['/v1/search', { method: 'DELETE' }],
      [
        '/v1/events',
        {
          method: 'POST',
          body: JSON.stringify({ id: 'x'.repeat(5000) }),
          headers: { 'Content-Type': 'application/json' },
        },
      ],
    ]
    for (const [path, init] of cases) {
      const viaExpress = await fetch(express(path), init)
      const viaPayload = await fetch(payloadEndpoint(path), init)
      const expressBody = (await viaExpress.json()) as Record<string, unknown>
      const payloadBody = (await viaPayload.json()) as Record<string, unknown>
      expect([path, viaPayload.status]).toEqual([path, viaExpress.status])
      expect(viaPayload.status).toBeGreaterThanOrEqual(400)
      expect(viaPayload.status).toBeLessThan(500)
      expect([path, viaPayload.headers.get('content-type')]).toEqual([
        path,
        expect.stringMatching(/^application\/problem\+json/),
      ])
      expect(viaPayload.headers.get('allow')).toBe(viaExpress.headers.get('allow'))
      expect(payloadBody.code).toBe(expressBody.code)
      expect(payloadBody.details).toEqual(expressBody.details)
      // Each points at the problem types page and its own path under its own mount.
      expect(payloadBody.type).toBe(`/api/catalogue/find/docs/problems#${String(expressBody.code)}`)
      expect(payloadBody.instance).toBe(`/api/catalogue/find${path.split('?')[0]}`)
    }
  })

  it('answers CORS preflights and serves the OpenAPI document under its own path', async () => {
    const preflight = await fetch(payloadEndpoint('/v1/events'), {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')

    const openapi = await fetch(payloadEndpoint('/v1/openapi.json'))
    expect(((await openapi.json()) as { servers: { url: string }[] }).servers).toEqual([
      { url: expect.stringMatching(/^https?:\/\/[^/]+\/api\/catalogue\/find$/) },
    ])
    // Docs are off on this host; the problem types page is served anyway.
    expect((await fetch(payloadEndpoint('/docs'))).status).toBe(404)
    const problems = await fetch(payloadEndpoint('/docs/problems'))
    expect(problems.status).toBe(200)
    expect(await problems.text()).toContain('id="invalid_query"')
  })

  it('refuses a path that is not valid percent-encoding with a 400 on both mounts', async () => {
    // Payload's endpoint matcher would throw decoding it (a 500): this host's /api guard answers.
    for (const url of [
      express('/v1/programs/%E0%A4%A'),
      payloadEndpoint('/v1/programs/%E0%A4%A'),
    ]) {
      expect([url, (await fetch(url)).status]).toEqual([url, 400])
    }
  })

  it('counts rate limits per client: an API-key guess is refused and charged', async () => {
    const refused = await fetch(payloadEndpoint('/v1/categories'), {
      headers: { 'X-Api-Key': 'not-a-configured-key-at-all' },
    })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('ratelimit-remaining')).not.toBeNull()
  })
})
