import { httpUrl } from './httpUrl'
import { attr, child, childrenOf, text, type XmlElement } from './XmlElement'

/**
 * A channel's or item's artwork: `itunes:image` (its `href`, or the `url` attribute or text that
 * sloppy feeds use), then Media RSS thumbnails and image content, directly or inside a
 * `media:group`. Null when there is none: plenty of items have no artwork of their own.
 */
export function imageUrlOf(element: XmlElement | undefined, base: string | null): string | null {
  const itunes = child(element, 'itunes:image')
  const candidates = [
    attr(itunes, 'href') ?? attr(itunes, 'url') ?? text(itunes),
    ...mediaImages(element),
    ...mediaImages(child(element, 'media:group')),
  ]
  for (const candidate of candidates) {
    const url = httpUrl(candidate, base)
    if (url) return url
  }
  return null
}

function mediaImages(element: XmlElement | undefined): Array<string | null> {
  const contents = childrenOf(element, 'media:content')
  return [
    ...childrenOf(element, 'media:thumbnail').map((thumbnail) => attr(thumbnail, 'url')),
    ...contents
      .filter(
        (content) =>
          attr(content, 'medium') === 'image' || /^image\//i.test(attr(content, 'type') ?? ''),
      )
      .map((content) => attr(content, 'url')),
    ...contents.flatMap((content) =>
      childrenOf(content, 'media:thumbnail').map((thumbnail) => attr(thumbnail, 'url')),
    ),
  ]
}
