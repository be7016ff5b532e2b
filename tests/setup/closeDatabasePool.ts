import { afterAll } from '@jest/globals'

import { stopJobRunners } from '../../src/jobs/claimingRunner'

type PgClient = {
  release?: (destroy?: boolean) => void
  _activeQuery?: unknown
  queryQueue?: unknown[]
}
type PgPool = { _clients?: PgClient[]; _idle?: { client: PgClient }[]; end: () => Promise<void> }
type PayloadCache = Map<string, { payload?: { db?: { pool?: PgPool } } | null }>

const busy = (client: PgClient) =>
  Boolean(client._activeQuery) || (client.queryQueue?.length ?? 0) > 0

/**
 * Each test file has its own module registry, so each gets its own Payload instance and Postgres
 * pool. db-postgres checks one client out of that pool for its reconnect logic and never releases
 * it, which would keep connections open until the process ends (and turn the final DROP DATABASE
 * into connection errors). Release it and end the pool when the file is done. `_clients` is pg's
 * private list; there is no public way to reach a client someone else checked out.
 *
 * jest-circus runs `afterAll` hooks in declaration order, so this one (a setup file's) runs before
 * the test file's own: it first stops the file's job runners and lets queries in flight finish.
 * Destroying a client in the middle of a query made pg release it twice ("Release called on client
 * which has already been released to the pool"), an uncaught error that failed the whole file.
 */
afterAll(async () => {
  await stopJobRunners(60_000)
  const cache = (globalThis as { _payload?: PayloadCache })._payload
  const pool = cache?.get('default')?.payload?.db?.pool
  if (!pool) return
  const deadline = Date.now() + 60_000
  while ((pool._clients ?? []).some(busy) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const client of pool._clients ?? []) {
    if (idle.has(client) || busy(client)) continue
    try {
      client.release?.(true)
    } catch {
      // released meanwhile: pool.end() closes it
    }
  }
  await pool.end().catch(() => undefined)
}, 180_000)
