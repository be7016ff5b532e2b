import { counter, gauge, histogram } from '../observability/metrics'

export const cacheRequests = counter({
  name: 'discovery_cache_requests_total',
  help: 'Discovery cache lookups by level (memory, redis) and result (hit, miss, stale).',
  labelNames: ['level', 'result'] as const,
})

export const searchDuration = histogram({
  name: 'discovery_search_duration_seconds',
  help: 'Elasticsearch requests made by discovery, by operation, in seconds.',
  labelNames: ['operation'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
})

export const searchErrors = counter({
  name: 'discovery_search_errors_total',
  help: 'Failed Elasticsearch requests made by discovery, by operation and kind.',
  labelNames: ['operation', 'kind'] as const,
})

export const breakerState = gauge({
  name: 'discovery_search_breaker_state',
  help: 'Circuit breaker around Elasticsearch: 0 closed, 1 half-open, 2 open.',
})

export const eventsRecorded = counter({
  name: 'discovery_events_total',
  help: 'Usage events accepted, by type and how they reached Redis (direct, buffered, dropped).',
  labelNames: ['type', 'delivery'] as const,
})
