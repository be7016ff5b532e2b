/**
 * Discovery on two real instances of the host that share one Redis, as deployed behind a load
 * balancer: rate limits hold across the instances (per address, per API key, per login email), and
 * the API keeps answering while Redis or Elasticsearch is away (from its caches, with per-instance
 * limits, with a fast 503 for what it cannot answer), then recovers by itself when they return.
 *
 * The file starts its own Redis server and its own Elasticsearch node, so that it can stop them
 * without disturbing the rest of the suite; the instances share the run's database.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { ROOT } from '../../../scripts/lib/paths'
import {
  freePort,
  spawnServer,
  stopServer,
  type SpawnedServer,
} from '../../../scripts/lib/spawnServer'
import type { Episode, Program } from '../../../src/payload-types'
import { createSearchClient } from '../../../src/search/client'
import {
  catalogueIndexNames,
  ensureCatalogueIndex,
  upsertRecord,
} from '../../../src/search/indexer'
import {
  episodeToIndexRecord,
  type EpisodeSource,
  programToIndexRecord,
  type ProgramSource,
} from '../../../src/search/mappers'
import { makeEpisode, makeProgram } from '../helpers/fixtures'
import type { JsonResponse } from '../helpers/http'
import { createUser, testPayload, uniqueTag } from '../helpers/payload'
import { expectProblem } from '../helpers/problem'
import { until } from '../helpers/until'

const exec = promisify(execFile)

const ES_PORT = 9273
const ES_URL = `http://127.0.0.1:${ES_PORT}`
const ES_STATE = path.join(ROOT, '.cache', 'elasticsearch', `node-${ES_PORT}-discovery-test`)
const SEARCH_PREFIX = `mediamesh_test_${process.pid}_resilience`
const REDIS_PREFIX = `mediamesh_test_${process.pid}_resilience:`
const names = catalogueIndexNames(SEARCH_PREFIX)

/** Per minute; low enough to reach in a test. Writes are not under test here. */
const LIMITS = { discovery: 10, events: 3, login: 3, writes: 3 }
/**
 * Every client comes from 127.0.0.1, whose discovery budget the rate-limit tests use up. The other
 * tests therefore read with API keys, each used for at most one budget (see `budgetKey`).
 */
const API_KEYS = Array.from({ length: 200 }, () => randomBytes(12).toString('hex'))
const TAG = uniqueTag()

const es = (command: 'start' | 'stop') =>
  exec('bash', ['scripts/elasticsearch/es.sh', command], {
    cwd: ROOT,
    env: {
      ...process.env,
      ES_PORT: String(ES_PORT),
      ES_STATE_DIR: ES_STATE,
      ES_HEAP: '256m',
      ES_MAX_HEAP: '512m',
    },
    timeout: 240_000,
  })

const searchClient = createSearchClient(ES_URL)
let payload: Payload
let program: Program
let episode: Episode
let redisPort: number
let redisServer: ChildProcess | undefined
let a: SpawnedServer | undefined
let b: SpawnedServer | undefined

// -- processes --------------------------------------------------------------------------------

/** A Redis that keeps nothing on disk: after a restart it is empty, as after losing a node. */
async function startRedis(): Promise<void> {
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(redisPort), '--bind', '127.0.0.1'],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    ],
    { stdio: 'ignore' },
  )
  redisServer = child
  await until(`redis on port ${redisPort} to answer`, async () =>
    child.exitCode === null && (await redisAnswers()) ? true : undefined,
  )
}

async function stopRedis(): Promise<void> {
  const child = redisServer
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGKILL')
  await exited
}

