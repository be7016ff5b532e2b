/**
 * Zero-downtime rebuild of the catalogue index from Postgres:
 *
 *   1. create a new physical index;
 *   2. point the write alias at it, so sync jobs that run meanwhile land in the new index (external
 *      versions keep the bulk load from overwriting their newer writes, and versioned deletes keep
 *      it from resurrecting what they removed); searches keep reading the old index;
 *   3. bulk-load every public program and episode, page by page;
 *   4. verify the count, then point the read alias at the new index and drop the old one.
 *
 * If anything fails, the read alias never moved; the write alias goes back and the sync jobs that
 * ran in the meantime are queued again, so the live index catches up with what it missed.
 */
import type { Client } from '@elastic/elasticsearch'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, Where } from 'payload'

import { searchQueueOf } from '../jobs/queues'
import { publishedAndDueWhere } from '../lib/publication'
import { logger } from '../observability/logger'
import { catalogueChanged } from './catalogueChanges'
import { SEARCH_SYNC_TASK } from './syncTask'
import {
  bulkWrite,
  type CatalogueIndexNames,
  createPhysicalIndex,
  indicesBehind,
  physicalIndexName,
  swapAliases,
} from './indexer'
import {
  episodeToIndexRecord,
  type EpisodeSource,
  type ImageSource,
  type IndexRecord,
  type MediaFileSource,
  programToIndexRecord,
  type ProgramSource,
} from './mappers'
import { pagesById } from './pagesById'
import { slugOf } from '../lib/catalogueSlugs'
import { getMediaMesh } from '../lib/mediaMeshOptions'

export interface ReindexProgress {
  indexed: number
  total: number
  /** Documents per second so far. */
  rate: number
}

export interface ReindexResult {
  index: string
  documents: number
  seconds: number
  docsPerSecond: number
  removedIndices: string[]
}

export interface ReindexOptions {
  /** Documents read from Postgres per page. @default 500 */
  pageSize?: number
  onProgress?: (progress: ReindexProgress) => void
  /** Queue used to replay sync jobs after a failed rebuild. @default the search sync's queue */
  queue?: string
}

/** A document's own half of the rule (an episode's program is checked separately). */
const ownRuleWhere = (now: Date): Where => ({ and: publishedAndDueWhere(now) })
const publicEpisodesWhere = (now: Date): Where => ({
  and: [...publishedAndDueWhere(now), ...publishedAndDueWhere(now, 'program.')],
})

export async function countPublic(payload: Payload, now: Date): Promise<number> {
  const [programs, episodes] = await Promise.all([
    payload.count({
      collection: slugOf(payload, 'programs'),
      where: ownRuleWhere(now),
      overrideAccess: true,
    }),
    payload.count({
      collection: slugOf(payload, 'episodes'),
      where: publicEpisodesWhere(now),
      overrideAccess: true,
    }),
  ])
  return programs.totalDocs + episodes.totalDocs
}

/**
 * Every public record, programs first (episodes embed them), read in pages by id ("keyset"
 * pagination: `id > last`, no OFFSET and no count per page, so the last page costs what the first
 * does).
 */
async function* publicRecords(
  payload: Payload,
  now: Date,
  pageSize: number,
): AsyncGenerator<IndexRecord> {
  const { filesPath } = getMediaMesh(payload).media
  const programs = new Map<number, ProgramSource>()
  for await (const page of pagesById<ProgramSource>(payload, {
    collection: 'programs',
    where: ownRuleWhere(now),
    pageSize,
    depth: 1,
  })) {
    for (const doc of page) {
      programs.set(doc.id, doc)
      yield programToIndexRecord(doc, filesPath)
    }
  }
  // depth 0 and no join on the program: public programs are in the map above already.
  for await (const docs of pagesById<EpisodeSource>(payload, {
    collection: 'episodes',
    where: ownRuleWhere(now),
    pageSize,
    depth: 0,
  })) {
    const files = await loadMedia(
      payload,
      docs
        .flatMap((d) => [d.thumbnail, d.media])
        .filter((id): id is number => typeof id === 'number'),
    )
    for (const doc of docs) {
      const program = programs.get(doc.program as number)
      if (!program) continue // its program is not public
      const file = (id: unknown) => (typeof id === 'number' ? (files.get(id) ?? null) : null)
      yield episodeToIndexRecord(
        { ...doc, program, thumbnail: file(doc.thumbnail), media: file(doc.media) },
        filesPath,
      )
    }
  }
}

