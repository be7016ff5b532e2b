import { timingSafeEqual } from 'node:crypto'
import { createServer, type Server } from 'node:http'

import type { Env } from '../env'
import { registry } from './metrics'

/** Whether an `Authorization` header carries exactly `Bearer <token>` (constant-time compare). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * A bare /metrics listener for processes without the Express host (the worker), with the same
 * access rules: open in development, bearer token in production, otherwise disabled. It also
 * answers `/healthz` (the process is up and its event loop turns), for liveness probes.
 */
export function startMetricsServer(port: number, access: Env['metricsAccess']): Server {
  const server = createServer(async (req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}')
      return
    }
    if (req.url !== '/metrics' || access.mode === 'disabled') {
      res.writeHead(404).end()
      return
    }
    if (access.mode === 'token' && !bearerMatches(req.headers.authorization, access.token)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end()
      return
    }
    res.writeHead(200, { 'Content-Type': registry.contentType }).end(await registry.metrics())
  })
  server.listen(port)
  return server
}
