/**
 * Chaos: Redis killed (SIGKILL) under discovery load and started again 10 seconds later, empty. At
 * least 99.99% of discovery requests must succeed throughout; rate limits keep working from each
 * instance's memory; and the host goes back to Redis by itself, without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import {
  freePort,
  spawnServer,
  stopServer,
  type SpawnedServer,
} from '../../scripts/lib/spawnServer'
import { runClaimedRound } from '../../src/jobs/claimingRunner'
import type { Episode } from '../../src/payload-types'
import { searchClient } from '../../src/search/client'
import { catalogueIndex } from '../../src/search/config'
import { ensureCatalogueIndex } from '../../src/search/indexer'
import { makeEpisode, makeProgram } from '../int/helpers/fixtures'
import { testPayload, uniqueTag } from '../int/helpers/payload'
import { until } from '../int/helpers/until'
import { drive, report, summary } from './harness/load'
import { PrivateRedis } from './harness/redis'

const OUTAGE_MS = 10_000
const EVENTS_PER_MINUTE = 5
const PREFIX = `mediamesh_test_${process.pid}:chaos_redis:`
const tag = uniqueTag()
let payload: Payload
let redis: PrivateRedis
let host: SpawnedServer
let episode: Episode

beforeAll(async () => {
  payload = await testPayload()
  // The run's catalogue index exists (empty or not) whichever test file ran first.
  await ensureCatalogueIndex(searchClient(), catalogueIndex)
  redis = new PrivateRedis(await freePort())
  await redis.start()
  host = await spawnServer(
    {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      JOBS_AUTORUN: 'false',
      RATE_LIMIT_EVENTS_PER_MINUTE: String(EVENTS_PER_MINUTE),
      LOG_LEVEL: 'warn',
    },
    'chaos-redis-host',
  )
  const program = await makeProgram(payload, 'published', { title: `Redis chaos ${tag}` })
  episode = await makeEpisode(payload, program)
  // Indexed, so usage events for it are accepted: run pending syncs here until it is (earlier test
  // files may have left many jobs queued before it).
  const client = searchClient()
  await until(
    'the episode to be indexed',
    async () => {
      await runClaimedRound(payload, { queues: ['search'] })
      await client.indices.refresh({ index: catalogueIndex.read })
      return (await client.exists({ index: catalogueIndex.read, id: `episode:${episode.id}` }))
        ? true
        : undefined
    },
    60_000,
    100,
  )
}, 300_000)

afterAll(async () => {
  await stopServer(host)
  await redis?.kill()
}, 300_000)

const readiness = async () =>
  ((await (await fetch(`${host.url}/readyz`)).json()) as { checks: { redis: { status: string } } })
    .checks.redis.status

/** A usage event, always from this test's one client address. */
const event = () =>
  fetch(`${host.url}/discovery/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'play', id: `episode:${episode.id}` }),
  }).then((response) => response.status)

describe('Redis killed under load', () => {
  it('keeps ≥ 99.99% of discovery answering, limits from memory, and recovers by itself', async () => {
    const queries = Array.from(
      { length: 40 },
      (_, i) => `q=${encodeURIComponent(`${tag} ${i % 20}`)}&limit=${1 + (i % 2)}`,
    )
    const started = Date.now()
    let done = false
    const traffic = drive(
      6,
      () => done,
      async (i) => {
        const response = await fetch(
          `${host.url}/discovery/v1/search?${queries[i % queries.length]}`,
        )
        await response.arrayBuffer()
        return { kind: 'search', status: response.status }
      },
      started,
    )
    await new Promise((resolve) => setTimeout(resolve, 5000))
    expect(await redis.keyCount(PREFIX)).toBeGreaterThan(0)

    await redis.kill()
    const killedAt = Date.now()
    const noticedMs = await until(
      '/readyz to report Redis degraded',
      async () => ((await readiness()) === 'degraded' ? Date.now() - killedAt : undefined),
      120_000,
      100,
    )
    // The events limit holds without Redis: from this instance's memory.
    const events = []
    for (let i = 0; i < EVENTS_PER_MINUTE + 3; i++) events.push(await event())
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - killedAt))),
    )

    await redis.start()
    const restartedAt = Date.now()
    const readyMs = await until(
      '/readyz to report Redis ok again',
      async () => ((await readiness()) === 'ok' ? Date.now() - restartedAt : undefined),
      120_000,
      100,
    )
    // Back in use without a restart: answers are cached in Redis again.
    const reusedMs = await until(
      'the host to write to Redis again',
      async () => ((await redis.keyCount(PREFIX)) > 0 ? Date.now() - restartedAt : undefined),
      120_000,
      200,
    )
    await new Promise((resolve) => setTimeout(resolve, 3000))
    done = true
    const outcomes = await traffic
    const during = outcomes.filter(
      (o) => o.at >= killedAt - started && o.at < restartedAt - started,
    )

    const all = summary(outcomes, (o) => o.status !== 200)
    const figures = {
      outageSeconds: Math.round((restartedAt - killedAt) / 100) / 10,
      noticedByReadyzMs: noticedMs,
      discovery: { ...all, successRatio: 1 - all.errors / all.requests },
      discoveryDuringOutage: summary(during, (o) => o.status !== 200),
      eventsDuringOutage: events,
      readyAgainMs: readyMs,
      cachingInRedisAgainMs: reusedMs,
      hostRestarted: host.child.exitCode !== null,
    }
    report('redis', figures)

    expect(figures.hostRestarted).toBe(false)
    expect(during.length).toBeGreaterThan(100)
    expect(figures.discovery.successRatio).toBeGreaterThanOrEqual(0.9999)
    expect(events).toEqual([
      ...Array<number>(EVENTS_PER_MINUTE).fill(202),
      ...Array<number>(3).fill(429),
    ])
  }, 600_000)
})
