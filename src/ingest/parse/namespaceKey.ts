/**
 * Namespace URIs we read, keyed by the URI lower-cased without scheme, `www.` or trailing slash:
 * feeds declare the iTunes namespace as `http://www.itunes.com/DTDs/Podcast-1.0.dtd`, over https,
 * without `www.`, and Apple's own validator accepts all of them.
 */
const KNOWN_URIS: ReadonlyMap<string, string> = new Map([
  ['itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['itunes.apple.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['podcastindex.org/namespace/1.0', 'podcast'],
  ['github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md', 'podcast'],
  ['search.yahoo.com/mrss', 'media'],
  ['tools.search.yahoo.com/mrss', 'media'],
  ['w3.org/2005/atom', 'atom'],
  ['youtube.com/xml/schemas/2015', 'yt'],
  ['purl.org/rss/1.0/modules/content', 'content'],
  ['purl.org/dc/elements/1.1', 'dc'],
  ['w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['w3.org/1999/xhtml', 'xhtml'],
])

/** Prefixes so conventional that we trust them when the declaration is missing or wrong. */
const CONVENTIONAL_PREFIXES: ReadonlySet<string> = new Set(KNOWN_URIS.values())

/**
 * The key feed readers match elements by: a known namespace's short name (`itunes`, `media`, ...)
 * whatever prefix the document binds to it, so `it:duration` under the iTunes URI is
 * `itunes:duration`. A conventional prefix that is undeclared or bound to an unknown URI keeps its
 * conventional meaning; any other prefix stays itself. Unprefixed elements get '' whatever the
 * default namespace, because RSS 2.0 feeds are just as sloppy about that declaration.
 */
export function namespaceKey(prefix: string, uri: string | undefined): string {
  if (prefix === '') return ''
  if (uri !== undefined) {
    const normalised = uri
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '')
    const known = KNOWN_URIS.get(normalised)
    if (known !== undefined) return known
  }
  return CONVENTIONAL_PREFIXES.has(prefix.toLowerCase()) ? prefix.toLowerCase() : prefix
}
