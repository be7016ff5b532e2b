/**
 * Assembles the discovery API for one process: search backend (with its breaker), the two-level
 * cache following the catalogue generation, trending counters, and the router.
 */
import type { Payload } from 'payload'

import { env } from '../env'
import { redis, redisKey } from '../redis/client'
import { catalogueGeneration } from '../search/catalogueChanges'
import { searchClient } from '../search/client'
import { catalogueIndex } from '../search/config'
import { DiscoveryCache } from './cache'
import { cachedHandlers, plainHandlers } from './handlers'
import { discoveryRouter } from './router'
import { SearchBackend } from './searchBackend'
import { DiscoveryService } from './service'
import { TrendingCounter } from './trending'

export function createDiscovery(payload: Payload) {
  const backend = new SearchBackend({
    client: searchClient(),
    index: catalogueIndex.read,
    timeoutMs: env.DISCOVERY_SEARCH_TIMEOUT_MS,
  })
  catalogueGeneration.follow()
  const cache = new DiscoveryCache({
    redis: redis(),
    generation: () => catalogueGeneration.current(),
    keyPrefix: redisKey('discovery', 'v1', ''),
    ttlMs: env.DISCOVERY_CACHE_TTL_SECONDS * 1000,
    staleTtlMs: env.DISCOVERY_STALE_TTL_SECONDS * 1000,
    memoryBytes: env.DISCOVERY_MEMORY_CACHE_MB * 1024 * 1024,
  })
  const trending = new TrendingCounter(redis(), redisKey('trending', ''))
  const service = new DiscoveryService(backend, payload, trending, env.DISCOVERY_CURSOR_SECRET)
  // Category names can change with any catalogue change.
  const stopFollowing = catalogueGeneration.onChange(() => service.forgetCategories())
  const router = discoveryRouter({
    cache,
    cached: cachedHandlers(service),
    plain: plainHandlers(service, trending),
  })
  return {
    router,
    backend,
    close: async () => {
      stopFollowing()
      trending.close()
      await trending.flush()
      backend.shutdown()
      await catalogueGeneration.close()
    },
  }
}
