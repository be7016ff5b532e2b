/**
 * `npm run worker`: runs the job queues (`search`: search sync; `default`: scheduled publish and
 * unpublish) outside the web instances, with exclusive claims (src/jobs/claimingRunner.ts), so any
 * number of workers and web instances can run side by side. Web instances may then set
 * JOBS_AUTORUN=false. On SIGTERM it finishes the current round and exits.
 */
import nextEnv from '@next/env'

import { parseCli } from './lib/cli'

parseCli({
  command: 'npm run worker',
  summary:
    'Runs the job queues (search sync, scheduled publishing, feed imports, media sweeps) outside\n' +
    'the web instances, with exclusive claims: run any number of them beside the web instances\n' +
    '(which may then set JOBS_AUTORUN=false). Stops after the current round on SIGTERM.',
  examples: [
    'npm run worker',
    'WORKER_METRICS_PORT=9464 npm run worker   # with Prometheus metrics on :9464/metrics',
  ],
  notes: 'Logs are JSON lines on stdout (LOG_LEVEL sets the level).',
})

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { getPayload } = await import('payload')
const { env } = await import('../src/env')
const { default: config } = await import('../payload.config')
const { flushLogs, logger } = await import('../src/observability/logger')
const { startJobRunner } = await import('../src/jobs/claimingRunner')
const { registerJobMetrics } = await import('../src/jobs/metrics')
const { startMetricsServer } = await import('../src/observability/metricsServer')
const { catalogueGeneration } = await import('../src/search/catalogueChanges')
const { startInsightsFlusher } = await import('../src/insights/flush')
const { insightsPool } = await import('../src/insights/store')
const { redis, redisKey } = await import('../src/redis/client')
const { getMediaMesh } = await import('../src/lib/mediaMeshOptions')

const payload = await getPayload({ config })
registerJobMetrics(payload)
const metricsServer = env.WORKER_METRICS_PORT
  ? startMetricsServer(env.WORKER_METRICS_PORT, env.metricsAccess)
  : undefined
const runner = startJobRunner(payload, {
  leaseMs: env.JOBS_LEASE_MS,
  retentionMs: env.JOBS_RETENTION_HOURS * 3_600_000,
})
// Counted discovery searches: Redis → Postgres, and retention (safe beside other flushers).
const { insights } = getMediaMesh(payload)
const insightsFlusher = startInsightsFlusher(
  {
    redis: redis(),
    keyPrefix: redisKey('insights', ''),
    pool: insightsPool(payload),
    retentionDays: insights.retentionDays,
  },
  insights.flushSeconds * 1000,
)
logger.info({ runnerId: runner.runnerId }, 'worker started')

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'worker stopping after the current round')
    metricsServer?.close()
    void runner
      .stop()
      .then(() => insightsFlusher.stop())
      .then(() => catalogueGeneration.settled())
      .then(flushLogs)
      .then(() => process.exit(0))
  })
}
