/**
 * `npm run build`: a production build of the admin panel and API routes, stamped with a hash of its
 * sources so that `npm test` and `npm start` can tell whether it is current.
 */
import { ROOT } from './lib/paths'
import { buildIsFresh, writeBuildStamp } from './lib/buildStamp'
import { runOrExit } from './lib/run'

export async function ensureProductionBuild({ force = false } = {}): Promise<void> {
  if (!force && (await buildIsFresh(ROOT))) {
    console.log('✓ production build is up to date')
    return
  }
  console.log('… building the production bundle (next build)')
  await runOrExit('npx', ['next', 'build'], {
    cwd: ROOT,
    env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--no-deprecation' },
  })
  await writeBuildStamp(ROOT)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureProductionBuild({ force: process.argv.includes('--force') })
}
