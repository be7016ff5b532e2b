/**
 * Ingestion as a Payload plugin: the `ingestSource` task, its schedule, and "Fetch now".
 *
 * Scheduling is a chain of jobs: each run queues the next at `nextFetchAt` (now + the source's
 * refresh interval). A scheduled job whose moment no longer matches the source (the interval
 * changed, a "Fetch now" ran in between, the source was disabled) ends without fetching, so there
 * is never more than one live chain per source. Enabling or creating a source starts one.
 */
import { randomUUID } from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  Config,
  Endpoint,
  PayloadRequest,
  TaskConfig,
} from 'payload'

import { isStaffUser } from '../access/roles'
import { DEFAULT_QUEUE } from '../jobs/queues'
import { consume } from '../ratelimit/limiters'
import { runSource } from '../ingest/runSource'
import { currentRequestId } from '../observability/requestContext'
import type { Source } from '../payload-types'
import { slugOf } from '../lib/catalogueSlugs'

export const INGEST_TASK = 'ingestSource'
const QUEUE = DEFAULT_QUEUE
/** A scheduled run this close to its moment counts as on time (runner polling, clock skew). */
const TOLERANCE_MS = 5_000

interface IngestInput {
  sourceId: number
  /** Set on chain jobs; absent for "Fetch now" and the first run. */
  scheduledFor?: string
  requestId?: string
}

async function queueRun(req: PayloadRequest, input: IngestInput, waitUntil?: Date) {
  await req.payload.jobs.queue({
    task: INGEST_TASK,
    queue: QUEUE,
    input: { ...input, requestId: input.requestId ?? currentRequestId() },
    waitUntil,
    req,
  })
}

const task: TaskConfig = {
  slug: INGEST_TASK,
  label: 'Fetch and import a feed source',
  inputSchema: [
    { name: 'sourceId', type: 'number', required: true },
    { name: 'scheduledFor', type: 'text' },
    { name: 'requestId', type: 'text' },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  // Errors are recorded on the source and the next scheduled run tries again: no job retries.
  retries: 0,
  handler: async ({ input, req }) => {
    const { sourceId, scheduledFor } = input as IngestInput
    const source = (await req.payload
      .findByID({
        collection: slugOf(req.payload, 'sources'),
        id: sourceId,
        depth: 0,
        overrideAccess: true,
      })
      .catch(() => null)) as Source | null
    if (!source) return { output: { outcome: 'source deleted' } }
    if (scheduledFor) {
      const due = source.nextFetchAt ? Date.parse(source.nextFetchAt) : NaN
      const superseded = Math.abs(due - Date.parse(scheduledFor)) > TOLERANCE_MS
      if (!source.enabled || superseded) return { output: { outcome: 'superseded' } }
    }
    const next = source.enabled ? new Date(Date.now() + source.refreshMinutes * 60_000) : undefined
    const outcome = await runSource(req.payload, source, { nextFetchAt: next })
    // The next run is not part of this one's request: it gets an id of its own, which the jobs it
    // causes (its episodes' syncs) will carry.
    if (next) {
      const scheduledFor = next.toISOString()
      await queueRun(req, { sourceId: source.id, scheduledFor, requestId: randomUUID() }, next)
    }
    return {
      output: {
        outcome:
          outcome.status === 'imported'
            ? `imported: ${outcome.result.created} created, ${outcome.result.updated} updated, ${outcome.result.unchanged} unchanged`
            : outcome.status === 'failed'
              ? `failed: ${outcome.error}`
              : 'not modified',
      },
    }
  },
}

/** A new source, or one just enabled or pointed at another URL, is fetched right away. */
const fetchWhenEnabled: CollectionAfterChangeHook<Source> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (req.context?.ingest || !doc.enabled) return doc
  const changed = operation === 'create' || !previousDoc?.enabled || previousDoc.url !== doc.url
  if (changed) await queueRun(req, { sourceId: doc.id })
  return doc
}

/**
 * POST /api/<sources slug>/:id/fetch — "Fetch now" (staff). Each call makes the server fetch a remote
 * feed, so it is rate limited per user (RATE_LIMIT_FETCH_NOW_PER_MINUTE).
 */
const fetchNow: Endpoint = {
  path: '/:id/fetch',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) {
      return Response.json({ errors: [{ message: 'Forbidden.' }] }, { status: 403 })
    }
    const decision = await consume('fetchNow', `user:${req.user!.collection}:${req.user!.id}`)
    if (!decision.allowed) {
      return Response.json(
        {
          errors: [{ message: `Too many fetches. Try again in ${decision.retryAfterSeconds} s.` }],
        },
        { status: 429, headers: decision.headers },
      )
    }
    const id = Number(req.routeParams?.id)
    const source = Number.isInteger(id)
      ? await req.payload
          .findByID({
            collection: slugOf(req.payload, 'sources'),
            id,
            depth: 0,
            req,
            overrideAccess: false,
          })
          .catch(() => null)
      : null
    if (!source) return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
    await queueRun(req, { sourceId: source.id })
    return Response.json({ queued: true }, { status: 202, headers: decision.headers })
  },
}

/** Ingestion on the sources collection, under the slug the host gave it. */
export const ingest =
  (sourcesSlug: string) =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collection.slug !== sourcesSlug
        ? collection
        : {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), fetchWhenEnabled],
            },
            endpoints: [...(collection.endpoints || []), fetchNow],
          },
    ),
    jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), task] },
  })
