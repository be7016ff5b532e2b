/**
 * `npm run worker`: runs Payload's job queues outside the web instances: `search` (search sync)
 * and `default` (scheduled publish and unpublish). Web instances then set JOBS_AUTORUN=false.
 * Stops between batches on SIGTERM.
 */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { logger } = await import('../src/observability/logger')

const POLL_INTERVAL_MS = 1000
const BATCH = 100

const payload = await getPayload({ config })
let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'worker stopping after the current batch')
    stopping = true
  })
}

logger.info('worker started')
while (!stopping) {
  try {
    let ran = 0
    for (const queue of ['search', 'default']) {
      const result = await payload.jobs.run({ queue, limit: BATCH })
      ran += Object.keys(result.jobStatus ?? {}).length
    }
    if (ran > 0) logger.info({ ran }, 'jobs processed')
    if (ran > 0) continue // more may be waiting
  } catch (error) {
    logger.error({ err: error }, 'job run failed')
  }
  await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
}
logger.info('worker stopped')
process.exit(0)
