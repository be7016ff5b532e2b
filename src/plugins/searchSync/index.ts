/**
 * Search sync as a Payload plugin: hooks on the catalogue collections queue a job in the same
 * transaction as each change (the outbox), and the job brings the index in line with the database.
 */
import type { Config, TaskConfig } from 'payload'

import { searchIndexLatency } from '../../jobs/metrics'
import { DEFAULT_SLUGS } from '../../lib/catalogueSlugs'
import { DEFAULT_SEARCH_QUEUE, withSearchQueue } from '../../jobs/queues'
import { logger } from '../../observability/logger'
import { catalogueChanged } from '../../search/catalogueChanges'
import { searchClient } from '../../search/client'
import { catalogueIndex } from '../../search/config'
import { ensureCatalogueIndexOnce, forgetEnsuredIndex, isIndexNotFound } from '../../search/indexer'
import { SYNCED_COLLECTIONS, syncTarget, type SyncContext } from '../../search/sync'
import { searchSyncEndpoints } from './endpoints'
import { withAdminView } from '../adminView'
import {
  enqueueSearchSyncAfterChange,
  enqueueSearchSyncAfterDelete,
} from './hooks/enqueueSearchSync'
import { SEARCH_SYNC_TASK, type SearchSyncInput } from '../../search/syncTask'
import type { SearchSyncOptions } from './types'

export const searchSync =
  ({
    collections = [...SYNCED_COLLECTIONS],
    queue = DEFAULT_SEARCH_QUEUE,
    attempts = 8,
    slugs = DEFAULT_SLUGS,
  }: SearchSyncOptions = {}) =>
  (config: Config): Config => {
    const task: TaskConfig = {
      slug: SEARCH_SYNC_TASK,
      label: 'Sync a document to the search index',
      inputSchema: [
        { name: 'collection', type: 'text', required: true },
        { name: 'id', type: 'number', required: true },
        { name: 'requestId', type: 'text' },
        { name: 'background', type: 'checkbox' },
      ],
      outputSchema: [{ name: 'outcome', type: 'text' }],
      // 1 s, 2 s, 4 s, ... : rides out an Elasticsearch restart without hammering it.
      retries: { attempts, backoff: { type: 'exponential', delay: 1000 } },
      handler: async ({ input, job, req }) => {
        const { collection, id, requestId, background } = input as SearchSyncInput
        const ctx: SyncContext = {
          payload: req.payload,
          client: searchClient(),
          names: catalogueIndex,
          queue: async (target, options) => {
            await req.payload.jobs.queue({
              task: SEARCH_SYNC_TASK,
              queue,
              // Follow-up work keeps the lane of the change that caused it.
              input: { ...target, requestId, ...(background ? { background } : {}) },
              waitUntil: options?.waitUntil,
              req,
            })
          },
        }
        // Never write through a missing alias: Elasticsearch would auto-create a plain index there.
        await ensureCatalogueIndexOnce(ctx.client, ctx.names)
        let outcome: Awaited<ReturnType<typeof syncTarget>>
        try {
          outcome = await syncTarget(ctx, { collection, id })
        } catch (error) {
          // The index or an alias vanished (deleted by hand, a cluster restored empty): make the
          // retry create them again instead of failing until the process restarts.
          if (isIndexNotFound(error)) forgetEnsuredIndex(ctx.names)
          throw error
        }
        // Discovery's caches drop what this change made stale (coalesced, after a refresh).
        catalogueChanged(ctx.client, ctx.names.write)
        // From when the change was due to be synced: its commit, or its moment for embargoed ones.
        const due = Date.parse(job.waitUntil ?? job.createdAt)
        searchIndexLatency.observe(Math.max(0, Date.now() - due) / 1000)
        // One line per sync, with the request id of the change that caused it.
        logger.info({ collection, id, outcome }, 'search sync')
        return { output: { outcome } }
      },
    }

    const withSync: Config = {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        // Jobs name the collection by its key, whatever slug the host gave it.
        const key = collections.find((synced) => slugs[synced] === collection.slug)
        if (!key) return collection
        return {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [
              ...(collection.hooks?.afterChange ?? []),
              enqueueSearchSyncAfterChange(key, queue),
            ],
            afterDelete: [
              ...(collection.hooks?.afterDelete ?? []),
              enqueueSearchSyncAfterDelete(key, queue),
            ],
          },
        }
      }),
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), task],
      },
      endpoints: [...(config.endpoints ?? []), ...searchSyncEndpoints],
    }
    return withAdminView(withSearchQueue(withSync, queue), {
      key: 'searchSync',
      path: '/search-sync',
      Component: 'mediamesh/rsc#SearchSyncView',
      navLink: 'mediamesh/rsc#SearchSyncNavLink',
    })
  }
