import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Access, Where } from 'payload'

import { isStaffUser } from './roles'

/**
 * Media has no publish state of its own: a file becomes public when published, due content uses it.
 * One indexed query collects those ids. Column names follow db-postgres' naming of the upload fields
 * (programs.coverImage, episodes.media, episodes.thumbnail).
 */
const PUBLIC_MEDIA_IDS_SQL = `
  SELECT cover_image_id AS id FROM programs
   WHERE _status = 'published' AND published_at <= now() AND cover_image_id IS NOT NULL
  UNION
  SELECT unnest(ARRAY[e.media_id, e.thumbnail_id]) FROM episodes e
    JOIN programs p ON p.id = e.program_id
   WHERE e._status = 'published' AND e.published_at <= now()
     AND p._status = 'published' AND p.published_at <= now()`

// Matches no row: ids are never null. Used instead of `in: []`, whose SQL varies by adapter.
const NOTHING: Where = { id: { exists: false } }

// One request that populates 20 covers checks media access 20 times: answer them all with one query.
const perRequest = new WeakMap<object, Promise<Where>>()

async function publicMediaWhere(pool: PostgresAdapter['pool']): Promise<Where> {
  const { rows } = await pool.query<{ id: number | null }>(PUBLIC_MEDIA_IDS_SQL)
  const ids = rows.flatMap((row) => (row.id === null ? [] : [row.id]))
  return ids.length ? { id: { in: ids } } : NOTHING
}

export const publicMediaOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  let where = perRequest.get(req)
  if (!where) {
    where = publicMediaWhere((req.payload.db as unknown as PostgresAdapter).pool)
    perRequest.set(req, where)
  }
  return where
}
