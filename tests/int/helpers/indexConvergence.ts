/**
 * Whether the search index holds exactly what the database says for a program and its episodes:
 * the same ids, each at the external version its current state gives (nothing lost, duplicated or
 * stale). Used by the outage and chaos tests.
 */
import type { Client } from '@elastic/elasticsearch'
import type { Payload } from 'payload'

import type { CatalogueIndexNames } from '../../../src/search/indexer'
import { writeVersion } from '../../../src/search/indexer'
import {
  episodeToIndexRecord,
  type EpisodeSource,
  programToIndexRecord,
} from '../../../src/search/mappers'
import { isPublicNow } from '../../../src/lib/publication'

/** What the index must hold for the program and its episodes: id → external version. */
export async function expectedIndex(
  payload: Payload,
  programId: number,
): Promise<Map<string, number>> {
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

/** What the index holds for the program and its episodes: id → version. */
export async function actualIndex(
  client: Client,
  names: CatalogueIndexNames,
  programId: number,
): Promise<Map<string, number>> {
  await client.indices.refresh({ index: names.read })
  const result = await client.search({
    index: names.read,
    size: 10_000,
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

/** Waits until the index equals the database for the program; resolves with the milliseconds it took. */
export async function converged(
  payload: Payload,
  client: Client,
  names: CatalogueIndexNames,
  programId: number,
  deadlineMs: number,
): Promise<number> {
  const started = Date.now()
  let last = ''
  while (Date.now() - started < deadlineMs) {
    try {
      const [expected, actual] = [
        await expectedIndex(payload, programId),
        await actualIndex(client, names, programId),
      ]
      last = `expected ${expected.size} documents, got ${actual.size}; first differences: ${JSON.stringify(
        [...expected].filter(([id, v]) => actual.get(id) !== v).slice(0, 5),
      )} / unexpected ${JSON.stringify([...actual.keys()].filter((id) => !expected.has(id)).slice(0, 5))}`
      if (expected.size === actual.size && [...expected].every(([id, v]) => actual.get(id) === v)) {
        return Date.now() - started
      }
    } catch (error) {
      last = String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`index did not converge within ${deadlineMs} ms: ${last}`)
}
