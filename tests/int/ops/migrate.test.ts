/**
 * `npm run migrate`, the step a rollout runs before new instances start (the Kubernetes migration
 * Job, compose's `migrate` service): on an empty database it applies every committed migration;
 * two runs at once take turns; a run with nothing left to do succeeds and changes nothing.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { compiledEntry, ROOT } from '../../../scripts/lib/paths'
import { createScratchDatabase, dropScratchDatabase } from '../../setup/testDatabase'
import { runCommand } from '../helpers/exec'

const PURPOSE = 'migrate'
let databaseUrl = ''

/** Runs the script as production runs it. */
const migrate = () =>
  runCommand(process.execPath, [compiledEntry('migrate')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: '',
      PAYLOAD_SECRET: 'migration-test-secret-0123456789',
      LOG_LEVEL: 'info',
    },
  })

/** Applied migrations, by name, in the test's database. */
async function applied(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT name FROM payload_migrations ORDER BY name',
    )
    return rows.map((row) => row.name)
  } finally {
    await client.end()
  }
}

const committed = readdirSync(path.join(ROOT, 'src/migrations'))
  .filter((file) => /^\d.*\.ts$/.test(file))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort()

beforeAll(async () => {
  databaseUrl = await createScratchDatabase(PURPOSE)
})

afterAll(() => dropScratchDatabase(PURPOSE))

describe('npm run migrate', () => {
  it('applies every committed migration once, even when two runs start together', async () => {
    const [first, second] = await Promise.all([migrate(), migrate()])
    expect({ code: first.code, output: first.output }).toMatchObject({ code: 0 })
    expect({ code: second.code, output: second.output }).toMatchObject({ code: 0 })
    expect(await applied()).toEqual(committed)
    // One of the two did the work; the other, after waiting for the lock, found nothing to do.
    const counts = [first.output, second.output]
      .map((output) => /"applied":(\d+)/.exec(output)?.[1])
      .map(Number)
      .sort()
    expect(counts).toEqual([0, committed.length])
  }, 300_000)

  it('changes nothing when the database is up to date', async () => {
    const again = await migrate()
    expect(again.code).toBe(0)
    expect(again.output).toMatch(/"applied":0/)
    expect(await applied()).toEqual(committed)
  }, 300_000)
})
