/**
 * Bounds on what one external query may ask of the database: the number of `where` conditions and
 * the length of joined field paths (src/hooks/boundWhere.ts), for every collection.
 */
import type { Config } from 'payload'

import { boundWhere, type WhereBounds } from '../hooks/boundWhere'

export interface QueryBoundsOptions {
  /**
   * Conditions in one `where`, and/or trees included.
   * @default 30
   */
  maxWhereConditions?: number
  /**
   * Segments of one `where` or `sort` field path.
   * @default 3
   */
  maxWherePathSegments?: number
}

export const queryBounds =
  (options: QueryBoundsOptions = {}) =>
  (config: Config): Config => {
    const bounds: WhereBounds = {
      maxConditions: options.maxWhereConditions ?? 30,
      maxPathSegments: options.maxWherePathSegments ?? 3,
    }
    const hook = boundWhere(bounds)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [hook, ...(collection.hooks?.beforeOperation ?? [])],
        },
      })),
    }
  }
