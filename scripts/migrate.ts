/**
 * `npm run migrate`: applies the committed migrations (src/migrations) and exits. Production runs it
 * before a rollout (the Kubernetes migration Job, compose's `migrate` service) with the instances'
 * MIGRATE_ON_START=false. A Postgres advisory lock makes concurrent runs take turns: the second one
 * finds nothing left to apply.
 */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')
// This script migrates, under its lock; Payload must not also do so while it starts.
process.env.MIGRATE_ON_START = 'false'
process.env.DATABASE_SCHEMA ??= 'migrate'

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { migrations } = await import('../src/migrations')
const { flushLogs, logger } = await import('../src/observability/logger')

const LOCK = "hashtext('mediamesh:migrate')"

const payload = await getPayload({ config })
const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
const lock = await pool.connect()
let code = 0
try {
  await lock.query(`SELECT pg_advisory_lock(${LOCK})`)
  const before = await appliedCount()
  await payload.db.migrate({ migrations: migrations as never })
  logger.info({ applied: (await appliedCount()) - before, total: migrations.length }, 'migrated')
} catch (error) {
  logger.error({ err: error }, 'migration failed')
  code = 1
} finally {
  await lock.query(`SELECT pg_advisory_unlock(${LOCK})`).catch(() => undefined)
  lock.release()
}
await flushLogs()
process.exit(code)

async function appliedCount(): Promise<number> {
  const result = await pool
    .query(`SELECT count(*)::int AS n FROM payload_migrations WHERE batch > -1`)
    .catch(() => ({ rows: [{ n: 0 }] }))
  return result.rows[0].n as number
}
