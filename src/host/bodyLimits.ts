import type { IncomingMessage } from 'node:http'

import type { Request, RequestHandler, Response } from 'express'

export interface BodyLimits {
  /** JSON, urlencoded and other non-multipart bodies of the CMS API. */
  jsonBytes: number
  /** Login, logout, unlock, forgot- and reset-password, whatever the content type. */
  authBytes: number
  /** POST /api/graphql, whatever the content type. */
  graphqlBytes: number
}

const AUTH_ROUTE =
  /^\/api\/[^/]+\/(login|logout|refresh-token|forgot-password|reset-password|unlock|first-register|verify)(\/|$)/

/** The body each request may carry, or undefined where only Payload's upload limit applies. */
export function bodyLimitFor(path: string, contentType: string, limits: BodyLimits) {
  if (!path.startsWith('/api/')) return undefined
  if (path === '/api/graphql' || path.startsWith('/api/graphql/')) {
    return { bytes: limits.graphqlBytes, setting: 'HTTP_GRAPHQL_BODY_MAX_BYTES' }
  }
  if (AUTH_ROUTE.test(path)) return { bytes: limits.authBytes, setting: 'HTTP_AUTH_BODY_MAX_BYTES' }
  // Uploads stream to temporary files under Payload's own limit (upload.requestSizeLimit).
  if (/^multipart\/form-data\b/i.test(contentType)) return undefined
  return { bytes: limits.jsonBytes, setting: 'HTTP_JSON_BODY_MAX_BYTES' }
}

const bodies = new WeakMap<IncomingMessage, Buffer>()

/** The whole body of a request that went through `limitBodies` (for a guard that must read it). */
export function bufferedBody(req: IncomingMessage): Buffer | undefined {
  return bodies.get(req)
}

/**
 * Refuses a CMS API body over its route's limit with a 413 in Payload's error shape, before Next or
 * Payload parse a byte of it: at once when Content-Length says so, otherwise (chunked bodies) as
 * soon as the streamed bytes pass the limit. A body under the limit is held until it has fully
 * arrived (at most the limit, a few KiB to MiB), then handed on unchanged.
 */
export function limitBodies(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    const limit = bodyLimitFor(req.path, req.headers['content-type'] ?? '', limits)
    const declared = req.headers['content-length']
    const chunked = req.headers['transfer-encoding'] !== undefined
    if (!limit || (!chunked && (declared === undefined || declared === '0'))) return next()
    if (!chunked && Number(declared) > limit.bytes) return refuse(res, limit)
    holdBody(req, limit.bytes, (body) => {
      if (!body) return refuse(res, limit)
      // Payload answers a JSON body it cannot parse with a 500: answer 400 instead.
      if (/^application\/json\b/i.test(req.headers['content-type'] ?? '') && !isJson(body)) {
        res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.' }] })
        return
      }
      bodies.set(req, body)
      next()
    })
  }
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'))
    return true
  } catch {
    return false
  }
}

function refuse(res: Response, limit: { bytes: number; setting: string }): void {
  if (res.headersSent) return
  // The rest of the body is not read: the connection is closed after the answer.
  res.setHeader('Connection', 'close')
  res.status(413).json({
    errors: [
      {
        message: `The request body is larger than ${limit.bytes} bytes (${limit.setting}).`,
      },
    ],
  })
}

/**
 * Collects the body as Node's HTTP parser pushes it into the request stream, without consuming the
 * stream: when it ends, the bytes are pushed on unchanged for whoever reads the request next. Over
 * `maxBytes`, the rest is dropped and `done(undefined)` is called at once.
 */
function holdBody(req: Request, maxBytes: number, done: (body: Buffer | undefined) => void): void {
  // Answer outside Node's HTTP parser callback, which is where pushes happen.
  const settle = (body: Buffer | undefined): void => void setImmediate(() => done(body))
  // Bytes that arrived with the headers may already sit in the stream's buffer: peek at them (read
  // takes them out, unshift puts them back before anyone else can read).
  const already = req.readableLength > 0 ? (req.read() as Buffer | null) : null
  if (already) req.unshift(already)
  const chunks: Buffer[] = already ? [Buffer.from(already)] : []
  let size = already?.length ?? 0
  if (size > maxBytes) return settle(undefined)
  if (req.complete) return settle(Buffer.concat(chunks))
  const held: Buffer[] = []
  const push = req.push.bind(req)
  let refused = false
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (refused) return true // over the limit: drop the rest
    if (chunk === null) {
      req.push = push
      for (const buffer of held) push(buffer)
      push(null)
      settle(Buffer.concat([...chunks, ...held]))
      return false
    }
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding)
    size += buffer.length
    if (size > maxBytes) {
      refused = true
      held.length = 0
      settle(undefined)
      return true
    }
    held.push(buffer)
    return true
  }
}
