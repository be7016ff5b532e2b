import { pino, type Level, type Logger } from 'pino'
import { build as prettyStream } from 'pino-pretty'

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

// Drizzle puts a failed query's bound values into the error message ("params: ..."); those can be
// password hashes, tokens or personal data, so they never reach the logs.
const QUERY_PARAMS = /\nparams: [^\n]*/g
const withoutQueryParams = (text: unknown) =>
  typeof text === 'string' ? text.replace(QUERY_PARAMS, '\nparams: [redacted]') : text

/** pino's error serializer, minus the bound values of failed queries wherever they appear. */
export function serializeError(error: Error) {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>
  serialized.message = withoutQueryParams(serialized.message)
  serialized.stack = withoutQueryParams(serialized.stack)
  // DrizzleQueryError also carries them as an enumerable `params` property.
  if ('params' in serialized) serialized.params = '[redacted]'
  const cause = serialized.cause
  if (cause && typeof cause === 'object') {
    // A copy: the serializer must not change the error object it was given.
    const copy: Record<string, unknown> = { ...(cause as Record<string, unknown>) }
    if ('params' in copy) copy.params = '[redacted]'
    if ('parameters' in copy) copy.parameters = '[redacted]'
    serialized.cause = copy
  }
  return serialized
}

/** How the process logs: set by the host (this app: LOG_LEVEL and LOG_FORMAT, in payload.config.ts). */
export interface LoggerSettings {
  /** @default 'info' */
  level?: Level | 'silent'
  /** Payload's human-readable development format instead of one JSON object per line. @default false */
  pretty?: boolean
}

function createLogger({ level = 'info', pretty = false }: LoggerSettings = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'mediamesh' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      mixin() {
        const reqId = currentRequestId()
        return reqId ? { reqId } : {}
      },
    },
    pretty
      ? // Payload's own development format; `service` and the host's name add nothing on a laptop.
        prettyStream({
          colorize: Boolean(process.stdout.isTTY),
          ignore: 'pid,hostname,service',
          translateTime: 'SYS:HH:MM:ss',
          sync: true,
        })
      : // Asynchronous writes (lines written together when stdout is ready) instead of one blocking
        // write per line. flushLogs() drains them on shutdown and before a fatal exit.
        pino.destination({ dest: 1, sync: false }),
  )
}

/**
 * The one pino logger of the process, shared with Payload (payload.config.ts passes it in). Every
 * line written while handling a request carries that request's `reqId`, including lines written by
 * Payload and by jobs the request caused, because the id is read from the async context.
 *
 * JSON at `info` until the host calls `configureLogger`: MediaMesh reads no environment. A live
 * binding, so every module that imported it logs through the configured one.
 */
export let logger: Logger = createLogger()

/** Replaces the process's logger (the host does, once, before building its Payload config). */
export function configureLogger(settings: LoggerSettings): Logger {
  logger.flush()
  logger = createLogger(settings)
  return logger
}

/** Writes out buffered log lines; call before the process exits. */
export function flushLogs(): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()))
}
