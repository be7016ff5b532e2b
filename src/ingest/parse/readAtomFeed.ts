import { alternateLink } from './alternateLink'
import { buildItem } from './buildItem'
import type { FeedContext } from './FeedContext'
import { imageUrlOf } from './imageUrlOf'
import { httpUrl } from './httpUrl'
import { readCategories } from './readCategories'
import { readEnclosure } from './readEnclosure'
import { readHtml, readInline } from './readHtml'
import type { FeedBody, ParsedItem } from './types'
import { attr, child, childrenOf, text, type XmlElement } from './XmlElement'

/** Atom elements, whether the document uses Atom as its default namespace or an `atom:` prefix. */
function atom(name: string): [string, string] {
  return [name, `atom:${name}`]
}

/**
 * Atom 1.0, including YouTube's channel feeds (`yt:videoId`, with title, description and thumbnail
 * in a `media:group`), which are told apart by their `yt:` elements.
 */
export function readAtomFeed(root: XmlElement, context: FeedContext): FeedBody {
  const link = alternateLink(root, null)
  const base = httpUrl(attr(root, 'xml:base')) ?? link
  const entryElements = childrenOf(root, ...atom('entry'))
  const items: ParsedItem[] = []
  for (const element of entryElements) {
    const item = readEntry(element, context, base)
    if (item) items.push(item)
  }
  const isYouTube =
    root.children.some((element) => element.ns === 'yt') ||
    entryElements.some((element) => child(element, 'yt:videoid') !== undefined)

  return {
    kind: isYouTube ? 'youtube' : 'atom',
    title: readInline(child(root, ...atom('title'))),
    description: readHtml(child(root, ...atom('subtitle'))),
    link,
    language: context.language(attr(root, 'xml:lang'), 'feed'),
    imageUrl:
      httpUrl(text(child(root, ...atom('logo'))), base) ??
      httpUrl(text(child(root, ...atom('icon'))), base) ??
      imageUrlOf(root, base),
    author:
      readInline(child(child(root, ...atom('author')), ...atom('name'))) ??
      readInline(child(root, 'itunes:author')),
    explicit: context.explicit(text(child(root, 'itunes:explicit')), 'feed'),
    categories: readCategories(root),
    items,
  }
}

function readEntry(
  element: XmlElement,
  context: FeedContext,
  base: string | null,
): ParsedItem | null {
  const group = child(element, 'media:group')
  const title =
    readInline(child(element, ...atom('title'))) ??
    readInline(child(element, 'media:title') ?? child(group, 'media:title'))
  const enclosure = readEnclosure(element, base)
  const link = alternateLink(element, base)
  const id = text(child(element, ...atom('id')))
  const videoId =
    text(child(element, 'yt:videoid')) ?? /^yt:video:(.+)$/.exec(id ?? '')?.[1] ?? null
  const guid = text(child(element, 'podcast:guid')) ?? videoId ?? id

  const item = buildItem(element, context, base, { title, guid, link, enclosure }, () => {
    const summaryElement = child(element, ...atom('summary'))
    const description =
      readHtml(child(element, ...atom('content'))) ??
      readHtml(summaryElement) ??
      readHtml(child(element, 'media:description') ?? child(group, 'media:description'))
    return {
      description,
      summarySource:
        readInline(child(element, 'itunes:subtitle')) ?? readInline(summaryElement) ?? description,
      published:
        text(child(element, ...atom('published'))) ?? text(child(element, ...atom('updated'))),
    }
  })
  return item && { ...item, videoId }
}
