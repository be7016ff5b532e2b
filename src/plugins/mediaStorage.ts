/**
 * Where uploads live, as configuration only: with S3_BUCKET set, @payloadcms/storage-s3 stores the
 * media collection's files (originals and variants) in the bucket and serves them through the same
 * `/api/media/file/<name>` URLs (with access control and Range support); unset, Payload's local
 * storage uses the MEDIA_DIR folder. The plugin is always registered (disabled without a bucket) with
 * `alwaysInsertFields`, so the database schema is the same either way.
 *
 * Also registers the hourly orphan sweep (src/media/orphans.ts) as a job chain.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Config, Payload, TaskConfig } from 'payload'

import { env } from '../env'
import { sweepOrphanFiles } from '../media/orphans'
import { S3_COMPATIBILITY } from '../media/storage'

export const SWEEP_TASK = 'sweepOrphanMedia'
const QUEUE = 'default'
const SWEEP_EVERY_MS = 60 * 60 * 1000

const sweepTask: TaskConfig = {
  slug: SWEEP_TASK,
  label: 'Delete stored media files no document references',
  inputSchema: [],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: 0,
  handler: async ({ req }) => {
    try {
      const { checked, deleted } = await sweepOrphanFiles(req.payload, {
        graceMs: env.MEDIA_ORPHAN_GRACE_MINUTES * 60_000,
      })
      return { output: { outcome: `checked ${checked} files, deleted ${deleted.length}` } }
    } finally {
      await req.payload.jobs.queue({
        task: SWEEP_TASK,
        queue: QUEUE,
        input: {},
        waitUntil: new Date(Date.now() + SWEEP_EVERY_MS),
        req,
      })
    }
  },
}

/** Starts the sweep chain unless one is already queued (called when a job runner starts). */
export async function ensureOrphanSweepScheduled(payload: Payload): Promise<void> {
  const pending = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: SWEEP_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  })
  if (pending.totalDocs === 0) {
    await payload.jobs.queue({ task: SWEEP_TASK, queue: QUEUE, input: {} })
  }
}

export const mediaStorage =
  () =>
  async (config: Config): Promise<Config> => {
    const s3 = env.s3
    const withStorage = await s3Storage({
      enabled: Boolean(s3),
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? 'unused',
      collections: { media: { prefix: s3?.prefix ?? '' } },
      config: {
        endpoint: s3?.endpoint,
        region: s3?.region,
        forcePathStyle: s3?.forcePathStyle,
        credentials: s3?.credentials,
        ...S3_COMPATIBILITY,
      },
    })(config)
    return {
      ...withStorage,
      jobs: { ...withStorage.jobs, tasks: [...(withStorage.jobs?.tasks ?? []), sweepTask] },
    }
  }
