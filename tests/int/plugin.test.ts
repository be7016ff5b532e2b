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
import { Programs } from '../../src/collections/Programs'
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
    const own = Object.values(Programs.hooks ?? {}).reduce(
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
})
