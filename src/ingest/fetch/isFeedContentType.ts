/**
 * Content types a feed may arrive with. Feeds are served under many labels, so this is lenient:
 * anything XML-ish, `text/plain` and `application/octet-stream` (static `.rss` files on servers
 * without a MIME mapping), subtypes naming rss/atom/rdf, and no type at all. The parser is the real
 * judge; this only stops us downloading what is clearly not a feed, above all an HTML page (a site's
 * home page, a login wall, a "feed moved" page), plus JSON, images, audio and video.
 */
export function isFeedContentType(contentType: string | null | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase()
  const slash = mediaType.indexOf('/')
  // Missing or malformed: says nothing, so let the parser decide.
  if (slash <= 0) return true
  const subtype = mediaType.slice(slash + 1)

  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return false
  if (subtype === 'xml' || subtype.endsWith('+xml')) return true
  if (tolerated.has(mediaType)) return true
  return /(^|[.+-])(rss|atom|rdf)($|[.+-])/.test(subtype)
}

const tolerated = new Set(['text/plain', 'application/octet-stream'])
