import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '../access/roles'

export const READ_LIMITS = {
  public: { maxLimit: 100, maxDepth: 2 },
  staff: { maxLimit: 1000, maxDepth: 5 },
} as const

/** The paging arguments of find / findByID, as they arrive from REST, GraphQL or the Local API. */
type ReadArgs = {
  depth?: number | string
  limit?: number | string
  overrideAccess?: boolean
  pagination?: boolean | string
}

/**
 * Caps what one external read may cost. Public and viewers get at most 100 documents per page and a
 * shallow depth; editors and admins up to 1,000. `limit=0` and `pagination=false` (which mean "all")
 * are clamped to the cap rather than refused, so existing clients keep working. Trusted server code
 * (Local API with overrideAccess) is not limited.
 */
export const clampReadLimits: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const read = args as ReadArgs
  if (operation !== 'read' || read.overrideAccess) return args
  const { maxLimit, maxDepth } = isStaffUser(req.user) ? READ_LIMITS.staff : READ_LIMITS.public
  const clamped: ReadArgs = {}
  const limit = Number(read.limit)
  if (read.pagination === false || read.pagination === 'false') {
    clamped.pagination = true
    clamped.limit = maxLimit
  } else if (
    read.limit !== undefined &&
    (!Number.isFinite(limit) || limit <= 0 || limit > maxLimit)
  ) {
    clamped.limit = maxLimit
  }
  if (read.depth !== undefined && Number(read.depth) > maxDepth) clamped.depth = maxDepth
  return { ...args, ...clamped }
}
