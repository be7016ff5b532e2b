/**
 * The outbox: every change queues a sync job in its own transaction, and running the jobs brings the
 * index in line with what the public may see in Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { env } from '../../../src/env'
import { createSearchClient } from '../../../src/search/client'
import { catalogueIndex } from '../../../src/search/config'
import { ensureCatalogueIndex } from '../../../src/search/indexer'
import { future, makeCategory, makeEpisode, makeProgram, past } from '../helpers/fixtures'
import { testPayload, uniqueTag } from '../helpers/payload'

const client = createSearchClient(env.ELASTICSEARCH_URL)
let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await ensureCatalogueIndex(client, catalogueIndex)
})

afterAll(async () => {
  await client.close()
})

/** What a worker does: run the search queue until it is empty, then make writes visible. */
async function runSearchJobs() {
  for (let round = 0; round < 20; round++) {
    const result = await payload.jobs.run({ queue: 'search', limit: 200 })
    if (Object.keys(result.jobStatus ?? {}).length === 0) break
  }
  await client.indices.refresh({ index: catalogueIndex.read }, { ignore: [404] })
}

type Indexed = {
  title: { en?: string; ar?: string }
  program?: { title: { en?: string } }
  categories: { slug: string; name: { en?: string } }[]
}

async function indexed(id: string): Promise<Indexed | null> {
  const response = await client.get<Indexed>({ index: catalogueIndex.read, id }, { ignore: [404] })
  return response.found ? (response._source ?? null) : null
}

/** Polls (running jobs) until `check` passes or the deadline comes: never a fixed sleep. */
async function eventually(check: () => Promise<boolean>, deadlineMs = 120_000) {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    await runSearchJobs()
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`condition not met within ${deadlineMs} ms`)
}

async function pendingSyncJobs(collection: string, id: number): Promise<number> {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'searchSync' } }, { completedAt: { exists: false } }] },
    limit: 1000,
    depth: 0,
  })
  return jobs.docs.filter((job) => {
    const input = job.input as { collection?: string; id?: number }
    return input.collection === collection && input.id === id
  }).length
}

describe('search sync', () => {
  it('indexes a published program and follows its edits', async () => {
    const program = await makeProgram(payload, 'published', { title: `Sync ${uniqueTag()}` })
    await runSearchJobs()
    expect((await indexed(`program:${program.id}`))?.title.en).toBe(program.title)

    await payload.update({
      collection: 'programs',
      id: program.id,
      data: { title: 'Renamed program' },
    })
    await eventually(
      async () => (await indexed(`program:${program.id}`))?.title.en === 'Renamed program',
    )
  })

  it('keeps the published version indexed while a newer draft exists', async () => {
    const program = await makeProgram(payload, 'published', { title: 'Live title' })
    await runSearchJobs()
    await payload.update({
      collection: 'programs',
      id: program.id,
      draft: true,
      data: { title: 'Draft title' },
    })
    await runSearchJobs()
    expect((await indexed(`program:${program.id}`))?.title.en).toBe('Live title')
  })

  it('never indexes drafts', async () => {
    const draft = await makeProgram(payload, 'draft')
    await runSearchJobs()
    expect(await indexed(`program:${draft.id}`)).toBeNull()
  })

  it('removes a program when it is unpublished, and its episodes with it', async () => {
    const program = await makeProgram(payload)
    const episode = await makeEpisode(payload, program)
    await runSearchJobs()
    expect(await indexed(`episode:${episode.id}`)).not.toBeNull()
    await payload.update({ collection: 'programs', id: program.id, data: { _status: 'draft' } })
    await eventually(
      async () =>
        (await indexed(`program:${program.id}`)) === null &&
        (await indexed(`episode:${episode.id}`)) === null,
    )
  })

  it('removes a deleted episode', async () => {
    const program = await makeProgram(payload)
    const episode = await makeEpisode(payload, program)
    await runSearchJobs()
    expect(await indexed(`episode:${episode.id}`)).not.toBeNull()
    await payload.delete({ collection: 'episodes', id: episode.id })
    await eventually(async () => (await indexed(`episode:${episode.id}`)) === null)
  })

  it('follows scheduled publish and unpublish jobs', async () => {
    const program = await makeProgram(payload, 'draft')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'programs', value: program.id } },
    })
    await payload.jobs.run({ queue: 'default' })
    await eventually(async () => (await indexed(`program:${program.id}`)) !== null)

    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'unpublish', doc: { relationTo: 'programs', value: program.id } },
    })
    await payload.jobs.run({ queue: 'default' })
    await eventually(async () => (await indexed(`program:${program.id}`)) === null)
  })

  it('makes a future-dated program appear once its moment comes', async () => {
    const program = await makeProgram(payload, 'published', { publishedAt: future(2 / 3600) }) // in ~2 s
    await runSearchJobs()
    expect(await indexed(`program:${program.id}`)).toBeNull()
    await eventually(async () => (await indexed(`program:${program.id}`)) !== null)
  })

  it('carries program and category changes into the episodes that embed them', async () => {
    const category = await makeCategory(payload, { name: 'Old name' })
    const program = await makeProgram(payload, 'published', {
      title: 'Old program title',
      categories: [category.id],
    })
    const episode = await makeEpisode(payload, program)
    await runSearchJobs()
    expect((await indexed(`episode:${episode.id}`))?.program?.title.en).toBe('Old program title')

    await payload.update({
      collection: 'programs',
      id: program.id,
      data: { title: 'New program title' },
    })
    await eventually(
      async () =>
        (await indexed(`episode:${episode.id}`))?.program?.title.en === 'New program title',
    )

    await payload.update({ collection: 'categories', id: category.id, data: { name: 'New name' } })
    await eventually(async () => {
      const [p, e] = [
        await indexed(`program:${program.id}`),
        await indexed(`episode:${episode.id}`),
      ]
      return p?.categories[0]?.name.en === 'New name' && e?.categories[0]?.name.en === 'New name'
    })
  })

  it('indexes both languages of a program', async () => {
    const program = await makeProgram(payload, 'published', { title: 'Desert Cities' })
    await payload.update({
      collection: 'programs',
      id: program.id,
      locale: 'ar',
      data: { title: 'مدن الصحراء' },
    })
    await eventually(
      async () => (await indexed(`program:${program.id}`))?.title.ar === 'مدن الصحراء',
    )
    expect((await indexed(`program:${program.id}`))?.title.en).toBe('Desert Cities')
  })
})

