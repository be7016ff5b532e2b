import pg from 'pg'

import { ROOT } from './paths'
import { run } from './run'

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

async function canConnect(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Makes sure the Postgres server behind `databaseUrl` answers. A local one that is down is started
 * (scripts/services/postgres.sh); a remote one that is down is an error with a clear message.
 * A missing database is fine: Payload creates it.
 */
export async function ensurePostgres(databaseUrl: string): Promise<void> {
  const server = new URL(databaseUrl)
  server.pathname = '/postgres'
  if (await canConnect(server.toString())) return
  if (LOCAL_HOSTS.has(server.hostname)) {
    const code = await run('bash', ['scripts/services/postgres.sh'], { cwd: ROOT })
    if (code === 0 && (await canConnect(server.toString()))) return
  }
  console.error(
    `✗ Cannot reach PostgreSQL at ${server.host}. Start it or point DATABASE_URL elsewhere.`,
  )
  process.exit(1)
}
