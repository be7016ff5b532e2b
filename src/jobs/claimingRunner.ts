/**
 * Runs Payload jobs with exclusive claims, so any number of runners (web instances, workers) can
 * work the same queues without ever running a job twice at the same time.
 *
 * Stock `payload.jobs.run` selects pending rows and then marks them `processing` without a lock:
 * two runners can pick the same job. Here a runner first claims a batch atomically, moving the rows
 * into a queue of its own with `FOR UPDATE SKIP LOCKED` (rows another runner is claiming are
 * skipped, not waited for), then lets Payload run exactly that private queue. Afterwards it hands
 * back whatever is not finished (jobs waiting for a retry). While it works it renews its claims;
 * claims that are not renewed within the lease (a runner that was SIGKILLed or lost its host) are
 * reaped and their jobs become pending again, so they complete elsewhere.
 */
import { randomUUID } from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { logger } from '../observability/logger'
import { jobQueuesOf } from './queues'
import { ensureRecurringJobsScheduled } from './recurring'

type Pool = PostgresAdapter['pool']

const CLAIM_MARK = ':claimed:'

/**
 * Jobs whose input carries `background: true` (bulk work such as a feed import's syncs) are
 * claimed after every other runnable job of their queue, so interactive changes never wait behind
 * a backlog; among equals, the oldest first.
 */
export const BACKGROUND_INPUT = 'background'

export const claimQueueName = (queue: string, runnerId: string) =>
  `${queue}${CLAIM_MARK}${runnerId}`

const poolOf = (payload: Payload): Pool => (payload.db as unknown as PostgresAdapter).pool

/** Atomically moves up to `limit` runnable jobs of `queue` into the runner's private queue. */
export async function claimJobs(
  pool: Pool,
  queue: string,
  claimQueue: string,
  limit: number,
): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>(
    `UPDATE payload_jobs SET queue = $2, updated_at = now()
      WHERE id IN (
        SELECT id FROM payload_jobs
         WHERE queue = $1 AND completed_at IS NULL AND has_error = false AND processing = false
           AND (wait_until IS NULL OR wait_until <= now())
         ORDER BY (input->>'${BACKGROUND_INPUT}') IS NOT DISTINCT FROM 'true', created_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [queue, claimQueue, limit],
  )
  return rows.map((row) => row.id)
}

/**
 * Hands the claimed jobs back to the shared queue: finished ones keep their history under their
 * real queue name, unfinished ones (waiting for a retry, or not reached) become pending again.
 */
export async function releaseJobs(pool: Pool, claimQueue: string, queue: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE payload_jobs
        SET queue = $2, processing = false, updated_at = CASE WHEN completed_at IS NULL THEN now() ELSE updated_at END
      WHERE queue = $1`,
    [claimQueue, queue],
  )
  return rowCount ?? 0
}

/** Keeps a live runner's claims from being reaped. */
export async function renewClaims(pool: Pool, claimQueue: string): Promise<void> {
  await pool.query(
    `UPDATE payload_jobs SET updated_at = now() WHERE queue = $1 AND completed_at IS NULL`,
    [claimQueue],
  )
}

/**
 * Returns the jobs of runners that stopped renewing their claims to their shared queue. A job that
 * was mid-run counts as one attempt less than it might have been: it runs again (sync tasks are
 * idempotent; delivery is at least once).
 */
export async function reapExpiredClaims(pool: Pool, leaseMs: number): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE payload_jobs
        SET queue = split_part(queue, '${CLAIM_MARK}', 1), processing = false, updated_at = now()
      WHERE queue LIKE '%${CLAIM_MARK}%' AND completed_at IS NULL
        AND updated_at < now() - make_interval(secs => $1)`,
    [leaseMs / 1000],
  )
  return rowCount ?? 0
}

/** Deletes jobs that finished successfully more than `retentionMs` ago (failed ones are kept). */
export async function pruneFinishedJobs(pool: Pool, retentionMs: number): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM payload_jobs
      WHERE completed_at IS NOT NULL AND has_error = false
        AND completed_at < now() - make_interval(secs => $1)`,
    [retentionMs / 1000],
  )
  return rowCount ?? 0
}

