export type FeedKind = 'podcast' | 'youtube' | 'atom' | 'rss'

/** Why an item was left out of `ParsedFeed.items`; the keys of `ParsedFeed.skipped`. */
export type SkipReason = 'no title or link or enclosure' | 'no stable id' | 'duplicate guid'

/**
 * A feed reduced to what ingestion stores, whatever its format. Every text field is plain text
 * (HTML removed, entities decoded, trimmed); every URL is an absolute http(s) URL.
 */
export interface ParsedFeed {
  /** podcast: RSS using the iTunes/Podcasting 2.0 namespaces or audio/video enclosures. */
  kind: FeedKind
  title: string | null
  description: string | null
  link: string | null
  /** ISO 639-1 (`en`, `ar`); null when missing or not a known code. */
  language: string | null
  imageUrl: string | null
  author: string | null
  explicit: boolean | null
  /** `itunes:category` paths (`['Leisure', 'Video Games']`), then plain categories; no duplicates. */
  categories: string[][]
  items: ParsedItem[]
  /** Items left out, counted by reason. */
  skipped: Record<string, number>
  /** Values that were replaced by null or guessed at (bad dates, unknown duration formats, ...). */
  warnings: string[]
}

export interface ParsedItem {
  /**
   * The idempotency key: the item's guid (`podcast:guid`, `guid`, `yt:videoId`, Atom `id`), else
   * its enclosure URL, else its link. Unique within a ParsedFeed.
   */
  externalId: string
  title: string
  /** Short, one line: `itunes:subtitle`, or the start of the description (~300 characters). */
  summary: string | null
  /** Paragraphs separated by a blank line, lines by a newline. */
  description: string | null
  link: string | null
  /** ISO 8601 in UTC; null when missing, unreadable or more than two days in the future. */
  publishedAt: string | null
  durationSeconds: number | null
  enclosure: { url: string; mimeType: string | null; sizeBytes: number | null } | null
  imageUrl: string | null
  seasonNumber: number | null
  episodeNumber: number | null
  explicit: boolean | null
  /** YouTube video id, for YouTube feeds. */
  videoId: string | null
  /** Podcasting 2.0 `podcast:transcript`: the most useful one (VTT, SRT, text, ...); not fetched. */
  transcript: FeedTranscript | null
  /** Podcasting 2.0 `podcast:chapters`: URL of the JSON chapters file; not fetched. */
  chaptersUrl: string | null
  /** Podcasting 2.0 `podcast:person`: the item's own, else the channel's. */
  people: FeedPerson[]
}

export interface FeedTranscript {
  url: string
  /** Lower-cased MIME type as the feed declares it (`text/vtt`), or null. */
  type: string | null
}

export interface FeedPerson {
  name: string
  /** Lower-cased (`host`, `guest`, ...); "host" when the feed gives none, as the namespace says. */
  role: string
  href: string | null
}

/** What a format reader produces; parseFeed adds the parse's `skipped` and `warnings`. */
export type FeedBody = Omit<ParsedFeed, 'skipped' | 'warnings'>
