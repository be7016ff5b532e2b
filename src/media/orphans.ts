/**
 * Stored files that no media document references: left by an upload whose transaction rolled back
 * after the file was written, or by a process that died in between. Payload writes files before the
 * row commits, so these can happen; two things remove them:
 * - right away, when a REST or GraphQL upload fails (`removeFilesOfFailedUpload`);
 * - in any case, the hourly sweep (`sweepOrphanFiles`), which spares files younger than the grace
 *   period because they may belong to an upload still in progress.
 */
import type { CollectionAfterErrorHook, CollectionBeforeChangeHook, Payload, Where } from 'payload'

import { logger } from '../observability/logger'
import { mediaOrphansDeleted, mediaUploads } from './metrics'
import { type MediaStore, mediaStore } from './storage'
import { slugOf } from '../lib/catalogueSlugs'

export const MEDIA_IMAGE_SIZES = ['thumbnail', 'card', 'hero'] as const

interface StoredNames {
  filename?: string | null
  sizes?: Partial<Record<string, { filename?: string | null } | null>> | null
}

/** The original's name and its variants' names. */
export function filenamesOf(doc: StoredNames): string[] {
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
  return names.filter((name): name is string => Boolean(name))
}

const referencing = (filenames: string[]): Where => ({
  or: [
    { filename: { in: filenames } },
    ...MEDIA_IMAGE_SIZES.map((size) => ({ [`sizes.${size}.filename`]: { in: filenames } })),
  ],
})

/** Which of `filenames` a media row references (committed state). */
async function referencedAmong(payload: Payload, filenames: string[]): Promise<Set<string>> {
  const found = await payload.find({
    collection: slugOf(payload, 'media'),
    where: referencing(filenames),
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { filename: true, sizes: true },
  })
  return new Set(found.docs.flatMap((doc) => filenamesOf(doc as StoredNames)))
}

/** Every stored name any media row references, read in keyset pages. */
async function allReferenced(payload: Payload): Promise<Set<string>> {
  const names = new Set<string>()
  for (let after = 0; ;) {
    const page = await payload.find({
      collection: slugOf(payload, 'media'),
      where: { id: { greater_than: after } },
      sort: 'id',
      depth: 0,
      limit: 1000,
      pagination: false,
      overrideAccess: true,
      select: { filename: true, sizes: true },
    })
    for (const doc of page.docs) for (const name of filenamesOf(doc as StoredNames)) names.add(name)
    if (page.docs.length < 1000) return names
    after = page.docs[page.docs.length - 1]!.id
  }
}

const WRITTEN = 'mediaFilesWritten'

/** Records the names this operation is about to store (Payload has generated them by now). */
export const noteFilesToBeWritten: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.file) req.context[WRITTEN] = filenamesOf(data as StoredNames)
  return data
}

/** A failed REST/GraphQL upload: delete what it stored unless a row references it after all. */
export const removeFilesOfFailedUpload: CollectionAfterErrorHook = async ({ context, req }) => {
  const written = context?.[WRITTEN] as string[] | undefined
  if (!written?.length) return
  mediaUploads.inc({ outcome: 'failed' })
  try {
    const keep = await referencedAmong(req.payload, written)
    const orphans = written.filter((name) => !keep.has(name))
    if (orphans.length) await mediaStore().remove(orphans)
    mediaOrphansDeleted.inc(orphans.length)
  } catch (error) {
    // The sweep will get them; the client still gets the original error.
    logger.warn({ err: error, files: written }, 'could not remove the files of a failed upload')
  }
}

export interface SweepResult {
  checked: number
  deleted: string[]
}

/** Deletes stored files older than `graceMs` that no media row references. */
export async function sweepOrphanFiles(
  payload: Payload,
  { graceMs, store = mediaStore() }: { graceMs: number; store?: MediaStore },
): Promise<SweepResult> {
  // Referenced names first: a file stored after this read is younger than the cutoff below.
  const referenced = await allReferenced(payload)
  const cutoff = Date.now() - graceMs
  const result: SweepResult = { checked: 0, deleted: [] }
  for await (const page of store.list()) {
    result.checked += page.length
    const orphans = page
      .filter((file) => !referenced.has(file.filename) && file.lastModified.getTime() <= cutoff)
      .map((file) => file.filename)
    if (orphans.length) {
      await store.remove(orphans)
      result.deleted.push(...orphans)
      mediaOrphansDeleted.inc(orphans.length)
    }
  }
  return result
}
