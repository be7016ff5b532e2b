import type { FeedContext } from './FeedContext'
import { imageUrlOf } from './imageUrlOf'
import { readChaptersUrl, readPeople, readTranscript } from './readPodcastNamespace'
import type { ParsedItem } from './types'
import { attr, child, text, type XmlElement } from './XmlElement'

type ItemExtensions = Pick<
  ParsedItem,
  | 'durationSeconds'
  | 'imageUrl'
  | 'seasonNumber'
  | 'episodeNumber'
  | 'explicit'
  | 'videoId'
  | 'transcript'
  | 'chaptersUrl'
  | 'people'
>

/**
 * The namespaced item fields RSS and Atom feeds share: iTunes, Podcasting 2.0 (season and
 * episode as fallbacks; transcript, chapters, people), Media RSS and YouTube.
 */
export function readItemExtensions(
  item: XmlElement,
  context: FeedContext,
  where: string,
  base: string | null,
): ItemExtensions {
  const mediaContent =
    child(item, 'media:content') ?? child(child(item, 'media:group'), 'media:content')
  return {
    durationSeconds: context.duration(
      text(child(item, 'itunes:duration')) ?? attr(mediaContent, 'duration'),
      where,
    ),
    imageUrl: imageUrlOf(item, base),
    seasonNumber: context.number(
      [text(child(item, 'itunes:season')), text(child(item, 'podcast:season'))],
      where,
      'season',
    ),
    episodeNumber: context.number(
      [text(child(item, 'itunes:episode')), text(child(item, 'podcast:episode'))],
      where,
      'episode',
    ),
    explicit: context.explicit(text(child(item, 'itunes:explicit')), where),
    videoId: text(child(item, 'yt:videoid')),
    transcript: readTranscript(item, base, context, where),
    chaptersUrl: readChaptersUrl(item, base),
    people: readPeople(item, base),
  }
}