/** Media documents (images and audio/video files) by id, one query per page of episodes. */
async function loadMedia(
  payload: Payload,
  ids: number[],
): Promise<Map<number, ImageSource & MediaFileSource>> {
  if (ids.length === 0) return new Map()
  const found = await payload.find({
    collection: slugOf(payload, 'media'),
    where: { id: { in: [...new Set(ids)] } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return new Map(
    (found.docs as unknown as (ImageSource & MediaFileSource)[]).map((doc) => [doc.id, doc]),
  )
}

/**
 * One bulk request of the load (up to flushBytes, 5 MB) may take far longer than the client's
 * 5 s default while the node merges segments on a busy machine: a timeout there aborted a whole
 * 100,000-document rebuild. Connection errors are retried (safe: every write carries its external
 * version); a timeout is not (the transport never retries one), so it fails the rebuild, which
 * leaves the live index untouched.
 */
const BULK_REQUEST = { requestTimeout: 120_000, maxRetries: 3 }

export async function reindexCatalogue(
  payload: Payload,
  client: Client,
  names: CatalogueIndexNames,
  { pageSize = 500, onProgress, queue = searchQueueOf(payload.config) }: ReindexOptions = {},
): Promise<ReindexResult> {
  const lock = await acquireReindexLock(payload, names)
  try {
    return await rebuild(payload, client, names, { pageSize, onProgress, queue })
  } finally {
    await lock.release()
  }
}

async function rebuild(
  payload: Payload,
  client: Client,
  names: CatalogueIndexNames,
  {
    pageSize,
    onProgress,
    queue,
  }: Required<Pick<ReindexOptions, 'pageSize' | 'queue'>> & ReindexOptions,
): Promise<ReindexResult> {
  const started = new Date()
  const index = physicalIndexName(names, started)
  const previousWrite = await indicesBehind(client, names.write)
  await createPhysicalIndex(client, index)
  let swapped = false
  // No refreshes while loading: much faster bulk indexing; restored before the swap.
  await client.indices.putSettings({ index, settings: { refresh_interval: '-1' } })
  try {
    await moveWriteAlias(client, names, previousWrite, index)

    const total = await countPublic(payload, started)
    let sent = 0
    const dropped: string[] = []
    const stats = await client.helpers.bulk<IndexRecord>(
      {
        datasource: publicRecords(payload, started, pageSize),
        flushBytes: 5_000_000,
        concurrency: 2,
        retries: 5, // 429s from the bulk queue are retried with backoff by the helper
        wait: 1000,
        onDocument(record) {
          sent++
          if (onProgress && sent % 250 === 0) {
            onProgress({
              indexed: sent,
              total,
              rate: sent / ((Date.now() - started.getTime()) / 1000),
            })
          }
          return bulkWrite(index, record)
        },
        onDrop(failure) {
          // A conflict means a sync job already wrote a newer version into the new index: fine.
          if (failure.status !== 409)
            dropped.push(`${failure.document.id}: ${failure.error?.reason ?? failure.status}`)
        },
      },
      BULK_REQUEST,
    )
    if (dropped.length)
      throw new Error(`${dropped.length} documents failed to index; first: ${dropped[0]}`)

    await client.indices.putSettings({ index, settings: { refresh_interval: '1s' } })
    await client.indices.refresh({ index })
    const { count } = await client.count({ index })
    // The new index must hold what Postgres says is public now. Sync jobs still pending write into
    // the new index (the write alias points there) and settle any difference after the swap; with
    // none pending, the numbers must match exactly.
    const expected = await countPublic(payload, new Date())
    if (stats.aborted || (count !== expected && (await pendingSyncJobs(payload)) === 0)) {
      throw new Error(
        `verification failed: ${count} documents in ${index}, ${expected} public in Postgres`,
      )
    }
    onProgress?.({ indexed: sent, total, rate: sent / ((Date.now() - started.getTime()) / 1000) })

    const removedIndices = await swapAliases(client, names, index)
    swapped = true
    catalogueChanged(client, names.read)
    // From here on the new index is live: a failure to clean up must never roll back.
    for (const old of removedIndices) {
      await client.indices.delete({ index: old }, { ignore: [404] }).catch((error: unknown) => {
        logger.warn({ err: error, index: old }, 'reindex: could not delete the previous index')
      })
    }
    const seconds = (Date.now() - started.getTime()) / 1000
    return {
      index,
      documents: count,
      seconds,
      docsPerSecond: Math.round(sent / seconds),
      removedIndices,
    }
  } catch (error) {
    if (swapped) throw error
    await moveWriteAlias(client, names, [index], previousWrite[previousWrite.length - 1]).catch(
      (moveError: unknown) =>
        logger.error({ err: moveError }, 'reindex: could not restore the write alias'),
    )
    await client.indices.delete({ index }, { ignore: [404] }).catch(() => undefined)
    await replaySyncJobsSince(payload, started, queue).catch((replayError: unknown) =>
      logger.error(
        { err: replayError },
        'reindex: could not replay the sync jobs that ran meanwhile',
      ),
    )
    throw error
  }
}

async function moveWriteAlias(
  client: Client,
  names: CatalogueIndexNames,
  from: string[],
  to: string | undefined,
): Promise<void> {
  if (!to) return
  await client.indices.updateAliases({
    actions: [
      ...from
        .filter((old) => old !== to)
        .map((old) => ({ remove: { index: old, alias: names.write } })),
      { add: { index: to, alias: names.write, is_write_index: true } },
    ],
  })
}

/**
 * Sync jobs that did anything since `since`: created, retried or finished (all of them may have
 * written into the discarded index).
 */
async function syncJobsSince(payload: Payload, since: Date) {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: SEARCH_SYNC_TASK } },
        { updatedAt: { greater_than_equal: since.toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return jobs.docs
}

async function pendingSyncJobs(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: SEARCH_SYNC_TASK } },
        { completedAt: { exists: false } },
        { hasError: { equals: false } },
      ],
    },
    overrideAccess: true,
  })
  return totalDocs
}

/**
 * One rebuild at a time across every process (admin button, `npm run reindex`, `npm run dev`): a
 * Postgres advisory lock, held on a connection of its own for the duration.
 */
async function acquireReindexLock(payload: Payload, names: CatalogueIndexNames) {
  const pool = (payload.db as unknown as PostgresAdapter).pool
  const connection = await pool.connect()
  const key = `mediamesh-reindex:${names.read}`
  const { rows } = await connection.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
    [key],
  )
  if (!rows[0]?.locked) {
    connection.release()
    throw new Error('another reindex of this index is already running')
  }
  return {
    release: async () => {
      await connection
        .query('SELECT pg_advisory_unlock(hashtext($1))', [key])
        .catch(() => undefined)
      connection.release()
    },
  }
}

/** Queues again every sync job active since `since` (their writes went to the discarded index). */
async function replaySyncJobsSince(payload: Payload, since: Date, queue: string): Promise<void> {
  for (const job of await syncJobsSince(payload, since)) {
    await payload.jobs.queue({ task: SEARCH_SYNC_TASK, queue, input: job.input as never })
  }
}
