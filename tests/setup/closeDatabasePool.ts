import { afterAll } from '@jest/globals'

type PgClient = { release?: (destroy?: boolean) => void }
type PgPool = { _clients?: PgClient[]; end: () => Promise<void> }
type PayloadCache = Map<string, { payload?: { db?: { pool?: PgPool } } | null }>

/**
 * Each test file has its own module registry, so each gets its own Payload instance and Postgres
 * pool. db-postgres checks one client out of that pool for its reconnect logic and never releases
 * it, which would keep connections open until the process ends (and turn the final DROP DATABASE
 * into connection errors). Release it and end the pool when the file is done. `_clients` is pg's
 * private list; there is no public way to reach a client someone else checked out.
 */
afterAll(async () => {
  const cache = (globalThis as { _payload?: PayloadCache })._payload
  const pool = cache?.get('default')?.payload?.db?.pool
  if (!pool) return
  for (const client of pool._clients ?? []) {
    try {
      client.release?.(true)
    } catch {
      // an idle client: pool.end() closes it
    }
  }
  await pool.end().catch(() => undefined)
})
