/**
 * What one sync job does: read the document's current state from Postgres (never the hook's copy,
 * which may be stale by the time the job runs), then upsert or remove its index record, and queue
 * the follow-up work that changes to embedded data cause.
 */
import type { Client } from '@elastic/elasticsearch'
import type { Payload, Where } from 'payload'

import type { CatalogueIndexNames } from './indexer'
import { bulkRemoval, bulkWrite, removeRecord, upsertRecord } from './indexer'
import { pagesById } from './pagesById'
import {
  episodeIndexId,
  episodeToIndexRecord,
  type EpisodeSource,
  programIndexId,
  programToIndexRecord,
  type ProgramSource,
} from './mappers'
import { becomesPublicAt, isPublicNow } from '../lib/publication'
import { slugOf } from '../lib/catalogueSlugs'
import { getMediaMesh } from '../lib/mediaMeshOptions'

export const SYNCED_COLLECTIONS = ['programs', 'episodes', 'categories', 'media'] as const
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number]

export interface SyncTarget {
  collection: SyncedCollection
  id: number
}

/** Queues one sync job. With `req`, it joins the caller's transaction. */
export type QueueSync = (target: SyncTarget, options?: { waitUntil?: Date }) => Promise<void>

export interface SyncContext {
  payload: Payload
  client: Client
  names: CatalogueIndexNames
  queue: QueueSync
}

/**
 * Base version for documents that no longer exist: above any real one (ids are never reused), and
 * independent of any host's clock, so no older write can ever bring them back.
 */
const DELETED = 4_000_000_000_000_000

/** Episodes written per bulk request when a program change fans out to them. */
export const EPISODE_BATCH = 250

/** Where this app serves stored files (index records carry their paths). */
const filesPathOf = (payload: Payload) => getMediaMesh(payload).media.filesPath

type Published = { _status?: 'draft' | 'published' | null; publishedAt?: string | null }

async function loadProgram(payload: Payload, id: number) {
  const found = await payload.find({
    collection: slugOf(payload, 'programs'),
    where: { id: { equals: id } },
    locale: 'all',
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  return (found.docs[0] as unknown as (ProgramSource & Published) | undefined) ?? null
}

export async function syncProgram(ctx: SyncContext, id: number): Promise<string> {
  const program = await loadProgram(ctx.payload, id)
  let outcome: string
  if (program && isPublicNow(program)) {
    outcome = await upsertRecord(
      ctx.client,
      ctx.names.write,
      programToIndexRecord(program, filesPathOf(ctx.payload)),
    )
  } else {
    const base = program ? programToIndexRecord(program, filesPathOf(ctx.payload)).version : DELETED
    outcome = await removeRecord(ctx.client, ctx.names.write, programIndexId(id), base)
    const due = becomesPublicAt(program)
    if (due) await ctx.queue({ collection: 'programs', id }, { waitUntil: due })
  }
  // The program's title, format, language, categories and visibility live in its episodes too.
  if (program) await syncEpisodesOfProgram(ctx, program)
  return outcome
}

export async function syncEpisode(ctx: SyncContext, id: number): Promise<string> {
  const found = await ctx.payload.find({
    collection: slugOf(ctx.payload, 'episodes'),
    where: { id: { equals: id } },
    locale: 'all',
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  const episode = found.docs[0] as unknown as (EpisodeSource & Published) | undefined
  if (!episode) return removeRecord(ctx.client, ctx.names.write, episodeIndexId(id), DELETED)
  const programId = typeof episode.program === 'object' ? episode.program.id : episode.program
  const program = await loadProgram(ctx.payload, programId)
  if (!program) return removeRecord(ctx.client, ctx.names.write, episodeIndexId(id), DELETED)
  const record = episodeToIndexRecord({ ...episode, program }, filesPathOf(ctx.payload))
  if (isPublicNow(episode) && isPublicNow(program)) {
    return upsertRecord(ctx.client, ctx.names.write, record)
  }
  const due = becomesPublicAt(episode)
  if (due) await ctx.queue({ collection: 'episodes', id }, { waitUntil: due })
  return removeRecord(ctx.client, ctx.names.write, record.id, record.version)
}

/** Re-writes every episode of a program (in bulk batches): upsert while public, remove otherwise. */
async function syncEpisodesOfProgram(ctx: SyncContext, program: ProgramSource & Published) {
  const programPublic = isPublicNow(program)
  for await (const page of pagesById<EpisodeSource & Published>(ctx.payload, {
    collection: 'episodes',
    where: { program: { equals: program.id } },
    pageSize: EPISODE_BATCH,
    depth: 1,
  })) {
    const operations = page.flatMap((doc): object[] => {
      const record = episodeToIndexRecord({ ...doc, program }, filesPathOf(ctx.payload))
      return programPublic && isPublicNow(doc)
        ? bulkWrite(ctx.names.write, record)
        : [bulkRemoval(ctx.names.write, record.id, record.version)]
    })
    await bulkOrThrow(ctx.client, operations)
  }
}

/** A bulk request whose only acceptable item failures are version conflicts and absent deletes. */
export async function bulkOrThrow(client: Client, operations: object[]): Promise<void> {
  const response = await client.bulk({ operations })
  if (!response.errors) return
  // Acceptable: 409 (a newer version is indexed) and a delete of a document that is not there.
  // A 404 because the index or alias itself is missing is a failure, not "nothing to delete".
  const failures = response.items
    .map((item) => Object.values(item)[0]!)
    .filter((result) => result.error && result.status !== 409)
  if (failures.length) {
    const first = failures[0]!
    throw new Error(
      `bulk write failed for ${failures.length} item(s); first: ${first._id}: ${first.error?.type}: ${first.error?.reason}`,
    )
  }
}

/** Queues syncs of every `collection` document whose `field` points at `id`. */
async function queueReferencing(
  ctx: SyncContext,
  collection: 'programs' | 'episodes',
  where: Where,
) {
  for (let page = 1; ; page++) {
    const result = await ctx.payload.find({
      collection: slugOf(ctx.payload, collection),
      where,
      depth: 0,
      limit: 500,
      page,
      select: {},
      overrideAccess: true,
    })
    for (const doc of result.docs) await ctx.queue({ collection, id: doc.id })
    if (!result.hasNextPage) break
  }
}

/** Runs the sync for one target; returns what happened, for the job log. */
export async function syncTarget(
  ctx: SyncContext,
  { collection, id }: SyncTarget,
): Promise<string> {
  switch (collection) {
    case 'programs':
      return syncProgram(ctx, id)
    case 'episodes':
      return syncEpisode(ctx, id)
    case 'categories':
      // Programs embed their categories' names; their syncs fan out to the episodes.
      await queueReferencing(ctx, 'programs', { categories: { equals: id } })
      return 'queued programs'
    case 'media':
      await queueReferencing(ctx, 'programs', { coverImage: { equals: id } })
      await queueReferencing(ctx, 'episodes', {
        or: [{ thumbnail: { equals: id } }, { media: { equals: id } }],
      })
      return 'queued referencing documents'
    default:
      throw new Error(`search sync: unknown collection "${String(collection)}"`)
  }
}
