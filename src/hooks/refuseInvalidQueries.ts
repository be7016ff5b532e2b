import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'

/** Highest page number accepted: far beyond any real listing, and an OFFSET Postgres can take. */
export const MAX_PAGE = 1_000_000

/** Operators that only apply to point (geo) fields; our collections have none. */
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

type QueryArgs = { page?: unknown; where?: unknown }

/** The first problem in a `where`, or undefined. Checks shape and geo operators only. */
export function whereProblem(
  where: unknown,
  pointFields: Set<string>,
  depth = 0,
  hasManyFields: Set<string> = new Set(),
): string | undefined {
  if (depth > 32) return 'where is nested too deeply.'
  if (typeof where !== 'object' || where === null || Array.isArray(where)) {
    return 'where must be an object of field conditions.'
  }
  for (const [key, condition] of Object.entries(where as Where)) {
    // Payload reads and/or in any case (GraphQL sends AND/OR).
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      // A query string parses long lists (over 20 items) as objects with numeric keys.
      const parts: unknown[] = Array.isArray(condition)
        ? condition
        : typeof condition === 'object' && condition !== null
          ? Object.values(condition)
          : []
      if (parts.length === 0 && !Array.isArray(condition)) {
        return `where.${key} must be a list of conditions.`
      }
      for (const part of parts) {
        const problem = whereProblem(part, pointFields, depth + 1, hasManyFields)
        if (problem) return problem
      }
      continue
    }
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      return `where[${key}] must name an operator, e.g. where[${key}][equals]=...`
    }
    for (const operator of Object.keys(condition)) {
      if (GEO_OPERATORS.has(operator) && !pointFields.has(key)) {
        return `where[${key}][${operator}]: ${operator} applies only to point fields.`
      }
      // The Postgres adapter implements `all` only for fields holding several values.
      if (operator === 'all' && !hasManyFields.has(key.split('.')[0]!)) {
        return `where[${key}][all]: all applies only to fields with several values.`
      }
    }
  }
  return undefined
}

/**
 * Writes without data, and query arguments Payload passes to the database unchecked, where they fail with a 500: a page
 * below 1 (a negative OFFSET) or not a whole number, a `where` that is not an object of
 * conditions, a geo operator (`near`) on a field that is not a point. A 400 naming the problem
 * instead, for REST and GraphQL alike. Found by the outside test of issue 21 and the CMS fuzz.
 */
export const refuseInvalidQueries: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (req.payloadAPI === 'local') return args
  // A create or update whose body Payload could not read as data (empty, or sent as text/plain or
  // an empty multipart): Payload's field hooks would crash on the missing data with a 500.
  if (
    (operation === 'create' || operation === 'update' || operation === 'updateByID') &&
    (args as { data?: unknown }).data === undefined &&
    !req.file
  ) {
    throw new APIError(
      'The request has no data: send it as application/json (or multipart/form-data with _payload).',
      400,
      undefined,
      true,
    )
  }
  const { page, where } = args as QueryArgs
  if (page !== undefined && page !== null && page !== '') {
    const value = Number(page)
    if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE) {
      throw new APIError(`page must be a whole number from 1 to ${MAX_PAGE}.`, 400, undefined, true)
    }
  }
  if (where !== undefined && where !== null) {
    const points = new Set(
      collection.flattenedFields.filter((f) => f.type === 'point').map((f) => f.name),
    )
    const hasMany = new Set(
      collection.flattenedFields
        .filter((f) => 'hasMany' in f && f.hasMany === true)
        .map((f) => f.name),
    )
    const problem = whereProblem(where, points, 0, hasMany)
    if (problem) throw new APIError(problem, 400, undefined, true)
  }
  return args
}
