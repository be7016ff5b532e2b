import { APIError, type CollectionBeforeOperationHook } from 'payload'

/** Set by Payload itself on every write; what a client sends for them is ignored. */
const SERVER_MANAGED = ['createdAt', 'updatedAt'] as const

/**
 * Writes from REST and GraphQL: a body that is JSON but not an object (`null`, `false`, `"x"`,
 * `[]`) would crash deep inside Payload's field hooks, and a client-sent `createdAt`/`updatedAt`
 * out of the date range (like any date field's) would crash the database adapter, both with a 500. Refuse the first with a
 * 400 in Payload's error shape; drop the second (Payload sets them). Strings holding U+0000, which
 * Postgres cannot store, are refused with a 400 naming the field. The Local API (seed, ingestion)
 * is trusted and left alone. Found by the fuzz tests in tests/int/fuzz.
 */
export const sanitizeWriteData: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data: unknown = (args as { data?: unknown }).data
  if (data === undefined || req.payloadAPI === 'local') return args
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new APIError('The request body must be a JSON object of field values.', 400)
  }
  for (const field of SERVER_MANAGED) delete (data as Record<string, unknown>)[field]
  // A date out of range (a number like 1e20) would crash the database adapter: refuse it by name.
  for (const field of collection.flattenedFields) {
    if (field.type !== 'date') continue
    const value = (data as Record<string, unknown>)[field.name]
    if (value === undefined || value === null || value === '') continue
    const time =
      typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN
    if (Number.isNaN(time)) throw new APIError(`${field.name} is not a valid date.`, 400)
  }
  const nul = pathOfNulCharacter(data)
  if (nul !== undefined) {
    throw new APIError(`${nul || 'A value'} contains a NUL character, which cannot be stored.`, 400)
  }
  return args
}

/** Where a string holding U+0000 is (Postgres text cannot store it), as `a.b.0`; else undefined. */
function pathOfNulCharacter(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (typeof value !== 'object' || value === null || depth > 32) return undefined
  for (const [key, child] of Object.entries(value)) {
    const found = pathOfNulCharacter(child, path ? `${path}.${key}` : key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
