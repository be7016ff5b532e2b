import { inlineText } from './htmlToText'
import { attr, childrenOf, text, type XmlElement } from './XmlElement'

/**
 * Category paths: `itunes:category` hierarchies as leaf paths (`['Leisure', 'Video Games']`; a
 * category without subcategories is its own path), then plain RSS `<category>` and Atom
 * `<category term label>` as one-element paths. Duplicates (ignoring case) are dropped: feeds
 * repeat a parent once per subcategory, and the same category under both vocabularies.
 */
export function readCategories(element: XmlElement): string[][] {
  const paths = [
    ...childrenOf(element, 'itunes:category').flatMap((category) => itunesPaths(category, [])),
    ...childrenOf(element, 'category', 'atom:category').map((category) => [
      inlineText(attr(category, 'label') ?? attr(category, 'term') ?? text(category) ?? ''),
    ]),
  ]
  const seen = new Set<string>()
  return paths.filter((path) => {
    const key = path.join('\u0000').toLowerCase()
    if (path.some((name) => name === '') || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function itunesPaths(category: XmlElement, parents: string[]): string[][] {
  const name = inlineText(attr(category, 'text') ?? text(category) ?? '')
  if (name === '') return []
  const path = [...parents, name]
  const nested = childrenOf(category, 'itunes:category').flatMap((sub) => itunesPaths(sub, path))
  return nested.length > 0 ? nested : [path]
}
