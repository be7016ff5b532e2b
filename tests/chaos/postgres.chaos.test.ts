/**
 * Chaos: PostgreSQL restarts under a running host. The host, on a private PostgreSQL server, serves
 * CMS reads and discovery while the server is stopped (fast shutdown: every connection cut) for 10
 * seconds and started again. The host must notice (/readyz), keep discovery answering, fail CMS
 * requests quickly rather than hang, and recover by itself: no restart of the host.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import {
  freePort,
  spawnServer,
  stopServer,
  type SpawnedServer,
} from '../../scripts/lib/spawnServer'
import { catalogueIndexNames, ensureCatalogueIndex } from '../../src/search/indexer'
import { env } from '../../src/env'
import { createSearchClient } from '../../src/search/client'
import { until } from '../int/helpers/until'
import { PrivatePostgres } from './harness/postgres'
import { drive, report, summary, type Outcome } from './harness/load'

const OUTAGE_MS = 10_000
const PREFIX = `mediamesh_test_${process.pid}_chaos_pg`
let postgres: PrivatePostgres
let host: SpawnedServer

beforeAll(async () => {
  // Discovery's index (on the suite's Elasticsearch node), so discovery has something to answer.
  // A client of its own: this process has no Payload (and so no MediaMesh options) yet.
  const client = createSearchClient(env.ELASTICSEARCH_URL)
  await ensureCatalogueIndex(client, catalogueIndexNames(PREFIX))
  await client.close()
  postgres = new PrivatePostgres(await freePort())
  await postgres.start()
  await postgres.query('CREATE DATABASE mediamesh')
  host = await spawnServer(
    {
      DATABASE_URL: postgres.url('mediamesh'),
      SEARCH_INDEX_PREFIX: PREFIX,
      REDIS_KEY_PREFIX: `mediamesh_test_${process.pid}:chaos_pg:`,
      S3_PREFIX: 'chaos-pg',
      LOG_LEVEL: 'warn',
    },
    'chaos-postgres-host',
  )
}, 300_000)

afterAll(async () => {
  await stopServer(host)
  await postgres?.destroy()
}, 300_000)

async function readiness(): Promise<{ status: number; postgres?: string }> {
  const response = await fetch(`${host.url}/readyz`)
  const body = (await response.json()) as { checks: { postgres?: { status: string } } }
  return { status: response.status, postgres: body.checks.postgres?.status }
}

describe('PostgreSQL restarted under load', () => {
  it('is noticed, fails CMS requests fast, keeps discovery up, and recovers by itself', async () => {
    expect(await readiness()).toEqual({ status: 200, postgres: 'ok' })
    const started = Date.now()
    let stopAt = 0
    let restartedAt = 0
    let phase: 'before' | 'outage' | 'after' = 'before'
    let done = false

    const traffic = drive(
      6,
      () => done,
      async (i) => {
        const path = i % 2 === 0 ? '/api/categories?limit=5' : '/discovery/v1/categories'
        const response = await fetch(`${host.url}${path}`, { signal: AbortSignal.timeout(60_000) })
        await response.arrayBuffer()
        return {
          kind: `${phase}:${path.startsWith('/api') ? 'cms' : 'discovery'}`,
          status: response.status,
        }
      },
      started,
    )

    await new Promise((resolve) => setTimeout(resolve, 3000))
    phase = 'outage'
    stopAt = Date.now()
    await postgres.stop()
    const noticedMs = await until(
      '/readyz to report PostgreSQL down',
      async () => {
        const ready = await readiness()
        return ready.status === 503 && ready.postgres === 'down' ? Date.now() - stopAt : undefined
      },
      120_000,
      100,
    )
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stopAt))),
    )

    const startCalledAt = Date.now()
    await postgres.start()
    restartedAt = Date.now()
    phase = 'after'
    const readyAgainMs = await until(
      '/readyz to report PostgreSQL ok again',
      async () => ((await readiness()).status === 200 ? Date.now() - restartedAt : undefined),
      120_000,
      100,
    )
    const cmsAgainMs = await until(
      'a CMS read to succeed again',
      async () =>
        (await fetch(`${host.url}/api/categories?limit=1`)).status === 200
          ? Date.now() - restartedAt
          : undefined,
      120_000,
      100,
    )
    await new Promise((resolve) => setTimeout(resolve, 3000))
    done = true
    const outcomes = await traffic

    const of = (kind: string) => outcomes.filter((o) => o.kind === kind)
    const failed = (o: Outcome) => o.status !== 200
    // After recovery: only what was sent once the CMS answered again.
    const settled = (kind: string) =>
      of(kind).filter((o) => o.at > restartedAt - started + cmsAgainMs)
    const figures = {
      outageSeconds: Math.round((restartedAt - stopAt) / 100) / 10,
      noticedByReadyzMs: noticedMs,
      readyAgainMs,
      cmsAnsweringAgainMs: cmsAgainMs,
      hostRestarted: host.child.exitCode !== null,
      before: {
        cms: summary(of('before:cms'), failed),
        discovery: summary(of('before:discovery'), failed),
      },
      outage: {
        cms: {
          ...summary(of('outage:cms'), failed),
          statuses: [...new Set(of('outage:cms').map((o) => o.status))],
        },
        discovery: summary(of('outage:discovery'), failed),
      },
      afterRecovery: {
        cms: summary(settled('after:cms'), failed),
        discovery: summary(settled('after:discovery'), failed),
      },
    }
    report('postgres', figures)

    // How fast the outage was noticed, refused and recovered from is reported above (and in the
    // README), never asserted: a busy machine must not fail this test.
    expect(figures.hostRestarted).toBe(false)
    // Discovery does not need PostgreSQL: it keeps answering throughout.
    expect(of('outage:discovery').length).toBeGreaterThan(0)
    expect(figures.outage.discovery.errors).toBe(0)
    // CMS requests sent once the outage was noticed fail with a 503 (not a 500); none hangs (the
    // load harness's requests would time out and count as errors).
    const noticedAt = stopAt - started + noticedMs
    const down = of('outage:cms').filter((o) => o.at > noticedAt && o.at < startCalledAt - started)
    expect(down.length).toBeGreaterThan(0)
    expect([...new Set(down.map((o) => o.status))]).toEqual([503])
    // And everything answers again without a restart.
    expect(figures.afterRecovery.cms.errors).toBe(0)
    expect(figures.afterRecovery.cms.requests).toBeGreaterThan(0)
    expect(figures.before.cms.errors + figures.before.discovery.errors).toBe(0)
  }, 600_000)
})
