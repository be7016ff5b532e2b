import type { AfterErrorHook } from 'payload'

type PgError = { code?: string; detail?: string; column?: string; message?: string }

/** The Postgres error behind a Drizzle/Payload error, if there is one. */
function postgresErrorOf(error: unknown): PgError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgError & { cause?: unknown }
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate
    current = candidate.cause
  }
  return undefined
}

/** Network errors of a connection that could not be made or was cut. */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

/**
 * The database could not be reached, or is shutting down or starting (SQLSTATE classes 08 and
 * 57P): a 503, not the 500 of a bug. Anywhere in the error's cause chain.
 */
function isDatabaseUnavailable(error: unknown, databasePort: number): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message, port, cause } = current as {
      code?: unknown
      message?: unknown
      port?: unknown
      cause?: unknown
    }
    if (typeof code === 'string' && /^(08...|57P0[1-3])$/.test(code)) return true
    if (typeof code === 'string' && CONNECTION_ERRORS.has(code) && port === databasePort) {
      return true
    }
    if (typeof message === 'string' && /^Connection terminated/.test(message)) return true
    current = cause
  }
  return false
}

/** `cover_image_id` / `version_program_id` / `categories_id` → `coverImage` / `program` / `categories`. */
export function fieldPathFromColumn(column: string): string {
  return column
    .replace(/^version_/, '')
    .replace(/_id$/, '')
    .replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

const INVALID_INPUT: Record<string, string> = {
  '22P02': 'has a value of the wrong type',
  '22003': 'is out of range',
  '22001': 'is too long',
  '22007': 'is not a valid date',
  '22008': 'is not a valid date',
  '22021': 'contains a character that cannot be stored',
  // A `where` operator the column type has none of (e.g. `contains` on a select field's enum).
  '42883': 'cannot be queried with that operator',
}

/**
 * Bad input that only the database catches (an id that does not exist, a value of the wrong type
 * in a draft, which Payload does not validate) would otherwise surface as a 500. Turn it into the
 * same 400 shape as Payload's own ValidationError, naming the field. The transaction has already
 * been rolled back, so nothing was half-written.
 *
 * `databasePort`: the database server's port; a connection error to any other port (S3, say) is
 * not the database's.
 */
export const translateDatabaseErrors =
  ({ databasePort }: { databasePort: number }): AfterErrorHook =>
  ({ collection, error }) => {
    if (isDatabaseUnavailable(error, databasePort)) {
      return errorResult(
        503,
        'ServiceUnavailable',
        'The database is unavailable; nothing was changed. Retry shortly.',
        collection?.slug,
      )
    }
    const pgError = postgresErrorOf(error)
    if (!pgError?.code) return
    const key = pgError.detail?.match(/Key \(([^)]+)\)=\(([^)]*)\)/)
    const column = key?.[1] ?? pgError.column

    if (pgError.code === '23503') {
      const path = column ? fieldPathFromColumn(column) : undefined
      const isDelete = /still referenced/.test(pgError.detail ?? '')
      if (isDelete) {
        return errorResult(
          409,
          'APIError',
          'This document is still referenced by other documents.',
          collection?.slug,
        )
      }
      const message = `${path ?? 'A relationship'} refers to a document that does not exist (id ${key?.[2] ?? '?'}).`
      return errorResult(400, 'ValidationError', message, collection?.slug, path)
    }
    const problem = INVALID_INPUT[pgError.code]
    if (problem) {
      const path = column ? fieldPathFromColumn(column) : undefined
      return errorResult(
        400,
        'ValidationError',
        `${path ?? 'A field'} ${problem}.`,
        collection?.slug,
        path,
      )
    }
    return undefined
  }

function errorResult(
  status: number,
  name: string,
  message: string,
  collection?: string,
  path?: string,
) {
  return {
    status,
    response: {
      errors: [{ name, message, data: { collection, errors: path ? [{ path, message }] : [] } }],
    },
  }
}
