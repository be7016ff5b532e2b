/**
 * The README's backup and restore procedure, as written: pg_dump of the suite's database (with
 * whatever the other tests left in it), pg_restore into an empty database, `npm run migrate` (a
 * no-op), `npm run reindex`; the restored database has the same rows, and the rebuilt index holds
 * exactly its public catalogue.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { ROOT } from '../../../scripts/lib/paths'
import { TEST_POSTGRES_URL, databaseUrl } from '../../setup/testDatabase'
import { future, makeEpisode, makeProgram } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

const exec = promisify(execFile)
const SOURCE = process.env.DATABASE_URL!
const RESTORED = `mediamesh_test_${process.pid}_restored`
const PREFIX = `mediamesh_test_${process.pid}_restored`
const ES = process.env.ELASTICSEARCH_URL ?? `http://127.0.0.1:${process.env.ES_PORT ?? 9200}`
const dir = mkdtempSync(path.join(tmpdir(), 'mediamesh-backup-'))
const dump = path.join(dir, 'mediamesh.dump')

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

/** Row counts of the tables that hold content, users and jobs. */
async function counts(url: string) {
  const [row] = await query(
    url,
    `SELECT (SELECT count(*) FROM programs)::int AS programs,
            (SELECT count(*) FROM episodes)::int AS episodes,
            (SELECT count(*) FROM categories)::int AS categories,
            (SELECT count(*) FROM media)::int AS media,
            (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM _programs_v)::int AS program_versions,
            (SELECT count(*) FROM payload_migrations)::int AS migrations`,
  )
  return row
}

const script = (name: string) =>
  exec('npx', ['tsx', `scripts/${name}.ts`], {
    cwd: ROOT,
    timeout: 180_000,
    env: {
      ...process.env,
      NODE_OPTIONS: '--no-deprecation',
      DATABASE_URL: databaseUrl(RESTORED),
      SEARCH_INDEX_PREFIX: PREFIX,
      LOG_LEVEL: 'info',
    },
  })

beforeAll(async () => {
  await query(TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS "${RESTORED}" WITH (FORCE)`)
  // Content in every state, besides whatever the suite's other tests left in the database.
  const payload = await testPayload()
  const program = await makeProgram(payload)
  await makeEpisode(payload, program)
  await makeEpisode(payload, program, 'draft')
  await makeEpisode(payload, program, 'published', { publishedAt: future() })
  await makeEpisode(payload, await makeProgram(payload, 'draft'))
}, 60_000)

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await query(TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS "${RESTORED}" WITH (FORCE)`)
  await fetch(`${ES}/${PREFIX}*`, { method: 'DELETE' }).catch(() => undefined)
})

describe('backup and restore', () => {
  it('restores every row, and reindex rebuilds search from the restored database', async () => {
    const before = await counts(SOURCE)

    await exec('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, SOURCE])
    await query(TEST_POSTGRES_URL, `CREATE DATABASE "${RESTORED}"`)
    await exec('pg_restore', ['--no-owner', `--dbname=${databaseUrl(RESTORED)}`, dump])
    expect(await counts(databaseUrl(RESTORED))).toEqual(before)

    const migrated = await script('migrate')
    expect(migrated.stdout + migrated.stderr).toMatch(/"applied":0/)

    const reindexed = await script('reindex')
    const documents = Number(/✓ (\d+) documents/.exec(reindexed.stdout)?.[1])
    // The public catalogue: published programs, and published episodes of published programs.
    const [expected] = await query<{ n: number }>(
      databaseUrl(RESTORED),
      `SELECT (SELECT count(*) FROM programs p WHERE p._status = 'published' AND (p.published_at IS NULL OR p.published_at <= now()))
            + (SELECT count(*) FROM episodes e JOIN programs p ON p.id = e.program_id
                WHERE e._status = 'published' AND (e.published_at IS NULL OR e.published_at <= now())
                  AND p._status = 'published' AND (p.published_at IS NULL OR p.published_at <= now()))
            AS n`,
    )
    expect(documents).toBe(Number(expected!.n))
    const indexed = (await (await fetch(`${ES}/${PREFIX}-catalogue/_count`)).json()) as {
      count: number
    }
    expect(indexed.count).toBe(documents)
  }, 300_000)
})
