/**
 * MediaMesh installed in someone else's Payload app: examples/stock-next, a stock Next-hosted
 * Payload app (Next route handlers only, no Express, no code of this repository) whose programs
 * are `shows` and whose episodes are `segments`, with its own database, index prefix and Redis
 * prefix. Everything goes through its HTTP API, as an integrator's would.
 *
 * Setup, as a team adopting the package would do it:
 * - `npm pack` of this repository (dist/ compiled by the test run, types emitted here), unpacked into the app's
 *   node_modules/mediamesh. Its own imports (payload, next, ...) resolve from this repository's
 *   node_modules up the tree, as a consumer's resolve from theirs; `npm install` of the tarball
 *   would first copy Payload and Next (about 1 GB) into the app for every run.
 * - `payload migrate:create` and `payload migrate` (the app's schema, MediaMesh's collections
 *   under its slugs, into its empty database), `payload generate:importmap` (MediaMesh's admin
 *   views from `mediamesh/rsc` and `mediamesh/client`), `next build`, `next start`.
 * The app runs search sync itself (`jobs.autoRun`), so a published change reaches its discovery
 * endpoints with no worker.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdir, readFile, rm } from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { emitTypes } from '../../scripts/lib/compile'
import { freePort, LOG_DIR } from '../../scripts/lib/spawnServer'
import { ROOT } from '../../scripts/lib/paths'
import { createSearchClient } from '../../src/search/client'
import { createScratchDatabase, dropScratchDatabase } from '../setup/testDatabase'
import { until } from './helpers/until'

const exec = promisify(execFile)
const WORK = path.join(ROOT, '.cache', 'example-app-test')
const APP = path.join(WORK, 'app')
const PREFIX = `example_${process.pid}`
/** Reads per minute per client address in the app (small, so the limit is reached in a test). */
const READS_PER_MINUTE = 10
const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file)

let env: NodeJS.ProcessEnv
let app: ChildProcess | undefined
let base = ''
let token = ''

