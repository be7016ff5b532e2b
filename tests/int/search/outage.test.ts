/**
 * Elasticsearch goes away while editors keep working: the CMS keeps accepting changes, sync jobs
 * retry, and once the engine is back the index converges to exactly the database (ids and versions:
 * nothing lost, nothing duplicated, nothing stale). Runs against a node of its own, with a real
 * worker process, so the rest of the suite keeps its engine.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { ROOT } from '../../../scripts/lib/paths'
import { freePort } from '../../../scripts/lib/spawnServer'
import { createSearchClient } from '../../../src/search/client'
import {
  catalogueIndexNames,
  ensureCatalogueIndex,
  writeVersion,
} from '../../../src/search/indexer'
import {
  episodeToIndexRecord,
  type EpisodeSource,
  programToIndexRecord,
} from '../../../src/search/mappers'
import { isPublicNow } from '../../../src/search/publication'
import { makeEpisode, makeProgram } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { spawnWorker, type SpawnedWorker } from '../helpers/worker'

const exec = promisify(execFile)
const PORT = 9272
const URL_B = `http://127.0.0.1:${PORT}`
const STATE = path.join(ROOT, '.cache', 'elasticsearch', `node-${PORT}-outage-test`)
const PREFIX = `mediamesh_test_${process.pid}_outage`
const names = catalogueIndexNames(PREFIX)
const esEnv = {
  ...process.env,
  ES_PORT: String(PORT),
  ES_STATE_DIR: STATE,
  ES_HEAP: '256m',
  ES_MAX_HEAP: '512m',
}
const es = (command: 'start' | 'stop') =>
  exec('bash', ['scripts/elasticsearch/es.sh', command], {
    cwd: ROOT,
    env: esEnv,
    timeout: 240_000,
  })

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
}, 240_000)

afterAll(async () => {
  await worker?.stop()
  await es('stop').catch(() => undefined)
  await client.close()
}, 60_000)

/** What the index must hold for these documents: id → external version. */
async function expectedIndex(programId: number): Promise<Map<string, number>> {
  const expected = new Map<string, number>()
  const program = await payload.findByID({
    collection: 'programs',
    id: programId,
    locale: 'all',
    depth: 1,
  })
  if (!isPublicNow(program)) return expected
  const programRecord = programToIndexRecord(program as never)
  expected.set(programRecord.id, writeVersion(programRecord.version))
  const episodes = await payload.find({
    collection: 'episodes',
    where: { program: { equals: programId } },
    locale: 'all',
    depth: 1,
    pagination: false,
  })
  for (const episode of episodes.docs) {
    if (!isPublicNow(episode)) continue
    const record = episodeToIndexRecord({
      ...(episode as unknown as EpisodeSource),
      program: program as never,
    })
    expected.set(record.id, writeVersion(record.version))
  }
  return expected
}

async function actualIndex(programId: number): Promise<Map<string, number>> {
  await client.indices.refresh({ index: names.read })
  const result = await client.search({
    index: names.read,
    size: 1000,
    version: true,
    query: {
      bool: {
        should: [
          { term: { 'program.docId': programId } },
          { term: { _id: `program:${programId}` } },
        ],
      },
    },
  })
  return new Map(result.hits.hits.map((hit) => [hit._id!, hit._version!]))
}

async function converged(programId: number, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs
  let last = ''
  while (Date.now() < deadline) {
    try {
      const [expected, actual] = [await expectedIndex(programId), await actualIndex(programId)]
      last = `expected ${JSON.stringify([...expected])}, got ${JSON.stringify([...actual])}`
      if (expected.size === actual.size && [...expected].every(([id, v]) => actual.get(id) === v))
        return
    } catch (error) {
      last = String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`index did not converge: ${last}`)
}

describe('an Elasticsearch outage', () => {
  it('loses no change: the index converges to the database after the engine returns', async () => {
    const program = await makeProgram(payload, 'published', { title: 'Before the outage' })
    const episodes = []
    for (let i = 0; i < 5; i++) episodes.push(await makeEpisode(payload, program))
    await converged(program.id, 60_000)

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
    await converged(program.id, 120_000)
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
