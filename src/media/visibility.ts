/**
 * Media has no publish state of its own: a file is public from the moment published content that
 * uses it becomes public (a program's cover; an episode's file or thumbnail, once the episode and
 * its program are both published and due). That moment is kept on the media row (`publicFrom`),
 * recomputed in the same transaction as every program or episode change, so public reads of media
 * are one indexed comparison instead of a scan of every episode.
 *
 * The computation reads the collections' main tables, which hold the published state (draft saves
 * of published documents live in the versions tables and do not change visibility).
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { slugOf, type CatalogueCollection } from '../lib/catalogueSlugs'
import { publishedSql } from '../lib/publication'

type Owner = 'programs' | 'episodes'

/**
 * The main table of a MediaMesh collection in this app: Payload names it after the slug the host
 * chose (snake case; slugs are lowercase letters, digits and `-`, checked by the options).
 */
function table(req: PayloadRequest, collection: CatalogueCollection): string {
  const key = slugOf(req.payload, collection).replace(/-/g, '_')
  const adapter = req.payload.db as unknown as PostgresAdapter
  return `"${adapter.tableNameMap.get(key) ?? key}"`
}

/** The database handle of `req`'s transaction, or the pool when it has none. */
async function database(req: PayloadRequest) {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  return (transactionID ? adapter.sessions[transactionID]?.db : undefined) ?? adapter.drizzle
}

/**
 * SQL integer literal. The statements below are plain strings (drizzle's `sql` tag comes in two
 * copies in this dependency tree, and a tag from one is not accepted by the other's sessions), so
 * every value put in them is an id checked to be an integer here.
 */
function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer id: ${value}`)
  return String(value)
}

/** Media ids a program or an episode references in its main table row (now). */
async function referencedMedia(req: PayloadRequest, owner: Owner, id: number): Promise<number[]> {
  const db = await database(req)
  const { rows } = await db.execute<{ id: number | null }>(
    owner === 'programs'
      ? `SELECT cover_image_id AS id FROM ${table(req, 'programs')} WHERE id = ${int(id)}`
      : `SELECT unnest(ARRAY[media_id, thumbnail_id]) AS id FROM ${table(req, 'episodes')} WHERE id = ${int(id)}`,
  )
  return rows.flatMap((row) => (row.id === null ? [] : [Number(row.id)]))
}

/**
 * Recomputes `publicFrom` for `mediaIds`, and for every file of a program's episodes when
 * `programId` is given (a program's publication decides its episodes' too). Only rows whose value
 * changes are written.
 */
export async function refreshMediaVisibility(
  req: PayloadRequest,
  mediaIds: number[],
  programId: number | null = null,
): Promise<void> {
  if (!mediaIds.length && programId === null) return
  const db = await database(req)
  const [programs, episodes, media] = [
    table(req, 'programs'),
    table(req, 'episodes'),
    table(req, 'media'),
  ]
  await db.execute(`
    WITH targets AS (
      SELECT unnest('{${mediaIds.map(int).join(',')}}'::int[]) AS id
      UNION
      SELECT unnest(ARRAY[e.media_id, e.thumbnail_id]) FROM ${episodes} e WHERE e.program_id = ${programId === null ? 'NULL' : int(programId)}
    ), computed AS (
      SELECT t.id, (
        SELECT min(s.at) FROM (
          SELECT p.published_at AS at FROM ${programs} p
           WHERE p.cover_image_id = t.id AND ${publishedSql('p')}
          UNION ALL
          SELECT greatest(e.published_at, p.published_at) FROM ${episodes} e
            JOIN ${programs} p ON p.id = e.program_id
           WHERE e.media_id = t.id AND ${publishedSql('e')} AND ${publishedSql('p')}
          UNION ALL
          SELECT greatest(e.published_at, p.published_at) FROM ${episodes} e
            JOIN ${programs} p ON p.id = e.program_id
           WHERE e.thumbnail_id = t.id AND ${publishedSql('e')} AND ${publishedSql('p')}
        ) s
      ) AS public_from
      FROM targets t WHERE t.id IS NOT NULL
    )
    UPDATE ${media} m SET public_from = c.public_from FROM computed c
     WHERE m.id = c.id AND m.public_from IS DISTINCT FROM c.public_from`)
}

const contextKey = (owner: Owner, id: number | string) => `mediaRefsBefore:${owner}:${id}`

/** Remembers which files the row referenced before the write (the "before" side of the change). */
export const captureMediaRefsBeforeChange =
  (owner: Owner): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const id = originalDoc?.id
    if (operation === 'update' && id !== undefined) {
      req.context[contextKey(owner, id)] = await referencedMedia(req, owner, Number(id))
    }
    return data
  }

/** Recomputes visibility for the files referenced before and after the write. */
export const refreshMediaVisibilityAfterChange =
  (owner: Owner): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const id = Number(doc.id)
    const before = (req.context[contextKey(owner, id)] as number[] | undefined) ?? []
    delete req.context[contextKey(owner, id)]
    const after = await referencedMedia(req, owner, id)
    await refreshMediaVisibility(req, [...before, ...after], owner === 'programs' ? id : null)
    return doc
  }

const idOf = (value: unknown): number | null => {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return Number(value.id)
  return null
}

/** A deleted program or episode no longer makes its files public. */
export const refreshMediaVisibilityAfterDelete =
  (owner: Owner): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const fields = owner === 'programs' ? [doc.coverImage] : [doc.media, doc.thumbnail]
    const ids = fields.map(idOf).filter((id): id is number => id !== null)
    await refreshMediaVisibility(req, ids)
  }
