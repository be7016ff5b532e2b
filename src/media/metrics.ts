import type { CollectionAfterChangeHook } from 'payload'

import { counter } from '../observability/metrics'

/** Uploads by outcome: stored, refused (type or size), failed (storage or database error). */
export const mediaUploads = counter({
  name: 'media_uploads_total',
  help: 'Media uploads by outcome (stored, refused, failed).',
  labelNames: ['outcome'] as const,
})

export const mediaUploadBytes = counter({
  name: 'media_upload_bytes_total',
  help: 'Bytes of stored media uploads (originals, before variants).',
  labelNames: ['kind'] as const,
})

export const mediaOrphansDeleted = counter({
  name: 'media_orphan_files_deleted_total',
  help: 'Stored files deleted by the orphan sweep because no media document references them.',
})

/** Counts a stored upload (create, or update with a new file) once its row is written. */
export const countStoredUpload: CollectionAfterChangeHook = ({ doc, req }) => {
  if (!req.file) return doc
  mediaUploads.inc({ outcome: 'stored' })
  const kind = String(doc.mimeType ?? '').split('/')[0] || 'unknown'
  mediaUploadBytes.inc({ kind }, Number(doc.filesize) || 0)
  return doc
}
