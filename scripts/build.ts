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
  const { parseCli } = await import('./lib/cli')
  const { values } = parseCli({
    command: 'npm run build',
    summary:
      'Builds the production bundle (next build) unless the one on disk was built from the current\n' +
      'sources (a stamp of their hash); npm start and npm test use it.',
    options: {
      force: {
        type: 'boolean',
        default: false,
        description: 'Build even if the bundle is current.',
      },
    },
    examples: ['npm run build', 'npm run build -- --force'],
  })
  await ensureProductionBuild({ force: values.force })
}
