import type { ErrorRequestHandler } from 'express'

import { sendProblem } from '../lib/problem'
import { logger } from '../observability/logger'

/**
 * The one error type discovery handlers throw; rendered as RFC 9457 problem details
 * (src/lib/problem.ts): `code` picks the problem type, `message` is the `detail`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Headers the answer keeps (`Allow` of a 405, the rate-limit state of a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * Turns anything thrown into a problem details answer. Known client errors keep their status; body
 * parser errors (malformed JSON, too large) become 400/413; everything else is a 500 with no
 * internals in the response (the log line, tied to the request id, has the details).
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const apiError = toApiError(error)
  // 503s are expected during an outage and already logged where the dependency failed.
  if (apiError.status >= 500 && apiError.status !== 503) {
    logger.error({ err: error, path: req.originalUrl }, 'discovery error')
  }
  res.set(apiError.headers)
  sendProblem(req, res, {
    status: apiError.status,
    code: apiError.code,
    detail: apiError.message,
    details: apiError.details,
  })
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const status = (error as { status?: unknown; type?: unknown })?.status
  const type = (error as { type?: unknown })?.type
  if (type === 'entity.parse.failed')
    return new ApiError(400, 'invalid_json', 'Request body is not valid JSON.')
  if (type === 'entity.too.large')
    return new ApiError(413, 'payload_too_large', 'Request body is too large.')
  if (status === 404) return new ApiError(404, 'not_found', 'Not found.')
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, 'bad_request', 'The request could not be processed.')
  }
  return new ApiError(
    500,
    'internal_error',
    'Something went wrong. The request id identifies it in our logs.',
  )
}
