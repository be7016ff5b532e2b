import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import express from 'express'
import next from 'next'
import { getPayload, type Payload } from 'payload'

import config from '../../payload.config'
import { createDiscovery } from '../discovery'
import { projectRoot } from '../lib/projectRoot'
import { env } from '../env'
import { getMediaMesh } from '../lib/mediaMeshOptions'
import type { DependencyCheck } from './readiness'
import { mediaCaching } from './mediaCaching'
import { checkS3Storage } from '../media/storage'
import { opsRoutes } from './opsRoutes'
import { requestObservability } from './requestObservability'
import { answerClientErrorsWithJson } from './clientErrors'
import { cmsRequestLimits } from './cmsRequestLimits'
import { apiRequestGuards } from './apiRequestGuards'
import { refuseCrossSiteWrites, secureCookies } from './crossSiteWrites'
import { securityHeaders } from './securityHeaders'
import { startJobRunner } from '../jobs/claimingRunner'
import { registerJobMetrics } from '../jobs/metrics'
import { logger } from '../observability/logger'
import { CLIENT_IP_HEADER } from '../plugins/cmsRateLimits'
import { startInsightsFlusher } from '../insights/flush'
import { insightsPool } from '../insights/store'
import { checkRedisHealth, closeRedis, redis, redisKey } from '../redis/client'
import { catalogueGeneration } from '../search/catalogueChanges'
import { checkSearchHealth, searchClient } from '../search/client'

const rootDir = projectRoot(import.meta.url)

export interface StartOptions {
  /** Next in development mode (compile on demand, HMR) or serving a `next build`. */
  dev: boolean
  port: number
  host: string
}

export interface RunningServer {
  payload: Payload
  server: Server
  url: string
  /** Stops accepting, lets in-flight requests finish (up to the timeout), closes pools. */
  shutdown: (reason: string) => Promise<void>
}

/**
 * The one HTTP host: Express in front of Next. Our routes (health, metrics, discovery) come first;
 * everything else (admin panel, REST, GraphQL, assets) goes to Next's request handler. There is no
 * global body parser: Next and Payload read request bodies themselves.
 */
