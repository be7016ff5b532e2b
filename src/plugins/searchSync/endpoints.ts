import type { Endpoint, PayloadHandler } from 'payload'

import { hasRole } from '../../access/roles'
import { searchClient } from '../../search/client'
import { catalogueIndex } from '../../search/config'
import { reindexCatalogue } from '../../search/reindex'
import { logger } from '../../observability/logger'
import { listFailedSyncJobs, retryFailedSyncJobs } from './deadLetters'

const forbidden = () =>
  Response.json({ errors: [{ message: 'Only admins can manage search sync.' }] }, { status: 403 })

const adminOnly =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) =>
    hasRole(req.user, 'admin') ? handler(req) : forbidden()

let reindexRunning: Promise<unknown> | undefined

/** `/api/search-sync/...`: the dead-letter list, retries and a reindex, for admins. */
export const searchSyncEndpoints: Endpoint[] = [
  {
    path: '/search-sync/failed',
    method: 'get',
    handler: adminOnly(async (req) => Response.json(await listFailedSyncJobs(req.payload))),
  },
  {
    path: '/search-sync/retry',
    method: 'post',
    handler: adminOnly(async (req) => {
      const body = (await req.json?.().catch(() => ({}))) as { id?: unknown } | undefined
      const id = body?.id
      if (id !== undefined && (typeof id !== 'number' || !Number.isInteger(id))) {
        return Response.json(
          { errors: [{ message: '`id` must be a job id (integer), or omitted to retry all.' }] },
          { status: 400 },
        )
      }
      const retried = await retryFailedSyncJobs(req.payload, id === undefined ? undefined : [id])
      return Response.json({ retried })
    }),
  },
  {
    path: '/search-sync/reindex',
    method: 'post',
    handler: adminOnly(async (req) => {
      if (reindexRunning) return Response.json({ status: 'already running' }, { status: 409 })
      reindexRunning = reindexCatalogue(req.payload, searchClient(), catalogueIndex)
        .then((result) => logger.info(result, 'reindex from the admin panel done'))
        .catch((error) => logger.error({ err: error }, 'reindex from the admin panel failed'))
        .finally(() => (reindexRunning = undefined))
      return Response.json({ status: 'started' }, { status: 202 })
    }),
  },
]
