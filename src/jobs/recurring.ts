/**
 * Recurring jobs as chains: each run queues the next. A plugin records its chain's first link in
 * the config (`withRecurringJob`); whoever starts a job runner makes sure every recorded chain has
 * a pending link (`ensureRecurringJobsScheduled`), so a chain lost to a crash or a purge restarts
 * with the next runner. The runner knows no plugin: it reads what the config recorded.
 */
import type { Config, Payload, SanitizedConfig } from 'payload'

export interface RecurringJob {
  task: string
  queue: string
}

const KEY = 'mediaMeshRecurringJobs'

const recordedIn = (config: Pick<SanitizedConfig, 'custom'>): RecurringJob[] =>
  (config.custom?.[KEY] as RecurringJob[] | undefined) ?? []

/** Adds `task`, queued on `queue`, to the chains a runner keeps going. */
export function withRecurringJob(config: Config, job: RecurringJob): Config {
  const jobs = recordedIn(config as SanitizedConfig).filter((known) => known.task !== job.task)
  return { ...config, custom: { ...config.custom, [KEY]: [...jobs, job] } }
}

/** Queues the first link of every recorded chain that has no pending link. */
export async function ensureRecurringJobsScheduled(payload: Payload): Promise<void> {
  for (const job of recordedIn(payload.config)) {
    const pending = await payload.count({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: job.task } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
      overrideAccess: true,
    })
    if (pending.totalDocs === 0) {
      await payload.jobs.queue({ task: job.task as never, queue: job.queue, input: {} as never })
    }
  }
}
