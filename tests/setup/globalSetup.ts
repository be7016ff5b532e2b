import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { ROOT } from '../../scripts/lib/paths'
import { spawnServer, type SpawnedServer } from '../../scripts/lib/spawnServer'
import { createTestBucket, testS3Env } from './testBucket'
import { createTestDatabase, databaseUrl } from './testDatabase'

declare global {
  // Shared with globalTeardown (jest runs both in the same context).
  var __MEDIAMESH_TEST__: { database: string; bucket: string; server: SpawnedServer } | undefined
}

/**
 * Once per run: a fresh database, then the real host in production mode on an ephemeral port,
 * sharing the database and secret with the in-process Payload that tests use for the Local API.
 * Unit-only runs (`npm run test:unit`) need none of it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MEDIAMESH_TEST_SERVICES === 'none') return
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error(
      'No production build found: run `npm test` (it builds when needed) or `npm run build`.',
    )
  }
  const database = await createTestDatabase()
  // Uploads go to S3, as in production: the run's own bucket on the local S3Proxy.
  const bucket = `mediamesh-test-${process.pid}`
  await createTestBucket(bucket)
  const shared = {
    ...testS3Env(bucket),
    DATABASE_URL: databaseUrl(database),
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
    // The run's own indices and aliases on the shared node.
    SEARCH_INDEX_PREFIX: `mediamesh_test_${process.pid}`,
    // Small, so the size limit can be tested without shipping gigabytes.
    UPLOAD_MAX_BYTES: String(2 * 1024 * 1024),
    // Below it, so the per-kind limit is tested too (tests/int/media).
    MEDIA_MAX_IMAGE_BYTES: String(1024 * 1024),
    // The run's own keys and channels on the shared Redis.
    REDIS_KEY_PREFIX: `mediamesh_test_${process.pid}:`,
    // The whole suite comes from one address and logs the same users in many times: limits are
    // tested on hosts of their own (tests/int/discovery/rateLimits.test.ts).
    RATE_LIMIT_DISCOVERY_PER_MINUTE: '1000000',
    RATE_LIMIT_EVENTS_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    // Ingestion tests serve their feeds on loopback, and exercise the timeout and size limits.
    INGEST_ALLOW_PRIVATE_NETWORKS: 'true',
    INGEST_TIMEOUT_MS: '3000',
    INGEST_MAX_BYTES: String(4 * 1024 * 1024),
  }
  // Test files read these through src/env.ts (jest copies process.env into each test environment).
  Object.assign(process.env, shared, { NODE_ENV: 'test', JOBS_AUTORUN: 'false', LOG_LEVEL: 'warn' })

  const server = await spawnServer({ ...shared, JOBS_AUTORUN: 'false', LOG_LEVEL: 'info' }, 'host')
  process.env.TEST_SERVER_URL = server.url
  process.env.TEST_SERVER_LOG = server.logFile
  globalThis.__MEDIAMESH_TEST__ = { database, bucket, server }
}
