/**
 * Where uploads live, as configuration only: with a bucket in the `media.s3` option, @payloadcms/storage-s3 stores the
 * media collection's files (originals and variants) in the bucket and serves them through the same
 * `/api/media/file/<name>` URLs (with access control and Range support); unset, Payload's local
 * storage uses the `media.dir` folder. The plugin is always registered (disabled without a bucket) with
 * `alwaysInsertFields`, so the database schema is the same either way.
 *
 * Also registers the hourly orphan sweep (src/media/orphans.ts) as a recurring job chain
 * (src/jobs/recurring.ts): every job runner keeps it going.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Config, TaskConfig } from 'payload'

import { DEFAULT_QUEUE } from '../jobs/queues'
import { withRecurringJob } from '../jobs/recurring'
import { getMediaMesh } from '../lib/mediaMeshOptions'
import { sweepOrphanFiles } from '../media/orphans'
import { S3_COMPATIBILITY } from '../media/storage'
import type { SanitizedMediaMeshOptions } from './types'

export const SWEEP_TASK = 'sweepOrphanMedia'
const QUEUE = DEFAULT_QUEUE
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
        graceMs: getMediaMesh(req.payload).media.orphanGraceMinutes * 60_000,
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

export const mediaStorage =
  (s3: SanitizedMediaMeshOptions['media']['s3'], mediaSlug: string) =>
  async (config: Config): Promise<Config> => {
    const withStorage = await s3Storage({
      enabled: Boolean(s3),
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? 'unused',
      collections: { [mediaSlug]: { prefix: s3?.prefix ?? '' } },
      config: {
        endpoint: s3?.endpoint,
        region: s3?.region,
        forcePathStyle: s3?.forcePathStyle,
        credentials: s3?.credentials,
        ...S3_COMPATIBILITY,
      },
    })(config)
    return withRecurringJob(
      {
        ...withStorage,
        jobs: { ...withStorage.jobs, tasks: [...(withStorage.jobs?.tasks ?? []), sweepTask] },
      },
      { task: SWEEP_TASK, queue: QUEUE },
    )
  }
