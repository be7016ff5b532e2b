export type FeedFetchFailure =
  | 'invalid-url'
  | 'unsupported-protocol'
  | 'blocked-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'wrong-content-type'
  | 'network'

/**
 * Every way a feed fetch fails. `reason` is stable and meant for code (retry policy, the source's
 * health status); `message` is for people and may name the URL. `status` is set for 'http-status'.
 */
export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError'

  constructor(
    readonly reason: FeedFetchFailure,
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}
