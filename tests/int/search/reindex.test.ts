import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { env } from '../../../src/env'
import { createSearchClient } from '../../../src/search/client'
import { ensureCatalogueIndexed } from '../../../src/search/ensureIndexed'
import { catalogueIndexNames, indicesBehind } from '../../../src/search/indexer'
import { countPublic, reindexCatalogue } from '../../../src/search/reindex'
import { makeEpisode, makeProgram } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

const client = createSearchClient(env.ELASTICSEARCH_URL)
const names = catalogueIndexNames(`mediamesh_test_${process.pid}_reindex`)
let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  // Enough public content for the rebuild to take a moment.
  for (let i = 0; i < 5; i++) {
    const program = await makeProgram(payload)
    for (let j = 0; j < 10; j++) await makeEpisode(payload, program)
  }
})

afterAll(async () => {
  await client.indices.delete({ index: `${names.base}*` }, { ignore: [404] })
  await client.close()
})

describe('reindex', () => {
  it('builds the index on first start and then finds it up to date', async () => {
    const first = await ensureCatalogueIndexed(payload, client, names)
    expect(first.state).toBe('rebuilt')
    const expected = await countPublic(payload, new Date())
    expect(first.documents).toBe(expected)
    const second = await ensureCatalogueIndexed(payload, client, names)
    expect(second).toEqual({ state: 'up-to-date', documents: expected })
  })

  it('swaps to a new index while searches keep answering', async () => {
    const before = await indicesBehind(client, names.read)
    let searching = true
    const answers: number[] = []
    const errors: unknown[] = []
    const searches = (async () => {
      while (searching) {
        try {
          const result = await client.search({ index: names.read, size: 0, track_total_hits: true })
          answers.push(typeof result.hits.total === 'object' ? result.hits.total.value : 0)
        } catch (error) {
          errors.push(error)
        }
      }
    })()
    const result = await reindexCatalogue(payload, client, names, { pageSize: 20 })
    searching = false
    await searches

    expect(errors).toEqual([])
    expect(answers.length).toBeGreaterThan(3)
    // Every search saw the whole catalogue: the old index until the swap, the new one after.
    expect(new Set(answers)).toEqual(new Set([result.documents]))
    expect(await indicesBehind(client, names.read)).toEqual([result.index])
    expect(result.removedIndices).toEqual(before)
    expect(await client.indices.exists({ index: before[0]! })).toBe(false)
  })

  it('runs one rebuild at a time', async () => {
    const first = reindexCatalogue(payload, client, names, { pageSize: 20 })
    const second = reindexCatalogue(payload, client, names, { pageSize: 20 })
    const results = await Promise.allSettled([first, second])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(String(rejected.reason)).toMatch(/already running/)
  })

  it('leaves the live index in place when the rebuild fails', async () => {
    const live = await indicesBehind(client, names.read)
    const failing = reindexCatalogue(payload, client, names, {
      pageSize: 20,
      onProgress: () => {
        throw new Error('simulated failure during the bulk load')
      },
    })
    await expect(failing).rejects.toThrow(/simulated failure/)
    expect(await indicesBehind(client, names.read)).toEqual(live)
    expect(await indicesBehind(client, names.write)).toEqual(live)
    const all = Object.keys(await client.indices.get({ index: `${names.base}*` }))
    expect(all).toEqual(live)
  })
})
