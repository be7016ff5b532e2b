import { afterAll, describe, expect, it } from '@jest/globals'

import { env } from '../../../src/env'
import { createSearchClient } from '../../../src/search/client'
import {
  catalogueIndexNames,
  createPhysicalIndex,
  ensureCatalogueIndex,
  indicesBehind,
  physicalIndexName,
  removeRecord,
  swapAliases,
  upsertRecord,
  writeVersion,
} from '../../../src/search/indexer'
import { episodeToIndexRecord, programToIndexRecord } from '../../../src/search/mappers'

const client = createSearchClient(env.ELASTICSEARCH_URL)
const names = catalogueIndexNames(`mediamesh_test_${process.pid}_indexer`)

afterAll(async () => {
  await client.indices.delete({ index: `${names.base}*` }, { ignore: [404] })
  await client.close()
})

const program = {
  id: 5,
  title: { en: 'Signal and Noise', ar: 'الإشارة والضجيج' },
  slug: 'signal-and-noise',
  format: 'podcast',
  language: 'en',
  categories: [{ id: 1, slug: 'science', name: { en: 'Science', ar: 'علوم' } }],
  publishedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

async function get(index: string, id: string) {
  const response = await client.get({ index, id }, { ignore: [404] })
  return response.found ? response : null
}

describe('the catalogue index', () => {
  it('is created once with both aliases, and ensuring it again changes nothing', async () => {
    const first = await ensureCatalogueIndex(client, names)
    const second = await ensureCatalogueIndex(client, names)
    expect(second).toBe(first)
    expect(await indicesBehind(client, names.read)).toEqual([first])
    expect(await indicesBehind(client, names.write)).toEqual([first])
  })

  it('accepts what the mappers produce under its strict mapping', async () => {
    const index = await ensureCatalogueIndex(client, names)
    expect(await upsertRecord(client, index, programToIndexRecord(program))).toBe('written')
    const episode = episodeToIndexRecord({
      id: 9,
      title: { en: 'Pilot' },
      program,
      durationSeconds: 60,
      updatedAt: '2026-01-01T00:00:00.000Z',
      enclosureUrl: 'https://media.example.com/p.mp3',
    })
    expect(await upsertRecord(client, index, episode)).toBe('written')
    expect((await get(names.read, 'episode:9'))?._source).toMatchObject({
      program: { slug: 'signal-and-noise' },
    })
  })

  it('never lets an older version overwrite a newer one', async () => {
    const index = await ensureCatalogueIndex(client, names)
    const newer = programToIndexRecord({
      ...program,
      title: { en: 'Newer' },
      updatedAt: '2026-03-01T00:00:00.000Z',
    })
    const older = programToIndexRecord({
      ...program,
      title: { en: 'Older' },
      updatedAt: '2026-02-01T00:00:00.000Z',
    })
    expect(await upsertRecord(client, index, newer)).toBe('written')
    expect(await upsertRecord(client, index, older)).toBe('stale')
    expect(await upsertRecord(client, index, newer)).toBe('stale') // the same version again: idempotent
    const stored = await get(names.read, 'program:5')
    expect(stored?._version).toBe(writeVersion(newer.version))
    expect((stored?._source as { title: { en: string } }).title.en).toBe('Newer')
  })

  it('keeps a versioned delete from being undone by an older write', async () => {
    const index = await ensureCatalogueIndex(client, names)
    const record = programToIndexRecord({
      ...program,
      id: 6,
      updatedAt: '2026-04-01T00:00:00.000Z',
    })
    await upsertRecord(client, index, record)
    const unpublished = { ...record, version: record.version + 1000 }
    expect(await removeRecord(client, index, record.id, unpublished.version)).toBe('deleted')
    // A slow job still holding the older, visible state cannot bring it back...
    expect(await upsertRecord(client, index, record)).toBe('stale')
    expect(await get(names.read, record.id)).toBeNull()
    // ...but the same state becoming visible without an edit (its moment came) can.
    expect(await upsertRecord(client, index, unpublished)).toBe('written')
    expect(await removeRecord(client, index, 'program:404', Date.now())).toBe('absent')
  })

  it('swaps both aliases to a new physical index in one step', async () => {
    const old = await ensureCatalogueIndex(client, names)
    const next = physicalIndexName(names, new Date(Date.now() + 1000))
    await createPhysicalIndex(client, next)
    const left = await swapAliases(client, names, next)
    expect(left).toEqual([old])
    expect(await indicesBehind(client, names.read)).toEqual([next])
    expect(await indicesBehind(client, names.write)).toEqual([next])
  })
})
