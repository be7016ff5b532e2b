/**
 * `npm run migrate`: applies the committed migrations (src/migrations) and exits. Production runs it
 * before a rollout (the Kubernetes migration Job, compose's `migrate` service) with the instances'
 * MIGRATE_ON_START=false. A Postgres advisory lock makes concurrent runs take turns: the second one
 * finds nothing left to apply.
 */
import nextEnv from '@next/env'

import { parseCli } from './lib/cli'

parseCli({
  command: 'npm run migrate',
  summary:
    'Applies the committed migrations (src/migrations) to the database DATABASE_URL names and\n' +
    'exits. Concurrent runs take turns under a Postgres advisory lock; the second finds nothing to\n' +
    'do. Run it before a rollout with MIGRATE_ON_START=false on the instances.',
  examples: ['npm run migrate', 'DATABASE_URL=postgres://... npm run migrate'],
  notes: 'Exit codes: 0 up to date, 1 failed (logged), 2 usage error.',
})

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')
// This script migrates, under its lock; Payload must not also do so while it starts.
process.env.MIGRATE_ON_START = 'false'
process.env.DATABASE_SCHEMA ??= 'migrate'

const { default: pg } = await import('pg')
const { getPayload } = await import('payload')
const { default: config, committedMigrations } = await import('../payload.config')
const { env } = await import('../src/env')
const { flushLogs, logger } = await import('../src/observability/logger')

const LOCK = "hashtext('mediamesh:migrate')"

const payload = await getPayload({ config })
// The lock lives on a connection of its own, outside Payload's pool (which may hold one connection).
const lock = new pg.Client({ connectionString: env.DATABASE_URL })
await lock.connect()
let code = 0
try {
  await lock.query(`SELECT pg_advisory_lock(${LOCK})`)
  const before = await appliedCount()
  await payload.db.migrate({ migrations: committedMigrations })
  const applied = (await appliedCount()) - before
  logger.info({ applied, total: committedMigrations.length }, 'migrated')
} catch (error) {
  logger.error({ err: error }, 'migration failed')
  code = 1
} finally {
  await lock.end().catch(() => undefined)
}
await flushLogs()
process.exit(code)

async function appliedCount(): Promise<number> {
  const result = await lock
    .query(`SELECT count(*)::int AS n FROM payload_migrations WHERE batch > -1`)
    .catch(() => ({ rows: [{ n: 0 }] }))
  return result.rows[0].n as number
}
