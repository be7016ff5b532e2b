/**
 * Chaos: processes die mid-work while editors write. A worker is killed with SIGKILL while it holds
 * claimed sync jobs, and the web host is killed with SIGKILL while requests are in flight; both are
 * replaced. Whatever committed must reach the index, and nothing else: afterwards the index equals
 * the database exactly (no lost, duplicated or stale entry).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { spawnServer, stopServer, type SpawnedServer } from '../../scripts/lib/spawnServer'
import type { Episode, Program } from '../../src/payload-types'
import { searchClient } from '../../src/search/client'
import { catalogueIndexNames, ensureCatalogueIndex } from '../../src/search/indexer'
import { makeEpisode, makeProgram } from '../int/helpers/fixtures'
import { converged } from '../int/helpers/indexConvergence'
import { signedIn, testPayload, uniqueTag } from '../int/helpers/payload'
import { until } from '../int/helpers/until'
import { spawnWorker, type SpawnedWorker } from '../int/helpers/worker'
import { drive, report, summary } from './harness/load'

const WRITES = 600
const PREFIX = `mediamesh_test_${process.pid}_chaos_restarts`
const names = catalogueIndexNames(PREFIX)
const env = {
  SEARCH_INDEX_PREFIX: PREFIX,
  REDIS_KEY_PREFIX: `mediamesh_test_${process.pid}:chaos_restarts:`,
  S3_PREFIX: 'chaos-restarts',
  LOG_LEVEL: 'warn',
}
const tag = uniqueTag()
let payload: Payload
let host: SpawnedServer
const workers: SpawnedWorker[] = []
let token = ''
let program: Program
const episodes: Episode[] = []

const startWorker = async () =>
  workers.push(
    await spawnWorker({ ...env, JOBS_LEASE_MS: '3000' }, `chaos-worker-${workers.length}`),
  )
const startHost = async () => {
  host = await spawnServer({ ...env, JOBS_AUTORUN: 'false' }, 'chaos-restarts-host')
}

beforeAll(async () => {
  payload = await testPayload()
  await ensureCatalogueIndex(searchClient(), names)
  await startHost()
  await startWorker()
  token = (await signedIn(payload, 'editor')).token
  program = await makeProgram(payload, 'published', { title: `Restarts ${tag}` })
  for (let i = 0; i < 30; i++) episodes.push(await makeEpisode(payload, program))
  // Its worker also works through the sync jobs earlier test files left queued in the run's
  // database (one shared queue): on a busy machine that backlog alone has taken minutes.
  await converged(payload, searchClient(), names, program.id, 840_000)
}, 900_000)

afterAll(async () => {
  for (const worker of workers) await worker.stop()
  await stopServer(host)
  await fetch(`${searchClientUrl()}/${PREFIX}*`, { method: 'DELETE' }).catch(() => undefined)
}, 300_000)

const searchClientUrl = () =>
  process.env.ELASTICSEARCH_URL ?? `http://127.0.0.1:${process.env.ES_PORT ?? 9200}`

/** Claimed, unfinished search jobs right now (a runner holds them). */
async function claimedJobs(): Promise<number> {
  const pool = (payload.db as unknown as PostgresAdapter).pool
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM payload_jobs WHERE queue LIKE 'search:claimed:%' AND completed_at IS NULL`,
  )
  return rows[0].n as number
}

/** While the host is being replaced, writers wait for the new one (as a load balancer would). */
let hostBack: Promise<void> = Promise.resolve()

async function write(n: number): Promise<{ kind: string; status: number }> {
  await hostBack
  const episode = episodes[n % episodes.length]!
  const body =
    n % 5 === 0
      ? { _status: n % 10 === 0 ? 'draft' : 'published' }
      : { title: `Restarts ${tag} ${n}`, summary: `Edit ${n}` }
  try {
    const response = await fetch(`${host.url}/api/episodes/${episode.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    })
    await response.arrayBuffer()
    return { kind: 'write', status: response.status }
  } catch {
    // The host died with the request in flight (or was not back yet): the write may or may not
    // have committed; the index must follow whichever happened.
    return { kind: 'interrupted', status: 0 }
  }
}

describe('a worker and the host killed mid-work', () => {
  it('leave the index exactly equal to the database', async () => {
    let next = 0
    const started = Date.now()
    const writes = drive(
      6,
      () => next >= WRITES,
      () => write(next++),
      started,
    )

    // The worker dies holding claimed jobs; another takes over once their lease expires.
    const claimedAtKill = await until(
      'the worker to hold claimed jobs',
      async () => {
        const claimed = await claimedJobs()
        return claimed > 0 ? claimed : undefined
      },
      120_000,
      10,
    )
    workers[0]!.child.kill('SIGKILL')
    await startWorker()

    // The host dies with requests in flight, and a new one starts.
    await until(
      'a third of the writes',
      async () => (next > WRITES / 3 ? true : undefined),
      120_000,
      50,
    )
    let back = () => {}
    hostBack = new Promise((resolve) => (back = resolve))
    host.child.kill('SIGKILL')
    const hostKilledAt = Date.now()
    await startHost()
    back()
    const hostBackMs = Date.now() - hostKilledAt

    const outcomes = await writes
    const writesDoneAt = Date.now()
    const convergedMs = await converged(payload, searchClient(), names, program.id, 300_000)

    const figures = {
      writes: summary(
        outcomes.filter((o) => o.kind === 'write'),
        (o) => o.status !== 200,
      ),
      interruptedByHostKill: outcomes.filter((o) => o.kind === 'interrupted').length,
      claimedJobsWhenWorkerKilled: claimedAtKill,
      hostBackAfterMs: hostBackMs,
      indexConvergedAfterWritesSeconds: Math.round((Date.now() - writesDoneAt) / 100) / 10,
      convergedCheckMs: convergedMs,
    }
    report('restarts', figures)

    expect(outcomes).toHaveLength(WRITES)
    expect(claimedAtKill).toBeGreaterThan(0)
    // Writes that got an answer all succeeded; only those in flight at the kill were cut.
    expect(figures.writes.errors).toBe(0)
    expect(figures.interruptedByHostKill).toBeLessThan(WRITES / 2)
  }, 600_000)
})