describe('the outbox guarantee', () => {
  it('writes the sync job in the same transaction as the change', async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const program = await payload.create({
      collection: 'programs',
      data: {
        title: `Tx ${uniqueTag()}`,
        format: 'show',
        language: 'en',
        _status: 'published',
        publishedAt: past(),
      },
      req,
    })
    await commitTransaction(req)
    expect(await pendingSyncJobs('programs', program.id)).toBe(1)
  })

  it('leaves no job behind when the change is rolled back', async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const program = await payload.create({
      collection: 'programs',
      data: {
        title: `Rollback ${uniqueTag()}`,
        format: 'show',
        language: 'en',
        _status: 'published',
        publishedAt: past(),
      },
      req,
    })
    await killTransaction(req)
    expect(
      await payload.count({ collection: 'programs', where: { id: { equals: program.id } } }),
    ).toEqual({ totalDocs: 0 })
    expect(await pendingSyncJobs('programs', program.id)).toBe(0)
    await runSearchJobs()
    expect(await indexed(`program:${program.id}`)).toBeNull()
  })

  it('queues nothing for a change that fails validation', async () => {
    const before = await payload.count({ collection: 'payload-jobs' })
    await expect(
      payload.create({
        collection: 'programs',
        data: { format: 'podcast', language: 'xx', _status: 'published' } as never,
      }),
    ).rejects.toThrow()
    expect(await payload.count({ collection: 'payload-jobs' })).toEqual(before)
  })
})

describe('a vanished index', () => {
  it('is created again by the next sync, instead of failing until a restart', async () => {
    // A sync that works first (this process now knows the index exists)...
    const before = await makeProgram(payload)
    await eventually(async () => (await indexed(`program:${before.id}`)) !== null)
    // ...then someone deletes the index behind the aliases (by hand, or a cluster restored empty).
    await client.indices.delete({ index: `${catalogueIndex.base}*` })
    const program = await makeProgram(payload, 'published', { title: 'After the index vanished' })
    await eventually(
      async () => (await indexed(`program:${program.id}`))?.title.en === 'After the index vanished',
      30_000,
    )
  })
})
