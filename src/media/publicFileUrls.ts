import type { CollectionAfterReadHook } from 'payload'

import { isStaffUser } from '../access/roles'
import { getMediaMesh } from '../lib/mediaMeshOptions'
import { mediaFilePath, publicMediaUrl } from './publicUrl'

type FileUrls = {
  filename?: string | null
  url?: string | null
  thumbnailURL?: string | null
  sizes?: Record<string, { filename?: string | null; url?: string | null } | null> | null
}

/**
 * With `media.publicUrl` configured, the file URLs Payload's REST and GraphQL APIs give the public
 * point at it (the CDN), as discovery's do. Staff keep the host's URLs: the admin panel shows
 * drafts' files, which only the host serves (with the session).
 */
export const publicFileUrlsAfterRead: CollectionAfterReadHook = ({ doc, req }) => {
  const { publicUrlExplicit, filesPath } = getMediaMesh(req.payload).media
  if (!publicUrlExplicit || isStaffUser(req.user)) return doc
  // Only with `media.publicUrl` configured, so publicMediaUrl builds on it.
  const onCdn = (filename: string | null | undefined) =>
    filename ? publicMediaUrl(mediaFilePath(filename, filesPath)) : null
  const media = doc as FileUrls
  if (media.url) media.url = onCdn(media.filename)
  for (const size of Object.values(media.sizes ?? {})) {
    if (size?.url) size.url = onCdn(size.filename)
  }
  if (media.thumbnailURL) media.thumbnailURL = media.sizes?.thumbnail?.url ?? media.url ?? null
  return doc
}
