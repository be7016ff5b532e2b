export type FeedParseFailure = 'malformed XML' | 'not a feed' | 'entity expansion refused'

/**
 * A document that cannot be read as a feed at all. `reason` is stable and meant for code (the
 * source's health status); `message` is for people and may point into the document. Problems with
 * single items or fields never throw: they end up in `ParsedFeed.skipped` and `warnings`.
 */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError'

  constructor(
    readonly reason: FeedParseFailure,
    message: string,
  ) {
    super(message)
  }
}
