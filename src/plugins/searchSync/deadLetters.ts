/**
 * The dead-letter list: sync jobs that failed their last attempt. Admins see them (with the error)
 * and retry one or all: a retry queues a fresh job with the same input and removes the failed one,
 * in one transaction.
 */
import type { Payload, Where } from 'payload'

import { inTransaction } from '../../db/inTransaction'
import { SEARCH_SYNC_TASK } from '../../search/syncTask'

export interface FailedSyncJob {
  id: number
  input: unknown
  error: string
  attempts: number
  failedAt: string
  queue: string
}

const failedConditions: Where[] = [
  { taskSlug: { equals: SEARCH_SYNC_TASK } },
  { hasError: { equals: true } },
]

function errorMessage(error: unknown): string {
  if (!error) return 'unknown error'
  if (typeof error === 'string') return error
  const message = (error as { message?: unknown }).message
  return typeof message === 'string' ? message : JSON.stringify(error).slice(0, 500)
}

export async function listFailedSyncJobs(payload: Payload, limit = 100) {
  const result = await payload.find({
    collection: 'payload-jobs',
    where: { and: failedConditions },
    sort: '-updatedAt',
    limit,
    depth: 0,
    overrideAccess: true,
  })
  const jobs: FailedSyncJob[] = result.docs.map((job) => ({
    id: job.id as number,
    input: job.input,
    error: errorMessage(job.error),
    attempts: Number(job.totalTried ?? 0),
    failedAt: job.updatedAt,
    queue: (job.queue ?? 'search').split(':claimed:')[0]!,
  }))
  return { total: result.totalDocs, jobs }
}

/** Retries the given failed jobs, or all of them; returns how many were queued again. */
export async function retryFailedSyncJobs(payload: Payload, ids?: number[]): Promise<number> {
  const where: Where = { and: ids ? [...failedConditions, { id: { in: ids } }] : failedConditions }
  const failed = await payload.find({
    collection: 'payload-jobs',
    where,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  await inTransaction(payload, async (req) => {
    for (const job of failed.docs) {
      await payload.jobs.queue({
        task: SEARCH_SYNC_TASK,
        queue: (job.queue ?? 'search').split(':claimed:')[0]!,
        input: job.input as never,
        req,
      })
      await payload.delete({ collection: 'payload-jobs', id: job.id, req, overrideAccess: true })
    }
  })
  return failed.docs.length
}