export interface RunnerOptions {
  /** Queues to work, in priority order. @default the config's (search sync's queue, 'default') */
  queues?: string[]
  /** Jobs claimed per queue and round. @default 100 */
  batch?: number
  /** A claim not renewed for this long is considered abandoned. @default 60000 */
  leaseMs?: number
  /** Pause between rounds when there was nothing to do (a cheap indexed query). @default 250 */
  idleMs?: number
  /** Finished jobs older than this are deleted. @default one day */
  retentionMs?: number
  /**
   * Run a claimed batch one job at a time instead of all at once. Web instances do, so that a
   * burst of fan-out jobs cannot take every connection of their pool from the requests.
   * @default false
   */
  sequential?: boolean
  runnerId?: string
}

/** One round over the queues; returns how many jobs this runner claimed. */
export async function runClaimedRound(
  payload: Payload,
  {
    queues = jobQueuesOf(payload.config),
    batch = 100,
    runnerId = randomUUID(),
    sequential = false,
  }: RunnerOptions = {},
): Promise<number> {
  const pool = poolOf(payload)
  let claimed = 0
  for (const queue of queues) {
    const claimQueue = claimQueueName(queue, runnerId)
    const ids = await claimJobs(pool, queue, claimQueue, batch)
    if (ids.length === 0) continue
    claimed += ids.length
    try {
      await payload.jobs.run({ queue: claimQueue, limit: ids.length, silent: true, sequential })
    } finally {
      await releaseJobs(pool, claimQueue, queue)
    }
  }
  return claimed
}

export interface JobRunner {
  runnerId: string
  /**
   * Claims nothing more and waits for the current round, at most `timeoutMs`. Jobs still running
   * after that keep their claims, which the other runners reap once the lease expires.
   */
  stop: (timeoutMs?: number) => Promise<void>
}

/** The runners this process started and has not stopped yet. */
const running = new Set<JobRunner>()

/** Stops every runner of this process (shutdown, and test files before their pool is closed). */
export async function stopJobRunners(timeoutMs?: number): Promise<void> {
  await Promise.all([...running].map((runner) => runner.stop(timeoutMs)))
}

/**
 * Runs rounds until stopped; as it goes it renews its claims, reaps abandoned ones and prunes old
 * finished jobs.
 */
export function startJobRunner(payload: Payload, options: RunnerOptions = {}): JobRunner {
  const { queues = jobQueuesOf(payload.config), leaseMs = 60_000, idleMs = 250 } = options
  const retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000
  const runnerId = options.runnerId ?? randomUUID()
  const pool = poolOf(payload)
  let stopping = false

  const heartbeat = setInterval(
    () => {
      for (const queue of queues)
        void renewClaims(pool, claimQueueName(queue, runnerId)).catch(() => undefined)
      void reapExpiredClaims(pool, leaseMs)
        .then(
          (reaped) =>
            reaped && logger.warn({ reaped }, 'jobs of a stopped runner were made pending again'),
        )
        .catch(() => undefined)
      void pruneFinishedJobs(pool, retentionMs).catch(() => undefined)
    },
    Math.max(1000, leaseMs / 3),
  )
  heartbeat.unref()
  // Recurring maintenance jobs are chains (each run queues the next): start any that is missing.
  void ensureRecurringJobsScheduled(payload).catch((error) =>
    logger.warn({ err: error }, 'could not schedule the recurring jobs'),
  )

  const loop = (async () => {
    while (!stopping) {
      let claimed = 0
      try {
        claimed = await runClaimedRound(payload, { ...options, queues, runnerId })
      } catch (error) {
        logger.error({ err: error }, 'job runner round failed')
      }
      if (claimed === 0 && !stopping) await new Promise((resolve) => setTimeout(resolve, idleMs))
    }
  })()

  const runner: JobRunner = {
    runnerId,
    stop: async (timeoutMs = 20_000) => {
      stopping = true
      running.delete(runner)
      clearInterval(heartbeat)
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())])
    },
  }
  running.add(runner)
  return runner
}
