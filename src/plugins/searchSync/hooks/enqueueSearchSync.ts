import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { currentRequestId } from '../../../observability/requestContext'
import type { SyncedCollection } from '../../../search/sync'
import {
  SEARCH_SYNC_IN_BACKGROUND,
  SEARCH_SYNC_TASK,
  SKIP_SEARCH_SYNC,
} from '../../../search/syncTask'

/**
 * Queues the sync job with `req`, so it is written in the same database transaction as the change:
 * a committed change always has its job, a rolled-back change never reaches the index.
 */
async function enqueue(
  req: PayloadRequest,
  collection: SyncedCollection,
  id: number | string,
  queue: string,
) {
  if (req.context?.[SKIP_SEARCH_SYNC]) return
  await req.payload.jobs.queue({
    task: SEARCH_SYNC_TASK,
    queue,
    input: {
      collection,
      id: Number(id),
      requestId: currentRequestId(),
      ...(req.context?.[SEARCH_SYNC_IN_BACKGROUND] ? { background: true } : {}),
    },
    req,
  })
}

export const enqueueSearchSyncAfterChange =
  (collection: SyncedCollection, queue: string): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await enqueue(req, collection, doc.id, queue)
    return doc
  }

export const enqueueSearchSyncAfterDelete =
  (collection: SyncedCollection, queue: string): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await enqueue(req, collection, id, queue)
  }
