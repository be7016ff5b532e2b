import { httpUrl } from './httpUrl'
import { attr, childrenOf, type XmlElement } from './XmlElement'

/** An `atom:link` (RSS) or `link` (Atom) with rel="alternate" or no rel, preferring HTML. */
export function alternateLink(element: XmlElement, base: string | null): string | null {
  const links = childrenOf(element, 'link', 'atom:link').filter((link) => {
    const rel = attr(link, 'rel')?.toLowerCase() ?? 'alternate'
    return rel === 'alternate' && attr(link, 'href') !== null
  })
  const preferred =
    links.find((link) => /html/i.test(attr(link, 'type') ?? 'text/html')) ?? links[0]
  return httpUrl(attr(preferred, 'href'), base)
}