/** A short-lived connection to the test's Redis (no reconnects, no queueing). */
async function withRedis<T>(use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({
    host: '127.0.0.1',
    port: redisPort,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return await use(client)
  } finally {
    client.disconnect()
  }
}

const redisAnswers = () =>
  withRedis(async (client) => (await client.ping()) === 'PONG').catch(() => false)

const stopHost = (host: SpawnedServer | undefined) => stopServer(host)

/** Published content in the test's own index, written the way the sync jobs write it. */
async function indexContent(): Promise<void> {
  program = await makeProgram(payload, 'published', { title: `Resilience ${TAG}` })
  episode = await makeEpisode(payload, program, 'published', { title: `Outage drill ${TAG}` })
  const [programAll, episodeAll] = await Promise.all([
    payload.findByID({ collection: 'programs', id: program.id, locale: 'all', depth: 1 }),
    payload.findByID({ collection: 'episodes', id: episode.id, locale: 'all', depth: 1 }),
  ])
  await ensureCatalogueIndex(searchClient, names)
  const programSource = programAll as unknown as ProgramSource
  await upsertRecord(searchClient, names.write, programToIndexRecord(programSource))
  await upsertRecord(
    searchClient,
    names.write,
    episodeToIndexRecord({ ...(episodeAll as unknown as EpisodeSource), program: programSource }),
  )
  await searchClient.indices.refresh({ index: names.read })
}

beforeAll(async () => {
  redisPort = await freePort()
  ;[payload] = await Promise.all([testPayload(), startRedis(), es('start')])
  await indexContent()
  const env = {
    // The run's database and secrets (set by globalSetup), so both instances see the same CMS.
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? '',
    METRICS_TOKEN: process.env.METRICS_TOKEN ?? '',
    ELASTICSEARCH_URL: ES_URL,
    SEARCH_INDEX_PREFIX: SEARCH_PREFIX,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    REDIS_KEY_PREFIX: REDIS_PREFIX,
    // Sync jobs belong to the rest of the suite: these instances only serve.
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'info',
    // Fresh answers stay fresh for the whole file: only a failure or a catalogue change may make
    // one stale, never the clock.
    DISCOVERY_CACHE_TTL_SECONDS: '300',
    DISCOVERY_API_KEYS: API_KEYS.join(','),
    RATE_LIMIT_DISCOVERY_PER_MINUTE: String(LIMITS.discovery),
    RATE_LIMIT_EVENTS_PER_MINUTE: String(LIMITS.events),
    RATE_LIMIT_LOGIN_PER_MINUTE: String(LIMITS.login),
    RATE_LIMIT_WRITES_PER_MINUTE: String(LIMITS.writes),
  }
  ;[a, b] = await Promise.all([
    spawnServer(env, 'resilience-a', 180_000),
    spawnServer(env, 'resilience-b', 180_000),
  ])
}, 300_000)

afterAll(async () => {
  await Promise.all([stopHost(a), stopHost(b)])
  await stopRedis()
  await searchClient.indices
    .delete({ index: `${names.base}*` }, { requestTimeout: 5000, maxRetries: 0 })
    .catch(() => undefined)
  await searchClient.close()
  await es('stop').catch(() => undefined)
}, 300_000)

// -- requests ---------------------------------------------------------------------------------

type Answer = JsonResponse & { ms: number }

function host(which: 'a' | 'b'): SpawnedServer {
  const server = which === 'a' ? a : b
  if (!server) throw new Error(`host ${which} did not start`)
  return server
}

async function call(
  which: 'a' | 'b',
  path: string,
  init: { method?: string; json?: unknown; apiKey?: string; token?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (init.apiKey !== undefined) headers['X-Api-Key'] = init.apiKey
  if (init.token !== undefined) headers.Authorization = `JWT ${init.token}`
  if (init.json !== undefined) headers['Content-Type'] = 'application/json'
  const started = performance.now()
  const response = await fetch(`${host(which).url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  const text = await response.text()
  const ms = performance.now() - started
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, headers: response.headers, body, ms }
}

let keysHandedOut = 0
/** An API key no request has used yet: a whole budget of its own. */
function freshKey(): string {
  const key = API_KEYS[keysHandedOut++]
  if (!key) throw new Error('out of API keys: make API_KEYS longer')
  return key
}

let spending = { key: '', left: 0 }
/**
 * A key with budget left for one more discovery read, on either instance, with Redis up or down:
 * a key is retired after as many reads as one budget allows in total.
 */
function budgetKey(): string {
  if (spending.left === 0) spending = { key: freshKey(), left: LIMITS.discovery }
  spending.left -= 1
  return spending.key
}

const searchPath = (query: Record<string, string>) =>
  `/discovery/v1/search?${new URLSearchParams(query)}`

/** A search read with an API key that has budget left. */
const search = (which: 'a' | 'b', query: Record<string, string>) =>
  call(which, searchPath(query), { apiKey: budgetKey() })

const readiness = (which: 'a' | 'b') => call(which, '/readyz')

/** Waits until /readyz on both instances reports `dependency` with `status`. */
async function dependencyIs(dependency: string, status: 'ok' | 'degraded', timeoutMs = 120_000) {
  for (const which of ['a', 'b'] as const) {
    await until(
      `${dependency} to be ${status} on host ${which}`,
      async () => {
        const ready = await readiness(which)
        return ready.body?.checks?.[dependency]?.status === status ? ready : undefined
      },
      timeoutMs,
    )
  }
}

const resultIds = (answer: Answer): string[] =>
  (answer.body.results as { id: string }[]).map((result) => result.id)

const headerNumber = (answer: Answer, name: string) => Number(answer.headers.get(name))

/** What every refusal by a rate limit must look like. */
function expectRateLimited(answer: Answer, limit: number) {
  expect(answer.status).toBe(429)
  expect(answer.headers.get('ratelimit-limit')).toBe(String(limit))
  expect(answer.headers.get('ratelimit-remaining')).toBe('0')
  expect(answer.headers.get('ratelimit')).toMatch(/^"\w+";r=0;t=\d+$/)
  expect(headerNumber(answer, 'ratelimit-reset')).toBeGreaterThanOrEqual(0)
  expect(headerNumber(answer, 'ratelimit-reset')).toBeLessThanOrEqual(60)
  const retryAfter = headerNumber(answer, 'retry-after')
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  return retryAfter
}

function expectDiscoveryRateLimited(answer: Answer, limit: number) {
  const retryAfter = expectRateLimited(answer, limit)
  expectProblem(answer, 429, 'rate_limited', { retryAfterSeconds: retryAfter })
}

/** One request after another, alternating between the instances (a first). */
async function alternating(count: number, send: (which: 'a' | 'b', i: number) => Promise<Answer>) {
  const answers: Answer[] = []
  for (let i = 0; i < count; i++) answers.push(await send(i % 2 === 0 ? 'a' : 'b', i))
  return answers
}

const countStatuses = (answers: Answer[]) =>
  answers.reduce<Record<number, number>>(
    (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  )

// -- tests ------------------------------------------------------------------------------------

describe('rate limits across two instances', () => {
  it('shares one discovery budget per address between the instances', async () => {
    const answers = await alternating(12, (which) =>
      call(which, searchPath({ q: `budget ${TAG}` })),
    )

    expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(200), 429, 429])
    // One counter for both instances: the 11th request is refused, whichever instance gets it.
    // Answers a CDN may share carry the policy only, never this client's remaining budget.
    for (const answer of answers.slice(0, 10)) {
      expect(answer.headers.get('ratelimit-policy')).toBe('"discovery";q=10;w=60')
      expect(answer.headers.get('ratelimit-remaining')).toBeNull()
      expect(answer.headers.get('ratelimit')).toBeNull()
      expect(answer.headers.get('retry-after')).toBeNull()
    }
    for (const answer of answers.slice(10)) expectDiscoveryRateLimited(answer, LIMITS.discovery)
  })

  it('limits login attempts per email across the instances, even with the right password', async () => {
    const target = await createUser(payload, ['viewer'])
    const other = await createUser(payload, ['viewer'])
    const attempt = (which: 'a' | 'b', email: string, password: string) =>
      call(which, '/api/users/login', { method: 'POST', json: { email, password } })

    const wrong = await alternating(3, (which) => attempt(which, target.email, 'not-the-password'))
    expect(wrong.map((answer) => answer.status)).toEqual([401, 401, 401])

    const blocked = await attempt('b', target.email, target.password)
    const retryAfter = expectRateLimited(blocked, LIMITS.login)
    expect(blocked.body).toEqual({
      errors: [
        expect.objectContaining({
          message: `Too many login attempts. Try again in ${retryAfter} s.`,
        }),
      ],
    })
    // The email is the key, not its spelling.
    const shouted = await attempt('a', ` ${target.email.toUpperCase()} `, target.password)
    expect(shouted.status).toBe(429)

    // Another account from the same address is not locked out.
    const allowed = await attempt('a', other.email, other.password)
    expect(allowed.status).toBe(200)
    expect(typeof allowed.body.token).toBe('string')
  })

  it('limits CMS writes per user across the instances', async () => {
    const login = async (user: { email: string; password: string }) => {
      const answer = await call('a', '/api/users/login', { method: 'POST', json: user })
      expect(answer.status).toBe(200)
      return answer.body.token as string
    }
    const busy = await login(await createUser(payload, ['editor']))
    const calm = await login(await createUser(payload, ['editor']))
    const create = (which: 'a' | 'b', token: string) =>
      call(which, '/api/categories', {
        method: 'POST',
        token,
        json: { name: `Limited ${uniqueTag()}` },
      })

    const answers = await alternating(LIMITS.writes + 1, (which) => create(which, busy))
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 429])
    const retryAfter = expectRateLimited(answers[LIMITS.writes]!, LIMITS.writes)
    expect(answers[LIMITS.writes]!.body).toEqual({
      errors: [
        expect.objectContaining({ message: `Too many changes. Try again in ${retryAfter} s.` }),
      ],
    })
    // Reads are not writes, and another editor has a budget of their own.
    expect((await call('b', '/api/categories?limit=1', { token: busy })).status).toBe(200)
    expect((await create('b', calm)).status).toBe(201)
  })

  it('limits usage events per address across the instances, apart from discovery reads', async () => {
    // The address has no discovery budget left (first test): events have a limiter of their own.
    const event = { type: 'view', id: `episode:${episode.id}` }
    const answers = await alternating(4, (which) =>
      call(which, '/discovery/v1/events', { method: 'POST', json: event }),
    )

    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 429])
    expect(answers[0]!.body).toEqual({ accepted: true })
    expect(answers.slice(0, 3).map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual([
      '2',
      '1',
      '0',
    ])
    expectDiscoveryRateLimited(answers[3]!, LIMITS.events)
  })
})

describe('API keys', () => {
  it("counts requests with a known X-Api-Key against the key's budget, not the address's", async () => {
    const path = searchPath({ q: `budget ${TAG}` })
    // The address is out of budget (first test), or runs out now if its window has rolled over.
    await until(
      'the address to run out of budget',
      async () => ((await call('a', path)).status === 429 ? true : undefined),
      120_000,
      0,
    )

    const key = freshKey()
    const answers = await alternating(12, (which) => call(which, path, { apiKey: key }))

    expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(200), 429, 429])
    for (const answer of answers.slice(10)) expectDiscoveryRateLimited(answer, LIMITS.discovery)

    // Another key still has its whole budget.
    const another = await call('b', path, { apiKey: freshKey() })
    expect(another.status).toBe(200)
  })

  it('refuses an unknown X-Api-Key with 401 invalid_api_key', async () => {
    const unknown = randomBytes(12).toString('hex')
    for (const which of ['a', 'b'] as const) {
      const answer = await call(which, searchPath({ q: TAG }), { apiKey: unknown })
      expectProblem(answer, 401, 'invalid_api_key')
    }
    const event = await call('a', '/discovery/v1/events', {
      method: 'POST',
      json: { type: 'play', id: `episode:${episode.id}` },
      apiKey: unknown,
    })
    expect(event.status).toBe(401)
    expect(event.body.error.code).toBe('invalid_api_key')
  })
})

describe('when Redis stops', () => {
  const warm = { q: TAG, type: 'program' }
  let warmEtag: string
  let outageEventAccepted = false

  beforeAll(async () => {
    const first = await search('a', warm)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(resultIds(first)).toEqual([`program:${program.id}`])
    // Before the outage the instances share answers through Redis.
    const second = await search('b', warm)
    expect(second.headers.get('x-cache')).toBe('HIT-REDIS')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    warmEtag = first.headers.get('etag')!

    await stopRedis()
  }, 300_000)

  it('stays ready and reports Redis degraded on /readyz', async () => {
    await dependencyIs('redis', 'degraded')
    for (const which of ['a', 'b'] as const) {
      const ready = await readiness(which)
      expect(ready.status).toBe(200)
      expect(ready.body.status).toBe('ready')
      expect(ready.body.checks.postgres.status).toBe('ok')
      expect(ready.body.checks.elasticsearch.status).toBe('ok')
    }
  })

  it('answers cached searches from memory and new searches from Elasticsearch', async () => {
    for (const which of ['a', 'b'] as const) {
      const cached = await search(which, warm)
      expect(cached.status).toBe(200)
      expect(cached.headers.get('x-cache')).toBe('HIT-MEMORY')
      expect(cached.headers.get('etag')).toBe(warmEtag)
    }
    const fresh = { q: TAG, type: 'episode' }
    for (const which of ['a', 'b'] as const) {
      // Each instance computes it itself: there is no Redis to share it through.
      const answer = await search(which, fresh)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('x-cache')).toBe('MISS')
      expect(resultIds(answer)).toEqual([`episode:${episode.id}`])
    }
  })

  it('still enforces rate limits, per instance, and never answers 5xx', async () => {
    const key = freshKey()
    const answers = await alternating(100, (which, i) =>
      call(which, searchPath(i % 4 < 2 ? warm : { q: `probe ${TAG} ${i}` }), { apiKey: key }),
    )
    const onA = answers.filter((_, i) => i % 2 === 0)
    const onB = answers.filter((_, i) => i % 2 === 1)
    // Each instance counts on its own while Redis is away: one budget each, not one in total.
    expect(countStatuses(onA)).toEqual({ 200: LIMITS.discovery, 429: 50 - LIMITS.discovery })
    expect(countStatuses(onB)).toEqual({ 200: LIMITS.discovery, 429: 50 - LIMITS.discovery })
    expect(onA.slice(0, LIMITS.discovery).every((answer) => answer.status === 200)).toBe(true)
    for (const answer of answers.filter(({ status }) => status === 429)) {
      expectDiscoveryRateLimited(answer, LIMITS.discovery)
    }
  })

  it('accepts usage events for published items', async () => {
    const answer = await call('a', '/discovery/v1/events', {
      method: 'POST',
      json: { type: 'play', id: `episode:${episode.id}` },
      apiKey: freshKey(),
    })
    expect(answer.status).toBe(202)
    expect(answer.body).toEqual({ accepted: true })
    outageEventAccepted = true
  })

  describe('and comes back', () => {
    beforeAll(async () => {
      await startRedis()
    }, 300_000)

    it('reports Redis ok again on /readyz', async () => {
      await dependencyIs('redis', 'ok', 30_000)
    }, 300_000)

    it('shares cached answers between the instances through Redis again', async () => {
      let attempt = 0
      // Each attempt is a new query: computed on one instance, then read from Redis by the other.
      const shared = await until('an answer from a to reach b through Redis', async () => {
        const query = { q: `shared ${TAG} ${attempt++}` }
        const origin = await search('a', query)
        expect(origin.status).toBe(200)
        expect(origin.headers.get('x-cache')).toBe('MISS')
        const other = await search('b', query)
        expect(other.status).toBe(200)
        if (other.headers.get('x-cache') !== 'HIT-REDIS') return undefined
        expect(other.headers.get('etag')).toBe(origin.headers.get('etag'))
        return other
      })
      expect(shared.headers.get('x-cache')).toBe('HIT-REDIS')
    }, 300_000)

    it('counts the event recorded during the outage in trending', async () => {
      expect(outageEventAccepted).toBe(true)
      // Redis came back empty: the play held in memory by instance a is written when it returns,
      // and instance b ranks it. Each poll asks for a different page size: a new cache entry.
      let limit = 1
      const trending = await until(
        'the outage event to show in trending',
        async () => {
          const answer = await call('b', `/discovery/v1/trending?window=1h&limit=${limit++}`, {
            apiKey: budgetKey(),
          })
          expect(answer.status).toBe(200)
          return answer.body.basis === 'signals' ? answer : undefined
        },
        20_000,
        500,
      )
      expect(resultIds(trending)).toEqual([`episode:${episode.id}`])
      expect(trending.body.results[0].score).toBeGreaterThan(0)
    }, 300_000)
  })
})

describe('when Elasticsearch stops', () => {
  const fresh = { q: TAG, sort: 'newest' }
  const superseded = { q: TAG, sort: 'oldest' }
  const warmed = new Map<object, Answer>()

  beforeAll(async () => {
    for (const query of [fresh, superseded]) {
      const answer = await search('a', query)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('x-cache')).toBe('MISS')
      expect(resultIds(answer).sort()).toEqual([`episode:${episode.id}`, `program:${program.id}`])
      warmed.set(query, answer)
    }
    await es('stop')
  }, 300_000)

  it('stays ready and reports Elasticsearch degraded on /readyz', async () => {
    await dependencyIs('elasticsearch', 'degraded')
    for (const which of ['a', 'b'] as const) {
      const ready = await readiness(which)
      expect(ready.status).toBe(200)
      expect(ready.body.status).toBe('ready')
      expect(ready.body.checks.redis.status).toBe('ok')
    }
  })

  it('answers cached queries from memory on one instance and from Redis on the other', async () => {
    const onA = await search('a', fresh)
    expect(onA.status).toBe(200)
    expect(onA.headers.get('x-cache')).toBe('HIT-MEMORY')
    const onB = await search('b', fresh)
    expect(onB.status).toBe(200)
    expect(onB.headers.get('x-cache')).toBe('HIT-REDIS')
    for (const answer of [onA, onB]) {
      expect(answer.headers.get('etag')).toBe(warmed.get(fresh)!.headers.get('etag'))
      expect(answer.body).toEqual(warmed.get(fresh)!.body)
    }
  })

  it('answers a query it has never seen with a fast 503 and Retry-After', async () => {
    // Refused connections first; then, once failures outweigh the successes of the breaker's
    // 10 s window, the open circuit breaker, which no longer even tries. Either way the client
    // gets the same fast answer.
    let sent = 0
    for (const which of ['a', 'b'] as const) {
      const answers: Answer[] = []
      await until(
        `the circuit breaker to open on ${which}`,
        async () => {
          const answer = await search(which, { q: `unseen ${TAG} ${sent++}` })
          answers.push(answer)
          return answer.body?.error?.details?.reason === 'circuit open' ? answer : undefined
        },
        120_000,
        100,
      )
      for (const answer of answers) {
        // Fast by construction (the breaker no longer calls Elasticsearch); the chaos suite
        // reports how fast.
        expect(answer.status).toBe(503)
        expect(answer.headers.get('retry-after')).toBe('5')
        expect(answer.headers.get('cache-control')).toBe('no-store')
        expectProblem(answer, 503, 'search_unavailable', {
          retryAfterSeconds: 5,
          reason: expect.any(String),
        })
      }
      expect(answers[0]!.body.error.details.reason).toBe('unavailable')
    }
  }, 300_000)

  it('serves a superseded answer, marked STALE, after a catalogue change', async () => {
    // What a sync job on another instance does after changing the index (catalogueChanges.ts):
    // every cached answer is superseded at once.
    await withRedis(async (client) => {
      const generation = await client.incr(`${REDIS_PREFIX}catalogue:generation`)
      await client.publish(`${REDIS_PREFIX}catalogue:generation:changed`, String(generation))
    })
    const expected = warmed.get(superseded)!
    // a holds the answer in memory; b only finds it in Redis.
    for (const which of ['a', 'b'] as const) {
      const stale = await until(`a stale answer from ${which}`, async () => {
        const answer = await search(which, superseded)
        expect(answer.status).toBe(200)
        return answer.headers.get('x-cache') === 'STALE' ? answer : undefined
      })
      expect(stale.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
      expect(stale.headers.get('cache-status')).toBe('MediaMesh; hit; ttl=0; detail=stale-if-error')
      expect(stale.headers.get('etag')).toBe(expected.headers.get('etag'))
      expect(stale.body).toEqual(expected.body)
    }
  }, 300_000)

  describe('and comes back', () => {
    beforeAll(async () => {
      await es('start')
    }, 300_000)

    it('answers new queries again on both instances', async () => {
      let attempt = 0
      for (const which of ['a', 'b'] as const) {
        // The breaker lets a trial request through 5 s after it opened, then closes.
        const answer = await until(
          `a new query to succeed on ${which}`,
          async () => {
            // A bound in the future keeps the results and makes each attempt a new query.
            const publishedBefore = new Date(Date.now() + 86_400_000 + ++attempt * 1000)
            const result = await search(which, {
              q: TAG,
              publishedBefore: publishedBefore.toISOString(),
            })
            return result.status === 200 ? result : undefined
          },
          60_000,
          500,
        )
        expect(answer.headers.get('x-cache')).toBe('MISS')
        expect(resultIds(answer).sort()).toEqual([`episode:${episode.id}`, `program:${program.id}`])
      }
      await dependencyIs('elasticsearch', 'ok', 30_000)
    }, 300_000)
  })
})
