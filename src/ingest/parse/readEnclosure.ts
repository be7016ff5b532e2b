import { httpUrl } from './httpUrl'
import { parseNonNegativeInteger } from './parseNonNegativeInteger'
import type { ParsedItem } from './types'
import { attr, child, childrenOf, type XmlElement } from './XmlElement'

type Enclosure = NonNullable<ParsedItem['enclosure']>

const MEDIA_EXTENSION = /\.(?:mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac|mp4|m4v|mov|webm)(?:[?#]|$)/i

/**
 * The item's media file: the first RSS `<enclosure>` with a usable URL, else an Atom
 * `link rel="enclosure"`, else Media RSS `media:content` that is audio or video (YouTube's
 * `media:content` is a Flash player URL and is deliberately not taken).
 */
export function readEnclosure(item: XmlElement, base: string | null): Enclosure | null {
  for (const enclosure of childrenOf(item, 'enclosure')) {
    const url = httpUrl(attr(enclosure, 'url') ?? attr(enclosure, 'href'), base)
    if (url) return build(url, attr(enclosure, 'type'), attr(enclosure, 'length'))
  }
  for (const link of childrenOf(item, 'link', 'atom:link')) {
    if (attr(link, 'rel')?.toLowerCase() !== 'enclosure') continue
    const url = httpUrl(attr(link, 'href'), base)
    if (url) return build(url, attr(link, 'type'), attr(link, 'length'))
  }
  const contents = [
    ...childrenOf(item, 'media:content'),
    ...childrenOf(child(item, 'media:group'), 'media:content'),
  ]
  for (const content of contents) {
    const url = httpUrl(attr(content, 'url'), base)
    if (url && isAudioOrVideo(url, attr(content, 'type'), attr(content, 'medium'))) {
      return build(url, attr(content, 'type'), attr(content, 'filesize'))
    }
  }
  return null
}

/** Whether a media file is something people listen to or watch (not artwork, not a player). */
export function isAudioOrVideo(
  url: string,
  mimeType: string | null,
  medium?: string | null,
): boolean {
  if (mimeType) return /^(?:audio|video)\//i.test(mimeType)
  if (medium) return medium === 'audio' || medium === 'video'
  return MEDIA_EXTENSION.test(url)
}

function build(url: string, type: string | null, length: string | null): Enclosure {
  const mimeType = type && /^[\w.+-]+\/[\w.+-]+/.test(type) ? type.toLowerCase() : null
  const size = length === null ? null : parseNonNegativeInteger(length)
  // 0 and 1 are what publishing tools write when they do not know the size (RSS asks for 0).
  return { url, mimeType, sizeBytes: size !== null && size > 1 ? size : null }
}
