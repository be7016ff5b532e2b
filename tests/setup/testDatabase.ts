import pg from 'pg'

/** The Postgres server the tests use; each run gets its own database on it. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const PREFIX = 'mediamesh_test_'

export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Creates `mediamesh_test_<pid>`, first dropping databases left behind by runs that crashed. */
export async function createTestDatabase(): Promise<string> {
  const name = `${PREFIX}${process.pid}`
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${PREFIX}%`],
    )
    for (const { datname } of rows) {
      // `mediamesh_test_<pid>` and the scratch databases `mediamesh_test_<pid>_<purpose>`.
      const pid = Number(/^mediamesh_test_(\d+)/.exec(datname)?.[1])
      if (datname === name || !Number.isInteger(pid) || !isAlive(pid)) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      }
    }
    await client.query(`CREATE DATABASE "${name}"`)
  })
  return name
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

/**
 * An empty database of a test's own, `mediamesh_test_<pid>_<purpose>` (dropped first if a previous
 * attempt left it), for a host, worker or script that must not share the run's database. Returns
 * its URL.
 */
export async function createScratchDatabase(purpose: string): Promise<string> {
  const name = `${PREFIX}${process.pid}_${purpose}`
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  })
  return databaseUrl(name)
}

export function dropScratchDatabase(purpose: string): Promise<void> {
  return dropTestDatabase(`${PREFIX}${process.pid}_${purpose}`)
}
