/**
 * `npm run worker`: runs the job queues (`search`: search sync; `default`: scheduled publish and
 * unpublish) outside the web instances, with exclusive claims (src/jobs/claimingRunner.ts), so any
 * number of workers and web instances can run side by side. Web instances may then set
 * JOBS_AUTORUN=false. On SIGTERM it finishes the current round and exits.
 */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { getPayload } = await import('payload')
const { env } = await import('../src/env')
const { default: config } = await import('../payload.config')
const { flushLogs, logger } = await import('../src/observability/logger')
const { startJobRunner } = await import('../src/jobs/claimingRunner')
const { registerJobMetrics } = await import('../src/jobs/metrics')
const { startMetricsServer } = await import('../src/observability/metricsServer')
const { catalogueGeneration } = await import('../src/search/catalogueChanges')

const payload = await getPayload({ config })
registerJobMetrics(payload)
const metricsServer = env.WORKER_METRICS_PORT
  ? startMetricsServer(env.WORKER_METRICS_PORT, env.metricsAccess)
  : undefined
const runner = startJobRunner(payload, {
  leaseMs: env.JOBS_LEASE_MS,
  retentionMs: env.JOBS_RETENTION_HOURS * 3_600_000,
})
logger.info({ runnerId: runner.runnerId }, 'worker started')

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'worker stopping after the current round')
    metricsServer?.close()
    void runner
      .stop()
      .then(() => catalogueGeneration.settled())
      .then(flushLogs)
      .then(() => process.exit(0))
  })
}
