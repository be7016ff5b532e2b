/**
 * Where the relevance benchmark keeps its data: a scratch database, index prefix and Redis prefix
 * of its own, rebuilt from the deterministic demo catalogue on every run (so every run judges the
 * same documents). Free of application imports, like catalogueSettings.ts: src/env.ts reads the
 * environment when first imported, so `useRelevanceEnvironment()` runs before anything from src/.
 */
import nextEnv from '@next/env'

import { SERVER_URL } from './catalogueSettings'

export const RELEVANCE_DATABASE = 'mediamesh_bench_relevance'
export const RELEVANCE_INDEX_PREFIX = 'mediamesh_bench_relevance'
export const RELEVANCE_REDIS_PREFIX = 'mediamesh_bench_relevance:'

export const relevanceDatabaseUrl = (() => {
  const url = new URL(SERVER_URL)
  url.pathname = `/${RELEVANCE_DATABASE}`
  return url.toString()
})()

/** Points this process at the scratch database, index and Redis prefix, then loads `.env` files. */
export function useRelevanceEnvironment(): void {
  Object.assign(process.env, {
    DATABASE_URL: relevanceDatabaseUrl,
    DATABASE_SCHEMA: 'migrate',
    SEARCH_INDEX_PREFIX: RELEVANCE_INDEX_PREFIX,
    REDIS_KEY_PREFIX: RELEVANCE_REDIS_PREFIX,
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Hundreds of queries from one address in a few seconds: not what the limit protects against.
    RATE_LIMIT_DISCOVERY_PER_MINUTE: '100000000',
    // Answers to one query before and after the synonym rules exist must not share a cache entry.
    DISCOVERY_CACHE_TTL_SECONDS: '1',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-relevance-secret-0123456789',
  })
  nextEnv.loadEnvConfig(process.cwd(), true)
}
