import { mediaMeshOptions } from '../lib/mediaMeshOptions'

/** The host path Payload serves a stored file at (with access control and Range support). */
export const mediaFilePath = (filename: string) => `/api/media/file/${encodeURIComponent(filename)}`

/**
 * A stored file's public URL: host paths (`/api/media/file/...`) are served from the `media.publicUrl` option
 * (a CDN whose origin is the host) or the host itself; absolute URLs (external enclosures) are
 * already public.
 */
export function publicMediaUrl(pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? `${mediaMeshOptions().media.publicUrl}${pathOrUrl}` : pathOrUrl
}
