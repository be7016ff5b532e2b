import { pino } from 'pino'

import { env } from '../env'
import { currentRequestId } from './requestContext'

/**
 * Paths pino replaces with `[redacted]` wherever they appear in a log object. Payload logs whole
 * documents and errors in places, so credentials are scrubbed by name rather than by call site.
 */
export const REDACTED_PATHS = [
  'password',
  'confirmPassword',
  'token',
  'apiKey',
  'authorization',
  'cookie',
  'secret',
  '*.password',
  '*.confirmPassword',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.cookie',
  '*.secret',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
]

/**
 * The one pino logger of the process, shared with Payload (payload.config.ts passes it in). Every
 * line written while handling a request carries that request's `reqId`, including lines written by
 * Payload and by jobs the request caused, because the id is read from the async context.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: 'mediamesh' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  mixin() {
    const reqId = currentRequestId()
    return reqId ? { reqId } : {}
  },
})
