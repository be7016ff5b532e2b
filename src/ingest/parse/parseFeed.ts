import { FeedContext } from './FeedContext'
import { FeedParseError } from './FeedParseError'
import { parseXmlDocument } from './parseXmlDocument'
import { readAtomFeed } from './readAtomFeed'
import { readRssFeed } from './readRssFeed'
import type { FeedBody, ParsedFeed } from './types'

export { FeedParseError, type FeedParseFailure } from './FeedParseError'
export type { FeedKind, ParsedFeed, ParsedItem, SkipReason } from './types'

export interface ParseFeedOptions {
  /** The moment dates are judged against ("more than two days in the future"). @default new Date() */
  now?: Date
}

/**
 * Reads an RSS (podcast or plain), Atom or YouTube channel feed into one shape. Pure: no I/O, the
 * caller fetches (src/ingest/fetch) and stores.
 *
 * Forgiving about everything a feed can get wrong without becoming unreadable: unusual namespace
 * declarations, HTML and entities in titles, bare ampersands, sloppy dates and durations, duplicate
 * or missing guids. Items that cannot be ingested are counted in `skipped`; values that had to be
 * dropped or guessed are listed in `warnings`.
 *
 * @throws FeedParseError when the document is not a feed at all: malformed XML, an HTML page, a
 * document declaring entities (billion laughs) or XML with some other root element.
 */
export function parseFeed(xml: string, options: ParseFeedOptions = {}): ParsedFeed {
  const root = parseXmlDocument(xml)
  const context = new FeedContext(options.now ?? new Date())
  const body = readBody(root, context)
  return { ...body, skipped: { ...context.skipped }, warnings: context.warnings }
}

function readBody(root: ReturnType<typeof parseXmlDocument>, context: FeedContext): FeedBody {
  if (root.name === 'feed') return readAtomFeed(root, context)
  if (root.name === 'rss' || root.name === 'channel' || root.key === 'rdf:rdf') {
    return readRssFeed(root, context)
  }
  throw new FeedParseError(
    'not a feed',
    `The document is XML but not a feed: its root element is <${root.key}>.`,
  )
}
