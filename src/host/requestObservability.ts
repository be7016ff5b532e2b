import type { Request, RequestHandler } from 'express'

import { logger } from '../observability/logger'
import { httpRequestDuration, httpRequestsTotal } from '../observability/metrics'
import { resolveRequestId, runWithRequestContext } from '../observability/requestContext'
import { routeLabel } from '../observability/routeLabel'

/**
 * Per request: accept or create `X-Request-Id`, return it, run the rest of the request inside its
 * async context (so Payload's and our logs carry it), then write one log line and record metrics.
 */
export function requestObservability(collectionSlugs: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    const requestId = resolveRequestId(req.headers['x-request-id'])
    // Next and Payload read headers from the raw request: keep the resolved id there too.
    req.headers['x-request-id'] = requestId
    res.setHeader('X-Request-Id', requestId)
    const started = process.hrtime.bigint()

    const done = () => {
      res.off('finish', done)
      res.off('close', done)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const route = matchedRoute(req, res.locals, collectionSlugs)
      // 499 (nginx's convention): the client went away before a response was sent.
      const status = res.writableFinished ? res.statusCode : 499
      const labels = { method: req.method, route, status: String(status) }
      httpRequestsTotal.inc(labels)
      httpRequestDuration.observe(labels, seconds)
      const line = {
        reqId: requestId,
        method: req.method,
        route,
        path: req.originalUrl.split('?')[0],
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
      }
      if (status >= 500) logger.error(line, 'request failed')
      else logger.info(line, 'request')
    }
    res.on('finish', done)
    res.on('close', done)

    runWithRequestContext({ requestId }, () => next())
  }
}

/**
 * Express routes know their pattern, and so do discovery's (set in `res.locals.route`); everything
 * Next handles is grouped by routeLabel.
 */
function matchedRoute(
  req: Request,
  locals: Record<string, unknown>,
  collectionSlugs: ReadonlySet<string>,
): string {
  if (typeof locals.route === 'string') return locals.route
  const pattern = req.route?.path
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`
  return routeLabel(req.originalUrl, collectionSlugs)
}
