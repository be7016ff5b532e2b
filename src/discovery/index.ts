/**
 * Assembles the discovery API for one process: search backend (with its breaker), the two-level
 * cache following the catalogue generation, trending counters, and the API (api.ts) with its
 * Express adapter. `basePath` is where the API is reached (default: the configured base path).
 */
import type { Payload } from 'payload'

import { SearchInsights } from '../insights/SearchInsights'
import { getMediaMesh } from '../lib/mediaMeshOptions'
import { searchRecordOf } from '../insights/searchAnswer'
import { insightsPool, upsertInsightRows } from '../insights/store'
import { redis, redisKey } from '../redis/client'
import { catalogueGeneration } from '../search/catalogueChanges'
import { searchClient } from '../search/client'
import { catalogueIndex } from '../search/config'
import { discoveryApi } from './api'
import { DiscoveryCache } from './cache'
import { discoveryMiddleware } from './express'
import { cachedHandlers, plainHandlers } from './handlers'
import { searchPreviewRouter } from './preview'
import { SearchBackend } from './searchBackend'
import type { SearchParams } from './schemas'
import { DiscoveryService } from './service'
import { TrendingCounter } from './trending'

export function createDiscovery(payload: Payload, { basePath }: { basePath?: string } = {}) {
  const { discovery, insights: insightOptions, cursorSecret, media } = getMediaMesh(payload)
  const backend = new SearchBackend({
    client: searchClient(),
    index: catalogueIndex.read,
    timeoutMs: discovery.searchTimeoutMs,
  })
  catalogueGeneration.follow()
  const cache = new DiscoveryCache({
    redis: redis(),
    generation: () => catalogueGeneration.current(),
    keyPrefix: redisKey('discovery', 'v1', ''),
    ttlMs: discovery.cacheTtlSeconds * 1000,
    staleTtlMs: discovery.staleTtlSeconds * 1000,
    memoryBytes: discovery.memoryCacheMb * 1024 * 1024,
  })
  const trending = new TrendingCounter(redis(), redisKey('trending', ''))
  // Searches and clicks counted in memory, pushed to Redis each second; straight to Postgres at the
  // flush interval only while Redis is away (src/insights/SearchInsights.ts).
  const insights = new SearchInsights({
    redis: redis(),
    keyPrefix: redisKey('insights', ''),
    maxQueriesPerHour: insightOptions.maxQueriesPerHour,
    fallbackSink: (rows) => upsertInsightRows(insightsPool(payload), rows),
    fallbackIntervalMs: insightOptions.flushSeconds * 1000,
  })
  const service = new DiscoveryService(backend, payload, trending, cursorSecret)
  // Category names and editors' search rules can change with any catalogue change.
  const stopFollowing = catalogueGeneration.onChange(() => {
    service.forgetCategories()
    service.forgetRules()
  })
  const api = discoveryApi({
    settings: discovery,
    basePath: basePath ?? discovery.basePath,
    serverUrl: media.serverUrl,
    cache,
    cached: cachedHandlers(service),
    plain: plainHandlers(service, trending, insights),
    onAnswer: (operationId, query, answer) => {
      if (operationId !== 'search') return
      const search = searchRecordOf(query as SearchParams, answer)
      if (search) insights.recordSearch(search)
    },
  })
  return {
    api,
    /** Express middleware serving `api`, for `app.use(basePath, ...)`. */
    middleware: discoveryMiddleware(api),
    /** Staff-only `/api/search-preview`, mounted by the host before Next's handler. */
    previewRouter: searchPreviewRouter(payload, service),
    backend,
    insights,
    close: async () => {
      stopFollowing()
      await insights.close().catch(() => undefined)
      trending.close()
      await trending.flush()
      backend.shutdown()
      await catalogueGeneration.close()
    },
  }
}
