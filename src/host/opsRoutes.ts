import { Router } from 'express'

import type { Env } from '../env'
import type { DependencyCheck } from './readiness'
import { checkReadiness } from './readiness'
import { registry } from '../observability/metrics'
import { sendProblem } from '../lib/problem'
import { bearerMatches } from '../observability/metricsServer'

/** Liveness, readiness and metrics: what load balancers, orchestrators and Prometheus call. */
export function opsRoutes(options: {
  checks: () => DependencyCheck[]
  metricsAccess: Env['metricsAccess']
  isShuttingDown: () => boolean
}): Router {
  const router = Router()

  // Liveness: the process is up and its event loop turns. Never touches dependencies, so a slow
  // database cannot get healthy instances restarted.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })

  router.get('/readyz', async (_req, res) => {
    if (options.isShuttingDown()) {
      res.status(503).json({ status: 'shutting_down', checks: {} })
      return
    }
    const report = await checkReadiness(options.checks())
    res.status(report.status === 'ready' ? 200 : 503).json(report)
  })

  router.get('/metrics', async (req, res) => {
    const access = options.metricsAccess
    if (access.mode === 'disabled') {
      sendProblem(req, res, { status: 404, code: 'not_found', detail: 'Metrics are disabled.' })
      return
    }
    if (access.mode === 'token' && !bearerMatches(req.headers.authorization, access.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      sendProblem(req, res, {
        status: 401,
        code: 'unauthorized',
        detail: 'A valid metrics token is required.',
      })
      return
    }
    res.setHeader('Content-Type', registry.contentType)
    res.send(await registry.metrics())
  })

  return router
}
