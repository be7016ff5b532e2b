import { mediaMeshOptions } from '../lib/mediaMeshOptions'

/** Where Payload serves stored files under the default API route and media slug. */
export const DEFAULT_FILES_PATH = '/api/media/file/'

/**
 * The host path Payload serves a stored file at (with access control and Range support), under
 * `filesPath` (the `media.filesPath` of MediaMesh's options: `<API route>/<media slug>/file/`).
 */
export const mediaFilePath = (filename: string, filesPath: string) =>
  `${filesPath}${encodeURIComponent(filename)}`

/**
 * A stored file's public URL: host paths (`/api/media/file/...`) are served from the `media.publicUrl` option
 * (a CDN whose origin is the host) or the host itself; absolute URLs (external enclosures) are
 * already public.
 */
export function publicMediaUrl(pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? `${mediaMeshOptions().media.publicUrl}${pathOrUrl}` : pathOrUrl
}
