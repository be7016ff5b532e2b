/**
 * Requests to Payload's REST API that would crash inside Payload with a 500 (or a 501 naming an
 * internal URL) are answered here first with a 4xx in Payload's error shape. Found by the outside
 * test of issue 21 and by the CMS fuzz (tests/int/fuzz/cms.fuzz.test.ts):
 *
 * - a body that is neither JSON nor multipart (text/plain, urlencoded): Payload leaves `req.data`
 *   undefined and its operations crash on it. 415. (Payload's own "method override" requests,
 *   urlencoded search parameters under `X-Payload-HTTP-Method-Override: GET`, stay allowed.)
 * - `?where=` that is not a JSON object: Payload's JSON.parse throws. 400.
 * - a media file name that tries to leave the folder (`..%252f...`) or is badly encoded. 400.
 * - multipart to GraphQL: Payload's GraphQL route lets its parser's errors escape (empty 500). 415.
 * - collections without REST endpoints (`payload-migrations`): Payload answers 501 with its own
 *   internal URL. 404.
 */
import type { Request, RequestHandler, Response } from 'express'

import { isJsonContentType } from '../lib/contentType'
import { MEDIA_FILE_PATH } from './mediaCaching'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const ACCEPTED_BODY = /^(application\/(?:[\w.+-]+\+)?json|multipart\/form-data)\s*(?:;|$)/i

function refuse(res: Response, status: number, message: string): void {
  res.status(status).json({ errors: [{ message }] })
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length']
  if (req.headers['transfer-encoding']) return true
  return length !== undefined && Number(length) > 0
}

function isMethodOverride(req: Request): boolean {
  const override =
    req.headers['x-payload-http-method-override'] ?? req.headers['x-http-method-override']
  return String(override ?? '').toUpperCase() === 'GET'
}

/** A body Payload can read: JSON or multipart (or none at all). */
export function unsupportedBody(req: Request): boolean {
  if (!WRITE_METHODS.has(req.method)) return false
  const type = req.headers['content-type'] ?? ''
  // No body and no declared type (logout, "Fetch now"): nothing to read. A declared type is
  // checked even with an empty body: Payload would read no data from it and crash on creates.
  if (!hasBody(req) && type.trim() === '') return false
  // Multipart without a boundary or without a body cannot be parsed: the parser would throw.
  if (/^multipart\/form-data/i.test(type)) return !hasBody(req) || !/;\s*boundary=\S/i.test(type)
  if (ACCEPTED_BODY.test(type)) return false
  return !(isMethodOverride(req) && /^application\/x-www-form-urlencoded/i.test(type))
}

/** `where` given as one JSON string (rather than where[field][op]=...) must be a JSON object. */
export function malformedWhere(url: string): boolean {
  const raw = new URL(url, 'http://host.invalid').searchParams.get('where')
  if (raw === null || raw === '') return false
  try {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)
  } catch {
    return true
  }
}

/** A stored file's name is one path segment: no separators and no `..`, however encoded. */
export function unsafeFileName(rawName: string): boolean {
  let name = rawName
  // Decoded up to three times: each layer (Express, Next, Payload's router) may decode once.
  for (let round = 0; round < 3; round++) {
    if (/[/\\\0]/.test(name) || name === '.' || name.includes('..')) return true
    if (!name.includes('%')) return false
    try {
      name = decodeURIComponent(name)
    } catch {
      // Only the first layer must be valid percent-encoding; a literal % later is just a %.
      return round === 0
    }
  }
  return /[/\\\0]/.test(name) || name.includes('..')
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

export function apiRequestGuards(options: { collectionsWithoutApi: string[] }): RequestHandler {
  const hidden = new Set(options.collectionsWithoutApi)
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) return next()
    if (req.path.startsWith(MEDIA_FILE_PATH)) {
      const rawName = req.originalUrl.split('?')[0]!.slice(MEDIA_FILE_PATH.length)
      if (unsafeFileName(rawName)) return refuse(res, 400, 'Invalid file name.')
    }
    // Payload's endpoint matcher decodes path parameters and answers a 500 when it cannot.
    if (!isDecodable(req.path)) return refuse(res, 400, 'The path is not valid percent-encoding.')
    const slug = req.path.split('/')[2] ?? ''
    if (hidden.has(slug)) return refuse(res, 404, 'Not found.')
    // Payload's GraphQL route does not catch its multipart parser's errors (an empty 500), and
    // graphql-http answers other types with a plain-text 415. MediaMesh uploads files through
    // REST only: GraphQL POSTs take JSON.
    if (
      req.path === '/api/graphql' &&
      req.method === 'POST' &&
      !isJsonContentType(req.headers['content-type'])
    ) {
      return refuse(res, 415, 'Send GraphQL requests as application/json.')
    }
    if (unsupportedBody(req)) {
      return refuse(res, 415, 'Send the request body as application/json or multipart/form-data.')
    }
    if (malformedWhere(req.originalUrl)) {
      return refuse(res, 400, 'where must be a JSON object, or given as where[field][operator]=.')
    }
    next()
  }
}
