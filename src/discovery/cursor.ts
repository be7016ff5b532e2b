/**
 * Pagination cursors: the sort values of the last hit (Elasticsearch `search_after`) plus a
 * fingerprint of the query they belong to, signed with HMAC-SHA256. A client cannot forge one,
 * alter one, or reuse one with a different query; any of those is a 400, never a 500.
 * `search_after` keeps pages stable while documents are added or removed, where offsets would
 * skip or repeat results.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

import { ApiError } from './errors'

type SortValue = string | number | boolean | null

const payloadSchema = z.strictObject({
  /** search_after values. */
  a: z.array(z.union([z.string().max(512), z.number(), z.boolean(), z.null()])).max(8),
  /** Query fingerprint. */
  q: z.string().max(32),
})

/** A short, stable fingerprint of the parameters a cursor is bound to. */
export function queryFingerprint(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16)
}

function sign(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url')
}

export function encodeCursor(secret: string, after: SortValue[], fingerprint: string): string {
  const data = Buffer.from(JSON.stringify({ a: after, q: fingerprint })).toString('base64url')
  return `${data}.${sign(secret, data)}`
}

const invalid = (message: string) =>
  new ApiError(400, 'invalid_cursor', message, [{ path: 'cursor', message }])

/** The sort values to continue after; throws a 400 for anything not issued for this query. */
export function decodeCursor(secret: string, cursor: string, fingerprint: string): SortValue[] {
  const [data, signature, ...rest] = cursor.split('.')
  if (!data || !signature || rest.length) throw invalid('The cursor is malformed.')
  const expected = Buffer.from(sign(secret, data))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid('The cursor was not issued by this API or has been altered.')
  }
  let parsed: z.output<typeof payloadSchema>
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(data, 'base64url').toString('utf8')))
  } catch {
    throw invalid('The cursor is malformed.')
  }
  if (parsed.q !== fingerprint) {
    throw invalid('The cursor belongs to a different query or filters; start from the first page.')
  }
  return parsed.a
}
