/**
 * `npm test`: the whole suite on a fresh machine. Brings up what the suite needs (PostgreSQL, a
 * production build of the current sources), then runs jest. Each run uses its own database on the
 * server at TEST_POSTGRES_URL (default: the local one).
 */
import { ensureProductionBuild } from './build'
import { ROOT } from './lib/paths'
import { run } from './lib/run'
import { ensurePostgres } from './lib/services'

await ensurePostgres(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
await ensureProductionBuild()

const code = await run('npx', ['jest', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { NODE_OPTIONS: '--experimental-vm-modules --no-deprecation', NEXT_TELEMETRY_DISABLED: '1' },
})
process.exit(code)
