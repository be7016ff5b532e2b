import type { ServerResponse } from 'node:http'

import type { RequestHandler } from 'express'
import onHeaders from 'on-headers'

import { isContentAddressed } from '../media/fileKinds'

export const MEDIA_FILE_PATH = '/api/media/file/'

/** Requests that carry Payload credentials (a session cookie or an Authorization header). */
function hasCredentials(headers: { authorization?: string; cookie?: string }): boolean {
  return Boolean(headers.authorization) || /(?:^|;\s*)payload-token=/.test(headers.cookie ?? '')
}

/**
 * Next drops `Content-Length` from route handler responses (they are streamed, chunked). Media
 * players and CDNs want it on partial responses, and there it follows from `Content-Range`.
 */
function restorePartialContentLength(res: ServerResponse): void {
  if (res.statusCode !== 206 || res.hasHeader('content-length')) return
  const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(String(res.getHeader('content-range') ?? ''))
  if (range) res.setHeader('Content-Length', String(Number(range[2]) - Number(range[1]) + 1))
}

/**
 * Caching of media files served by the host (Payload serves them, with access control and Range
 * support, for local and S3 storage alike). Decided here because only here are both the file name
 * and the request's credentials known:
 * - content-addressed names (src/media/fileKinds.ts) never change their bytes: a year, immutable;
 * - other names (files stored before content addressing): five minutes;
 * - a request with credentials may have been allowed only because of them (a draft's file), so
 *   shared caches (CDNs) must not keep it: `private`;
 * - errors are not cached.
 * Partial responses also get back their `Content-Length`.
 */
export function mediaCaching(): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith(MEDIA_FILE_PATH) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return next()
    }
    const filename = req.path.slice(MEDIA_FILE_PATH.length)
    const credentialed = hasCredentials(req.headers)
    onHeaders(res, () => {
      const ok = res.statusCode === 200 || res.statusCode === 206 || res.statusCode === 304
      let value = 'no-store'
      if (ok) {
        const lifetime = isContentAddressed(filename)
          ? 'max-age=31536000, immutable'
          : 'max-age=300'
        value = `${credentialed ? 'private' : 'public'}, ${lifetime}`
        res.setHeader('X-Content-Type-Options', 'nosniff')
      }
      res.setHeader('Cache-Control', value)
      restorePartialContentLength(res)
    })
    next()
  }
}
