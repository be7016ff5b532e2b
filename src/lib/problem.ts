/**
 * RFC 9457 problem details: the one error body MediaMesh's own routes (discovery, the search
 * preview, ops routes, requests Node refuses) answer with. Payload's routes keep Payload's shape.
 *
 * Each kind of error has a stable `type` URI, `/discovery/docs/problems#<code>` (a relative
 * reference, resolved against the request URL per RFC 9457 §3.1.1), documented on that page and in
 * the README. Extension members: `code` (the same kind, as a short string), `details` (the field
 * list of a 400, the retry delay of a 429/503), `requestId` (what our logs are keyed by) and, for
 * clients written before problem details, `error: { code, message, details }`.
 */
import { STATUS_CODES } from 'node:http'

import type { Request, Response } from 'express'

export interface ProblemKind {
  status: number
  title: string
  /** When it happens and what to do: the problem types page shows it. */
  description: string
}

/** Every error code our routes answer with. A new code needs an entry here (the page lists it). */
export const PROBLEM_KINDS = {
  invalid_query: {
    status: 400,
    title: 'Invalid query parameters',
    description:
      'A query parameter is unknown, malformed or out of range; `details` lists each `{ path, message }`.',
  },
  invalid_path: {
    status: 400,
    title: 'Invalid path parameter',
    description: 'A slug or typed id in the path is malformed; `details` names it.',
  },
  invalid_body: {
    status: 400,
    title: 'Invalid request body',
    description: 'The JSON body does not match the schema; `details` lists each field.',
  },
  invalid_cursor: {
    status: 400,
    title: 'Invalid cursor',
    description:
      'The cursor was altered, forged, expired, or used with another query: start from the first page.',
  },
  invalid_json: {
    status: 400,
    title: 'Malformed JSON',
    description: 'The request body is not valid JSON.',
  },
  bad_request: {
    status: 400,
    title: 'Bad request',
    description: 'The request could not be processed as sent.',
  },
  malformed_request: {
    status: 400,
    title: 'Malformed HTTP request',
    description: 'The bytes received are not valid HTTP; the connection is closed.',
  },
  invalid_api_key: {
    status: 401,
    title: 'Unknown API key',
    description: 'The `X-Api-Key` header holds a key that is not configured. Omit it or fix it.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    description: 'Log in to the admin panel first (cookie or `Authorization` header).',
  },
  unauthorized: {
    status: 401,
    title: 'Token required',
    description: 'A valid bearer token is required (metrics: `METRICS_TOKEN`).',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    description: 'Signed in, but the role does not allow this (editors and admins only).',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'No such route, or no such published item.',
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    description: 'The route exists but not with this method; `Allow` lists the methods it takes.',
  },
  request_timeout: {
    status: 408,
    title: 'Request timeout',
    description: 'The request took too long to arrive; the connection is closed.',
  },
  ambiguous_slug: {
    status: 409,
    title: 'Ambiguous slug',
    description:
      'Several programs have an episode with this slug; `details` lists them, `?program=` picks one.',
  },
  payload_too_large: {
    status: 413,
    title: 'Body too large',
    description: 'The request body is over the limit of the route.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    description: 'Send the body as `application/json`.',
  },
  headers_too_large: {
    status: 431,
    title: 'Headers too large',
    description: 'The request line or headers are over the limit; the connection is closed.',
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    description:
      'The rate limit of the route is spent; wait `Retry-After` seconds (also `details.retryAfterSeconds`).',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    description: 'A bug on our side; the `requestId` finds it in our logs.',
  },
  search_unavailable: {
    status: 503,
    title: 'Search unavailable',
    description:
      'Elasticsearch cannot answer and no cached answer exists; retry after `Retry-After` seconds.',
  },
} as const satisfies Record<string, ProblemKind>

export type ProblemCode = keyof typeof PROBLEM_KINDS

/** Where the problem types are documented (served by the discovery docs). */
export const PROBLEM_TYPES_PATH = '/discovery/docs/problems'

export const problemType = (code: string, typesPath = PROBLEM_TYPES_PATH) => `${typesPath}#${code}`

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export interface ProblemInput {
  status: number
  code: string
  detail: string
  details?: unknown
  /** The path the problem happened at (no query string: it may hold what the user typed). */
  instance?: string
  requestId?: string
  /** Where the problem types page is served, when not at PROBLEM_TYPES_PATH (another base path). */
  typesPath?: string
}

/** The body of a problem; a code missing from PROBLEM_KINDS gets the HTTP reason as title. */
export function problemBody({
  status,
  code,
  detail,
  details,
  instance,
  requestId,
  typesPath,
}: ProblemInput) {
  const kind = (PROBLEM_KINDS as Record<string, ProblemKind>)[code]
  return {
    type: problemType(code, typesPath),
    title: kind?.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(instance ? { instance } : {}),
    code,
    ...(details === undefined ? {} : { details }),
    ...(requestId ? { requestId } : {}),
    error: { code, message: detail, ...(details === undefined ? {} : { details }) },
  }
}

/** Answers `req` with a problem. */
export function sendProblem(
  req: Request,
  res: Response,
  problem: Omit<ProblemInput, 'instance' | 'requestId'>,
): void {
  const requestId = res.getHeader('X-Request-Id') ?? req.get('x-request-id')
  const body = problemBody({
    ...problem,
    instance: req.originalUrl.split('?')[0],
    requestId: typeof requestId === 'string' ? requestId : undefined,
  })
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body))
}