export async function startServer({ dev, port, host }: StartOptions): Promise<RunningServer> {
  // Initialise Payload (database connection, migrations) before anything listens. Next's route
  // handlers call getPayload too and receive this same cached instance.
  const payload = await getPayload({ config })
  const pool = (payload.db as unknown as PostgresAdapter).pool
  const collectionSlugs = new Set(Object.keys(payload.collections))
  registerJobMetrics(payload)

  let shuttingDown = false
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)
  app.use(requestObservability(collectionSlugs))
  app.use(securityHeaders())
  app.use(secureCookies({ publicUrlIsHttps: env.SERVER_URL.startsWith('https:') }))

  const checks = (): DependencyCheck[] => [
    { name: 'postgres', critical: true, check: async () => void (await pool.query('SELECT 1')) },
    // Search is optional for readiness: without it the CMS still serves; discovery degrades.
    { name: 'elasticsearch', critical: false, check: () => checkSearchHealth() },
    // Redis only holds caches and counters: without it everything serves, a little slower.
    { name: 'redis', critical: false, check: () => checkRedisHealth() },
    // Uploads fail without it; everything else serves (files already cached by a CDN included).
    ...(env.s3 ? [{ name: 's3', critical: false, check: () => checkS3Storage() }] : []),
  ]
  app.use(
    opsRoutes({ checks, metricsAccess: env.metricsAccess, isShuttingDown: () => shuttingDown }),
  )
  // A disabled MediaMesh (mediaMesh({ disabled: true })) serves no discovery API.
  const mediaMesh = getMediaMesh(payload)
  const discovery = mediaMesh.disabled ? undefined : createDiscovery(payload)
  if (discovery) app.use(mediaMesh.discovery.basePath, discovery.middleware)
  // The CMS (not discovery, a public CORS API without sessions): no cross-site cookie writes, and
  // requests Payload would answer with a 500 get their 4xx here.
  app.use(
    refuseCrossSiteWrites({
      trustedOrigins: [env.SERVER_URL, ...env.CSRF_TRUSTED_ORIGINS],
      publicUrlIsHttps: env.SERVER_URL.startsWith('https:'),
    }),
  )
  app.use(
    apiRequestGuards({
      collectionsWithoutApi: Object.values(payload.collections)
        .filter((collection) => collection.config.endpoints === false)
        .map((collection) => collection.config.slug),
    }),
  )
  if (discovery) app.use(discovery.previewRouter)
  // Payload sees requests through Next, without the socket: hand it the client address Express
  // resolved (trust proxy applied) for the CMS rate limits. Overwritten, so clients cannot set it.
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? ''
    next()
  })
  app.use(mediaCaching())
  app.use(cmsRequestLimits(payload, env))
  // `/api` itself is no Payload route (Payload's start with a collection or a global): answer in
  // the API's JSON shape instead of Next's HTML page. A path like `/api/programs/..` ends here.
  app.all(['/api', '/api/'], (_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found.' }] })
  })

  // Timeouts checked every second (Node's default is every 30 s), so a slow client is cut close to
  // its deadline.
  const server = createHttpServer({ connectionsCheckingInterval: 1000 }, app)
  server.headersTimeout = env.HTTP_HEADERS_TIMEOUT_MS
  server.requestTimeout = env.HTTP_REQUEST_TIMEOUT_MS
  server.keepAliveTimeout = env.HTTP_KEEP_ALIVE_TIMEOUT_MS
  answerClientErrorsWithJson(server)
  // Telemetry stays off: Payload's through `telemetry: false`, Next's through its documented switch.
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  const nextApp = next({ dev, dir: rootDir, hostname: host, port, httpServer: server })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()
  app.use((req, res) => handle(req, res))

  const jobRunner = env.JOBS_AUTORUN
    ? startJobRunner(payload, {
        leaseMs: env.JOBS_LEASE_MS,
        retentionMs: env.JOBS_RETENTION_HOURS * 3_600_000,
        // Requests come first on web instances: small batches, one job at a time.
        batch: 20,
        sequential: true,
      })
    : undefined
  // Where jobs run, counted searches move from Redis to Postgres too (any number of flushers).
  const insightsFlusher = env.JOBS_AUTORUN
    ? startInsightsFlusher(
        {
          redis: redis(),
          keyPrefix: redisKey('insights', ''),
          pool: insightsPool(payload),
          retentionDays: mediaMesh.insights.retentionDays,
        },
        mediaMesh.insights.flushSeconds * 1000,
      )
    : undefined

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const { port: boundPort } = server.address() as AddressInfo
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${boundPort}`

  const shutdown = async (reason: string) => {
    if (shuttingDown) return
    shuttingDown = true
    logger.info({ reason }, 'shutting down: no new connections, finishing in-flight requests')
    // The job runner stops claiming now and finishes its round alongside the HTTP drain.
    const jobsStopped = jobRunner?.stop(env.SHUTDOWN_TIMEOUT_MS)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const timedOut = await Promise.race([
      closed.then(() => false),
      delay(env.SHUTDOWN_TIMEOUT_MS).then(() => true),
    ])
    if (timedOut) {
      logger.warn(
        { timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
        'in-flight requests did not finish in time',
      )
      server.closeAllConnections()
    }
    await jobsStopped
    await catalogueGeneration.settled().catch(() => undefined)
    await discovery?.close().catch(() => undefined)
    await insightsFlusher?.stop()
    await closeRedis()
    await nextApp.close().catch(() => undefined)
    await searchClient()
      .close()
      .catch(() => undefined)
    // db-postgres keeps one pool client checked out for its reconnect logic, so `pool.end()` never
    // resolves on its own; give idle clients a moment to close and move on.
    await Promise.race([pool.end().catch(() => undefined), delay(1000)])
    logger.info('shutdown complete')
  }

  return { payload, server, url, shutdown }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
