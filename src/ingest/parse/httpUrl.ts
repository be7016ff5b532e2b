/**
 * An http(s) URL from a feed, or null. Relative references are resolved against `base` (the
 * feed's own link); protocol-relative ones (`//cdn.example/a.mp3`) default to https. Anything else
 * (`javascript:`, `file:`, `mailto:`, unparseable text) is null: these values end up as links and
 * media sources in the CMS. Absolute URLs are returned as written, not re-serialised, so an id
 * built from one stays byte-for-byte what the feed says.
 */
export function httpUrl(input: string | null | undefined, base?: string | null): string | null {
  const trimmed = input?.trim()
  if (!trimmed) return null
  // "www.example.com/episode" is a scheme-less absolute URL, not a path relative to the feed.
  const value = /^www\.[^/\s]+\.[a-z]/i.test(trimmed) ? `https://${trimmed}` : trimmed
  const absolute = parse(value)
  if (absolute) return isHttp(absolute) ? value : null
  const resolved = parse(value, base ?? undefined) ?? parse(value, 'https://invalid/')
  if (!resolved || !isHttp(resolved) || resolved.hostname === 'invalid') return null
  return resolved.href
}

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base)
  } catch {
    return null
  }
}

function isHttp(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
}
