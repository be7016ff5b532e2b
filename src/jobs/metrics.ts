import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { Gauge } from 'prom-client'

import { histogram, registry } from '../observability/metrics'

/** Sync lag as users feel it: from the change (job queued) to the index write. */
export const searchIndexLatency = histogram({
  name: 'search_sync_latency_seconds',
  help: 'Time from a change being committed (sync job queued) to its index write, in seconds.',
  buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
})

// Claimed jobs live in `<queue>:claimed:<runner>`; report them under their queue. Jobs scheduled
// for later (embargoed documents, scheduled publishes) are not lag until their moment comes.
const JOB_STATE_SQL = `
  SELECT split_part(queue, ':claimed:', 1) AS queue,
         count(*) FILTER (WHERE completed_at IS NULL AND has_error = false AND (wait_until IS NULL OR wait_until <= now()))::int AS pending,
         count(*) FILTER (WHERE has_error = true)::int AS failed,
         coalesce(extract(epoch FROM now() - min(coalesce(wait_until, created_at)) FILTER (WHERE completed_at IS NULL AND has_error = false AND (wait_until IS NULL OR wait_until <= now()))), 0)::float AS oldest
    FROM payload_jobs GROUP BY 1`

/**
 * Job gauges, read from Postgres when Prometheus scrapes (one aggregate query), so every instance
 * reports the same truth however many runners there are.
 */
export function registerJobMetrics(payload: Payload): void {
  const pool = (payload.db as unknown as PostgresAdapter).pool
  let snapshot:
    Promise<{ queue: string; pending: number; failed: number; oldest: number }[]> | undefined
  // The three gauges are collected in one scrape: query once per scrape, not three times.
  const rows = () => {
    snapshot ??= pool.query(JOB_STATE_SQL).then((result) => result.rows)
    setTimeout(() => (snapshot = undefined), 500).unref()
    return snapshot
  }
  const gauge = (
    name: string,
    help: string,
    pick: (row: { pending: number; failed: number; oldest: number }) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        this.reset()
        for (const row of await rows().catch(() => [])) this.set({ queue: row.queue }, pick(row))
      },
    })
  gauge(
    'jobs_pending',
    'Jobs waiting to run (including those waiting for a retry).',
    (r) => r.pending,
  )
  gauge('jobs_failed', 'Jobs that exhausted their retries (the dead-letter list).', (r) => r.failed)
  gauge(
    'jobs_oldest_pending_age_seconds',
    'Age of the oldest pending job: the sync lag.',
    (r) => r.oldest,
  )
}
