/**
 * Elasticsearch as discovery sees it: explicit timeouts, no client retries, and a circuit breaker
 * (opossum). When the cluster is failing, calls fail at once instead of queueing up behind a dead
 * node; callers then serve a stale answer or a 503 with Retry-After.
 */
import type { Client, estypes } from '@elastic/elasticsearch'
import CircuitBreaker from 'opossum'

import { logger } from '../observability/logger'
import { ApiError } from './errors'
import { breakerState, searchDuration, searchErrors } from './metrics'

export interface SearchBackendOptions {
  client: Client
  /** Read alias. */
  index: string
  timeoutMs: number
  /** How long the breaker stays open before letting a trial request through. */
  resetTimeoutMs?: number
}

type Operation = 'search' | 'suggest' | 'didYouMean' | 'lookup' | 'related' | 'aggregate'

/**
 * Elasticsearch refused the request itself (our query is wrong): not a sign the cluster is down.
 * 404 (no index behind the alias yet) and 429 (overloaded) are availability problems.
 */
const isRequestError = (error: unknown) => {
  const status = (error as { meta?: { statusCode?: number } })?.meta?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 && ![404, 429].includes(status)
}

export class SearchUnavailableError extends ApiError {
  constructor(retryAfterSeconds: number, reason: string) {
    super(503, 'search_unavailable', 'Search is temporarily unavailable; retry shortly.', {
      retryAfterSeconds,
      reason,
    })
  }
}

export class SearchBackend {
  readonly index: string
  private readonly breaker: CircuitBreaker<[estypes.SearchRequest], estypes.SearchResponse>
  private readonly resetTimeoutMs: number

  constructor({ client, index, timeoutMs, resetTimeoutMs = 5000 }: SearchBackendOptions) {
    this.index = index
    this.resetTimeoutMs = resetTimeoutMs
    this.breaker = new CircuitBreaker(
      (request: estypes.SearchRequest) =>
        client.search(request, { requestTimeout: timeoutMs, maxRetries: 0 }),
      {
        // The client aborts at timeoutMs; this is the breaker's own backstop.
        timeout: timeoutMs + 250,
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        rollingCountTimeout: 10_000,
        resetTimeout: resetTimeoutMs,
        errorFilter: isRequestError,
      },
    )
    breakerState.set(0)
    this.breaker.on('open', () => {
      breakerState.set(2)
      logger.warn('discovery: Elasticsearch circuit opened')
    })
    this.breaker.on('halfOpen', () => breakerState.set(1))
    this.breaker.on('close', () => {
      breakerState.set(0)
      logger.info('discovery: Elasticsearch circuit closed')
    })
  }

  get isOpen(): boolean {
    return this.breaker.opened
  }

  get retryAfterSeconds(): number {
    return Math.ceil(this.resetTimeoutMs / 1000)
  }

  async search<T = unknown>(
    operation: Operation,
    request: estypes.SearchRequest,
  ): Promise<estypes.SearchResponse<T>> {
    const stop = searchDuration.startTimer({ operation })
    try {
      const response = await this.breaker.fire({ index: this.index, ...request })
      return response as estypes.SearchResponse<T>
    } catch (error) {
      throw this.translate(operation, error)
    } finally {
      stop()
    }
  }

  private translate(operation: Operation, error: unknown): Error {
    const code = (error as { code?: string }).code
    if (code === 'EOPENBREAKER') {
      searchErrors.inc({ operation, kind: 'breaker_open' })
      return new SearchUnavailableError(this.retryAfterSeconds, 'circuit open')
    }
    if (isRequestError(error)) {
      searchErrors.inc({ operation, kind: 'rejected' })
      // Parameters passed validation, so a refused query is a bug on our side, not the client's.
      logger.error({ err: error, operation }, 'discovery: Elasticsearch rejected a query')
      return new ApiError(500, 'internal_error', 'The search could not be run.')
    }
    const kind = code === 'ETIMEDOUT' ? 'timeout' : 'unavailable'
    searchErrors.inc({ operation, kind })
    logger.warn({ err: error, operation }, 'discovery: Elasticsearch request failed')
    return new SearchUnavailableError(this.retryAfterSeconds, kind)
  }

  shutdown(): void {
    this.breaker.shutdown()
  }
}
