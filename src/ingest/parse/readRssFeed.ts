import { alternateLink } from './alternateLink'
import { buildItem } from './buildItem'
import type { FeedContext } from './FeedContext'
import { httpUrl } from './httpUrl'
import { imageUrlOf } from './imageUrlOf'
import { readCategories } from './readCategories'
import { isAudioOrVideo, readEnclosure } from './readEnclosure'
import { readHtml, readInline } from './readHtml'
import { readPeople } from './readPodcastNamespace'
import type { FeedBody, ParsedItem } from './types'
import { attr, child, childrenOf, text, type XmlElement } from './XmlElement'

/**
 * RSS 2.0 (with the iTunes, Podcasting 2.0, Media RSS, Dublin Core and content namespaces), RSS
 * 0.9x and RSS 1.0/RDF, whose items are siblings of the channel rather than inside it.
 */
export function readRssFeed(root: XmlElement, context: FeedContext): FeedBody {
  const channel = root.name === 'channel' ? root : (child(root, 'channel') ?? root)
  const linkElement = child(channel, 'link')
  const link =
    httpUrl(text(linkElement) ?? attr(linkElement, 'href')) ?? alternateLink(channel, null)
  const itemElements = childrenOf(channel, 'item')
  if (channel !== root) itemElements.push(...childrenOf(root, 'item'))

  // Podcasting 2.0: channel-level people are every item's, unless the item names its own.
  const channelPeople = readPeople(channel, link)
  const items: ParsedItem[] = []
  for (const element of itemElements) {
    const item = readItem(element, context, link)
    if (item) items.push(item.people.length ? item : { ...item, people: channelPeople })
  }

  const usesPodcastNamespaces = [channel, ...itemElements].some((element) =>
    element.children.some((node) => node.ns === 'itunes' || node.ns === 'podcast'),
  )
  const hasMedia = items.some(
    ({ enclosure }) => enclosure && isAudioOrVideo(enclosure.url, enclosure.mimeType),
  )
  const owner = child(channel, 'itunes:owner')
  return {
    kind: usesPodcastNamespaces || hasMedia ? 'podcast' : 'rss',
    title: readInline(child(channel, 'title')) ?? readInline(child(channel, 'itunes:title')),
    description:
      readHtml(child(channel, 'description')) ??
      readHtml(child(channel, 'itunes:summary')) ??
      readHtml(child(channel, 'itunes:subtitle')),
    link,
    language: context.language(
      text(child(channel, 'language')) ?? text(child(channel, 'dc:language')),
      'feed',
    ),
    imageUrl:
      httpUrl(attr(child(channel, 'itunes:image'), 'href'), link) ??
      httpUrl(text(child(child(channel, 'image'), 'url')), link) ??
      imageUrlOf(channel, link),
    author:
      readInline(child(channel, 'itunes:author')) ??
      readInline(child(channel, 'dc:creator')) ??
      readInline(child(owner, 'itunes:name')) ??
      personName(text(child(channel, 'managingeditor'))) ??
      personName(text(child(channel, 'author'))),
    explicit: context.explicit(text(child(channel, 'itunes:explicit')), 'feed'),
    categories: readCategories(channel),
    items,
  }
}

function readItem(
  element: XmlElement,
  context: FeedContext,
  base: string | null,
): ParsedItem | null {
  const group = child(element, 'media:group')
  const title =
    readInline(child(element, 'title')) ??
    readInline(child(element, 'itunes:title')) ??
    readInline(child(element, 'media:title') ?? child(group, 'media:title'))
  const enclosure = readEnclosure(element, base)
  const guidElement = child(element, 'guid')
  const guid =
    text(child(element, 'podcast:guid')) ??
    text(guidElement) ??
    text(child(element, 'yt:videoid')) ??
    attr(element, 'rdf:about')
  // RSS: a guid is a permalink unless it says otherwise, so it doubles as the link.
  const link =
    httpUrl(text(child(element, 'link')), base) ??
    alternateLink(element, base) ??
    (attr(guidElement, 'ispermalink')?.toLowerCase() === 'false'
      ? null
      : httpUrl(text(guidElement)))

  return buildItem(element, context, base, { title, guid, link, enclosure }, () => {
    const description =
      readHtml(child(element, 'content:encoded')) ??
      readHtml(child(element, 'description')) ??
      readHtml(child(element, 'itunes:summary')) ??
      readHtml(child(element, 'media:description') ?? child(group, 'media:description'))
    return {
      description,
      summarySource: readInline(child(element, 'itunes:subtitle')) ?? description,
      published:
        text(child(element, 'pubdate')) ??
        text(child(element, 'dc:date')) ??
        text(child(element, 'atom:published')) ??
        text(child(element, 'atom:updated')),
    }
  })
}

/** RSS person fields are "email (Name)"; the name is what we want. */
function personName(value: string | null): string | null {
  if (value === null) return null
  const named = /\(([^)]+)\)\s*$/.exec(value)
  return (named?.[1] ?? value).trim() || null
}
