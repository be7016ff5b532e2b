import pg from 'pg'

/**
 * Fails with a readable message when Postgres cannot be reached at all. A missing database is fine:
 * Payload creates it. Connects to the server's `postgres` database to tell the two apart.
 */
export async function ensurePostgresReachable(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    console.error(
      `✗ Cannot reach PostgreSQL at ${url.host} (${reason}).\n` +
        '  Start it (e.g. `pg_ctlcluster <version> main start`) or set DATABASE_URL.',
    )
    process.exit(1)
  } finally {
    await client.end().catch(() => undefined)
  }
}
