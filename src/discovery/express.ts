/**
 * The discovery API as Express middleware: this repository's host mounts it at the base path
 * (`app.use('/discovery', discoveryMiddleware(api))`), ahead of Next.
 */
import type { Request, RequestHandler, Response } from 'express'

import type { DiscoveryApi, DiscoveryRequest, DiscoveryResponse } from './api'
import { ApiError } from './errors'

export function discoveryMiddleware(api: DiscoveryApi): RequestHandler {
  return async (req, res, next) => {
    try {
      send(res, await api(toDiscoveryRequest(req, res)))
    } catch (error) {
      next(error)
    }
  }
}

function toDiscoveryRequest(req: Request, res: Response): DiscoveryRequest {
  const requestId = res.getHeader('X-Request-Id') ?? req.get('x-request-id')
  return {
    method: req.method,
    path: req.path,
    // Express 5's query parser is Node's querystring: strings, and arrays for repeated names.
    query: req.query as Record<string, string | string[]>,
    header: (name) => req.get(name),
    ip: req.ip ?? '',
    requestId: typeof requestId === 'string' ? requestId : undefined,
    body: (limitBytes) => readBody(req, limitBytes),
  }
}

function send(res: Response, { route, status, headers, body }: DiscoveryResponse): void {
  // The route pattern labels the request's metrics and log line (src/host/requestObservability.ts).
  if (route) res.locals.route = `${res.req.baseUrl}${route}`
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.status(status).end(body)
}

/** The body as text, refused with a 413 as soon as it passes `limitBytes`. */
function readBody(req: Request, limitBytes: number): Promise<string> {
  const declared = Number(req.get('content-length') ?? 0)
  if (declared > limitBytes) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limitBytes) {
        req.removeAllListeners('data')
        req.resume()
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const tooLarge = () => new ApiError(413, 'payload_too_large', 'Request body is too large.')
