import { Redis } from 'ioredis'

import { dropTestBucket } from './testBucket'
import { dropTestDatabase } from './testDatabase'

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__MEDIAMESH_TEST__
  if (!state) return
  state.server.child.kill('SIGTERM')
  await Promise.race([state.server.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  if (state.server.child.exitCode === null) state.server.child.kill('SIGKILL')
  await dropTestDatabase(state.database)
  await dropTestBucket(state.bucket).catch(() => undefined)
  // Indices every test file created under the run's prefix (test files also clean up their own).
  // The separator matters: `mediamesh_test_12*` would also match another run's `..._123-...`.
  const run = `mediamesh_test_${process.pid}`
  await fetch(
    `${process.env.ELASTICSEARCH_URL ?? `http://127.0.0.1:${process.env.ES_PORT ?? 9200}`}/${run}-*,${run}_*`,
    {
      method: 'DELETE',
    },
  ).catch(() => undefined)
  await dropRedisKeys(`mediamesh_test_${process.pid}:*`).catch(() => undefined)
}

/** The run's Redis keys (SCAN is fine here: a test prefix on a test server). */
async function dropRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true })
  await redis.connect()
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
      if (keys.length) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
