/**
 * `npm test`: the whole suite on a fresh machine. Brings up what the suite needs (a production build
 * of the current sources; services come in as later issues add them), then runs jest. Postgres is
 * expected on 127.0.0.1:5432 (TEST_POSTGRES_URL to override); each run uses its own database.
 */
import { ensureProductionBuild } from './build'
import { ROOT } from './lib/paths'
import { run } from './lib/run'

await ensureProductionBuild()

const code = await run('npx', ['jest', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { NODE_OPTIONS: '--experimental-vm-modules --no-deprecation', NEXT_TELEMETRY_DISABLED: '1' },
})
process.exit(code)