/** Runs one of the app's commands (Payload's or Next's CLI) in the app's folder. */
async function inApp(script: string, args: string[]): Promise<void> {
  try {
    await exec(process.execPath, [script, ...args], {
      cwd: APP,
      env,
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`${path.basename(script)} ${args.join(' ')} failed:\n${stdout}\n${stderr}`)
  }
}

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true })
  await mkdir(WORK, { recursive: true })
  await cp(path.join(ROOT, 'examples', 'stock-next'), APP, { recursive: true })
  // The package as published: dist/ (compiled by the test run) and its type declarations, which
  // the app's `next build` type-checks its config against.
  await emitTypes()
  const { stdout } = await exec(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', WORK],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  )
  const [packed] = JSON.parse(stdout) as [{ filename: string }]
  const installed = path.join(APP, 'node_modules', 'mediamesh')
  await mkdir(installed, { recursive: true })
  await exec('tar', [
    '-xzf',
    path.join(WORK, path.basename(packed.filename)),
    '-C',
    installed,
    '--strip-components=1',
  ])

  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // Built, migrated and run as in production.
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: await createScratchDatabase('example'),
    PAYLOAD_SECRET: 'example-app-secret-0123456789abcdef',
    DISCOVERY_CURSOR_SECRET: 'example-app-cursor-0123456789abcdef',
    ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    SEARCH_INDEX_PREFIX: PREFIX,
    REDIS_KEY_PREFIX: `${PREFIX}:`,
    DISCOVERY_READS_PER_MINUTE: String(READS_PER_MINUTE),
  }
  const payloadCli = bin('payload', 'bin.js')
  await inApp(payloadCli, ['migrate:create', 'initial'])
  await inApp(payloadCli, ['migrate'])
  await inApp(payloadCli, ['generate:importmap'])
  await inApp(bin('next', 'dist/bin/next'), ['build'])

  await mkdir(LOG_DIR, { recursive: true })
  const log = createWriteStream(path.join(LOG_DIR, `example-app-${process.pid}.log`))
  app = spawn(process.execPath, [bin('next', 'dist/bin/next'), 'start', '-p', String(port)], {
    cwd: APP,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  app.stdout?.pipe(log)
  app.stderr?.pipe(log)
  await until('the example app to answer', async () =>
    (await fetch(`${base}/api/discovery/v1/health`)).ok ? true : undefined,
  )

  // The first user, through the app's own API; MediaMesh's access rules read `roles`.
  const account = { email: 'admin@example.com', password: 'example-password-1' }
  const registered = await fetch(`${base}/api/users/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...account, roles: ['admin'] }),
  })
  expect(registered.status).toBe(200)
  token = ((await registered.json()) as { token: string }).token
}, 900_000)

afterAll(async () => {
  app?.kill('SIGTERM')
  if (app && app.exitCode === null) await new Promise((resolve) => app!.once('exit', resolve))
  const search = createSearchClient(env?.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200')
  await search.indices.delete({ index: `${PREFIX}*` }).catch(() => undefined)
  await search.close()
  await dropScratchDatabase('example').catch(() => undefined)
  await rm(WORK, { recursive: true, force: true })
}, 120_000)

/** A write through the app's REST API as its admin. */
async function write<T>(method: string, route: string, body: object): Promise<T> {
  const response = await fetch(`${base}/api${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`)
  return (JSON.parse(text) as { doc: T }).doc
}

interface SearchAnswer {
  results: { id: string; type: string; title: string; program?: { slug: string } }[]
  facets: Record<string, { value: string; count: number }[]>
}

/**
 * A discovery search from a client address of its own (the app's rate limits count per address,
 * the last X-Forwarded-For entry by default), so polling never spends the budget tested below.
 */
let clients = 0
const search = (q: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/discovery/v1/search?${new URLSearchParams({ q })}`, {
    headers: {
      'X-Forwarded-For': `10.1.${Math.floor(++clients / 250)}.${clients % 250}`,
      ...headers,
    },
  })

describe('MediaMesh in a stock Next-hosted Payload app with its own slugs', () => {
  const tag = `${Date.now().toString(36)}`
  let showId = 0
  let segmentId = 0

  it('creates and publishes through its REST API under its own slugs', async () => {
    const category = await write<{ id: number; slug: string }>('POST', '/categories?locale=en', {
      name: `Astronomy ${tag}`,
    })
    const show = await write<{ id: number }>('POST', '/shows?locale=en', {
      title: `Night Sky ${tag}`,
      format: 'podcast',
      language: 'en',
      categories: [category.id],
      _status: 'published',
    })
    showId = show.id
    const segment = await write<{ id: number; program: { id: number } }>(
      'POST',
      '/segments?locale=en',
      { title: `Comets ${tag}`, program: show.id, _status: 'published' },
    )
    segmentId = segment.id
    expect(segment.program.id).toBe(show.id)
    // MediaMesh's collections exist only under the app's slugs.
    expect((await fetch(`${base}/api/programs`)).status).toBe(404)
  })

  it('finds them through its discovery endpoints, with facets and cache headers', async () => {
    const answer = await until('the show and its segment in discovery', async () => {
      const body = (await (await search(tag)).json()) as SearchAnswer
      return body.results.length === 2 ? body : undefined
    })
    // Discovery names them by MediaMesh's own types, whatever the app calls the collections.
    expect(answer.results.map((result) => result.id).sort()).toEqual([
      `episode:${segmentId}`,
      `program:${showId}`,
    ])
    expect(answer.results.find((r) => r.type === 'episode')?.program?.slug).toBe(`night-sky-${tag}`)
    expect(answer.facets.type).toEqual(
      expect.arrayContaining([
        { value: 'program', count: 1 },
        { value: 'episode', count: 1 },
      ]),
    )
    expect(answer.facets.category).toEqual([
      expect.objectContaining({ value: `astronomy-${tag}`, count: 2 }),
    ])

    const response = await search(tag)
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+, s-maxage=\d+/)
    expect(response.headers.get('cache-status')).toMatch(/^MediaMesh; /)
    const etag = response.headers.get('etag')
    expect(etag).toBeTruthy()
    expect((await search(tag, { 'If-None-Match': etag! })).status).toBe(304)
  })

  it('limits reads per client address, with a problem and Retry-After once spent', async () => {
    const statuses: number[] = []
    let limited: Response | undefined
    for (let i = 0; i <= READS_PER_MINUTE && !limited; i++) {
      const response = await fetch(`${base}/api/discovery/v1/categories`, {
        headers: { 'X-Forwarded-For': '10.2.0.1' },
      })
      statuses.push(response.status)
      if (response.status === 429) limited = response
    }
    expect(statuses.slice(0, READS_PER_MINUTE)).toEqual(Array(READS_PER_MINUTE).fill(200))
    expect(limited?.status).toBe(429)
    expect(limited?.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited?.headers.get('ratelimit-policy')).toBe(`"discovery";q=${READS_PER_MINUTE};w=60`)
  })

  it('drops an unpublished show and its segments from discovery', async () => {
    await write('PATCH', `/shows/${showId}?locale=en`, { _status: 'draft' })
    await until('the show and its segment to leave discovery', async () => {
      const body = (await (await search(tag)).json()) as SearchAnswer
      return body.results.length === 0 ? true : undefined
    })
  })

  it('serves MediaMesh admin views from the package through the app import map', async () => {
    const importMap = await readFile(path.join(APP, 'app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap).toContain(`from 'mediamesh/rsc'`)
    expect(importMap).toContain(`from 'mediamesh/client'`)
    const page = await fetch(`${base}/admin/search-sync`, {
      headers: { Cookie: `payload-token=${token}` },
    })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Search sync')
  })
})
