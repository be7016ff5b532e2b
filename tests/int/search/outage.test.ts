/**
 * Elasticsearch goes away while editors keep working: the CMS keeps accepting changes, sync jobs
 * retry, and once the engine is back the index converges to exactly the database (ids and versions:
 * nothing lost, nothing duplicated, nothing stale). Runs against a node of its own, with a real
 * worker process, so the rest of the suite keeps its engine.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { freePort } from '../../../scripts/lib/spawnServer'
import { createSearchClient } from '../../../src/search/client'
import { catalogueIndexNames, ensureCatalogueIndex } from '../../../src/search/indexer'
import { elasticsearchNode } from '../helpers/elasticsearchNode'
import { makeEpisode, makeProgram } from '../helpers/fixtures'
import {
  actualIndex as actualIndexOf,
  converged as convergedIndex,
} from '../helpers/indexConvergence'
import { testPayload } from '../helpers/payload'
import { spawnWorker, type SpawnedWorker } from '../helpers/worker'

const node = elasticsearchNode(9272, 'outage-test')
const URL_B = node.url
const PREFIX = `mediamesh_test_${process.pid}_outage`
const names = catalogueIndexNames(PREFIX)
const es = (command: 'start' | 'stop') => (command === 'start' ? node.start() : node.stop())

const client = createSearchClient(URL_B)
let payload: Payload
let worker: SpawnedWorker | undefined
let workerMetricsPort: number

beforeAll(async () => {
  payload = await testPayload()
  await es('start')
  await ensureCatalogueIndex(client, names)
  workerMetricsPort = await freePort()
  worker = await spawnWorker(
    {
      ELASTICSEARCH_URL: URL_B,
      SEARCH_INDEX_PREFIX: PREFIX,
      JOBS_LEASE_MS: '5000',
      WORKER_METRICS_PORT: String(workerMetricsPort),
      LOG_LEVEL: 'warn',
    },
    'outage-worker',
  )
}, 300_000)

afterAll(async () => {
  await worker?.stop()
  await es('stop').catch(() => undefined)
  await client.close()
}, 300_000)

const converged = (programId: number, deadlineMs: number) =>
  convergedIndex(payload, client, names, programId, deadlineMs)
const actualIndex = (programId: number) => actualIndexOf(client, names, programId)

describe('an Elasticsearch outage', () => {
  it('loses no change: the index converges to the database after the engine returns', async () => {
    const program = await makeProgram(payload, 'published', { title: 'Before the outage' })
    const episodes = []
    for (let i = 0; i < 5; i++) episodes.push(await makeEpisode(payload, program))
    await converged(program.id, 300_000)

    await es('stop')
    // Editors keep working: every write succeeds while the engine is down.
    await payload.update({
      collection: 'programs',
      id: program.id,
      data: { title: 'During the outage' },
    })
    await payload.delete({ collection: 'episodes', id: episodes[0]!.id })
    await payload.update({
      collection: 'episodes',
      id: episodes[1]!.id,
      data: { _status: 'draft' },
    })
    await payload.update({
      collection: 'episodes',
      id: episodes[2]!.id,
      data: { title: 'Renamed episode' },
    })
    const added = await makeEpisode(payload, program, 'published', {
      title: 'Added during the outage',
    })
    const ready = await fetch(`${process.env.TEST_SERVER_URL}/readyz`)
    expect(ready.status).toBe(200)

    await es('start')
    await converged(program.id, 300_000)
    const actual = await actualIndex(program.id)
    expect(actual.has(`episode:${episodes[0]!.id}`)).toBe(false)
    expect(actual.has(`episode:${episodes[1]!.id}`)).toBe(false)
    expect(actual.has(`episode:${added.id}`)).toBe(true)
    const doc = await client.get<{ title: { en: string } }>({
      index: names.read,
      id: `program:${program.id}`,
    })
    expect(doc._source?.title.en).toBe('During the outage')

    // The worker reports its sync latency on its own /metrics.
    const metrics = await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`, {
      headers: { Authorization: `Bearer ${process.env.METRICS_TOKEN}` },
    }).then((r) => r.text())
    const count = metrics.match(/^search_sync_latency_seconds_count (\d+)$/m)
    expect(Number(count?.[1])).toBeGreaterThan(0)
  }, 300_000)
})
