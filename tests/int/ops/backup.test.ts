/**
 * The README's backup and restore procedure, as written: pg_dump of the suite's database (with
 * whatever the other tests left in it), pg_restore into an empty database, `npm run migrate` (a
 * no-op), `npm run reindex`; the restored database has the same rows, and the rebuilt index holds
 * exactly its public catalogue.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { compiledEntry } from '../../../scripts/lib/paths'
import { createScratchDatabase, dropScratchDatabase } from '../../setup/testDatabase'
import { runCommand } from '../helpers/exec'
import { future, makeEpisode, makeProgram } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

const SOURCE = process.env.DATABASE_URL!
const PURPOSE = 'restored'
let restored = ''
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

const script = (name: 'migrate' | 'reindex') =>
  runCommand(process.execPath, [compiledEntry(name)], {
    timeoutMs: 180_000,
    env: {
      ...process.env,
      NODE_OPTIONS: '--no-deprecation',
      DATABASE_URL: restored,
      SEARCH_INDEX_PREFIX: PREFIX,
      LOG_LEVEL: 'info',
    },
  })

/** pg_dump and pg_restore, which must succeed. */
async function postgresTool(command: string, args: string[]) {
  const { code, output } = await runCommand(command, args)
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${output}`)
}

beforeAll(async () => {
  // Content in every state, besides whatever the suite's other tests left in the database.
  const payload = await testPayload()
  const program = await makeProgram(payload)
  await makeEpisode(payload, program)
  await makeEpisode(payload, program, 'draft')
  await makeEpisode(payload, program, 'published', { publishedAt: future() })
  await makeEpisode(payload, await makeProgram(payload, 'draft'))
}, 300_000)

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await dropScratchDatabase(PURPOSE)
  await fetch(`${ES}/${PREFIX}*`, { method: 'DELETE' }).catch(() => undefined)
})

describe('backup and restore', () => {
  it('restores every row, and reindex rebuilds search from the restored database', async () => {
    const before = await counts(SOURCE)

    await postgresTool('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, SOURCE])
    restored = await createScratchDatabase(PURPOSE)
    await postgresTool('pg_restore', ['--no-owner', `--dbname=${restored}`, dump])
    expect(await counts(restored)).toEqual(before)

    const migrated = await script('migrate')
    expect(migrated).toMatchObject({ code: 0, output: expect.stringMatching(/"applied":0/) })

    const reindexed = await script('reindex')
    expect(reindexed.code).toBe(0)
    const documents = Number(/✓ (\d+) documents/.exec(reindexed.output)?.[1])
    // The public catalogue (src/search/publication.ts): published and due programs, and published
    // and due episodes of such programs.
    const due = (t: string) => `${t}._status = 'published' AND ${t}.published_at <= now()`
    const [expected] = await query<{ n: number }>(
      restored,
      `SELECT (SELECT count(*) FROM programs p WHERE ${due('p')})
            + (SELECT count(*) FROM episodes e JOIN programs p ON p.id = e.program_id
                WHERE ${due('e')} AND ${due('p')}) AS n`,
    )
    expect(documents).toBe(Number(expected!.n))
    const indexed = (await (await fetch(`${ES}/${PREFIX}-catalogue/_count`)).json()) as {
      count: number
    }
    expect(indexed.count).toBe(documents)
  }, 300_000)
})
