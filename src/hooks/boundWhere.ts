import { APIError, type CollectionBeforeOperationHook } from 'payload'

export interface WhereBounds {
  /** Conditions (field + operator pairs) in one `where`, and/or trees included. */
  maxConditions: number
  /** Segments of one field path (`program.categories.slug` has 3). */
  maxPathSegments: number
}

/** and/or nesting deeper than this is refused whatever the settings (no honest query needs it). */
const MAX_NESTING = 8

/**
 * The first bound a `where` (and `sort`) breaks, as a sentence naming the setting, or undefined.
 * Each condition is one SQL predicate and each path segment after the first may join a table: 150
 * conditions over a four-table path took seconds per request.
 */
export function whereBoundExceeded(
  where: unknown,
  sort: unknown,
  bounds: WhereBounds,
): string | undefined {
  let conditions = 0
  let problem: string | undefined
  const checkPath = (path: string) => {
    const segments = path.replace(/^-/, '').split('.').length
    if (segments > bounds.maxPathSegments && !problem) {
      problem = `The field path "${path.slice(0, 100)}" has ${segments} segments; at most ${bounds.maxPathSegments} are allowed (WHERE_MAX_PATH_SEGMENTS).`
    }
  }
  const walk = (node: unknown, nesting: number): void => {
    if (problem || !node || typeof node !== 'object') return
    if (nesting > MAX_NESTING) {
      problem = `The where clause nests and/or more than ${MAX_NESTING} levels deep.`
      return
    }
    for (const [key, value] of Object.entries(node)) {
      if (/^(and|or)$/i.test(key)) {
        // Arrays, or objects with numeric keys (query strings past qs's array limit).
        const branches = value && typeof value === 'object' ? Object.values(value) : []
        for (const branch of branches) walk(branch, nesting + 1)
        continue
      }
      checkPath(key)
      conditions += value && typeof value === 'object' ? Math.max(1, Object.keys(value).length) : 1
    }
  }
  walk(where, 0)
  for (const field of typeof sort === 'string'
    ? sort.split(',')
    : Array.isArray(sort)
      ? sort
      : []) {
    if (typeof field === 'string') checkPath(field.trim())
  }
  if (problem) return problem
  if (conditions > bounds.maxConditions) {
    return `The where clause has ${conditions} conditions; at most ${bounds.maxConditions} are allowed (WHERE_MAX_CONDITIONS).`
  }
  return undefined
}

/**
 * Refuses a REST or GraphQL read, count or bulk write whose `where` (query string, method-override
 * body or GraphQL argument alike: Payload has parsed them all by now) is over the bounds, with a
 * 400 naming the limit, before it reaches the database. The Local API is not bounded.
 */
export const boundWhere =
  (bounds: WhereBounds): CollectionBeforeOperationHook =>
  ({ args, req }) => {
    if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
    const { where, sort } = args as { where?: unknown; sort?: unknown }
    const exceeded = whereBoundExceeded(where, sort, bounds)
    if (exceeded) throw new APIError(exceeded, 400, undefined, true)
    return args
  }
