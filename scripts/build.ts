/**
 * `npm run build`: the production build. The processes (host, worker, scripts) and the package
 * entries compiled to JavaScript in dist/ (esbuild, about a second: always redone), and the admin
 * panel and API routes built by Next, stamped with a hash of their sources so that `npm test` can
 * tell whether that (minutes long) build is current.
 */
import { ROOT } from './lib/paths'
import { buildIsFresh, writeBuildStamp } from './lib/buildStamp'
import { compile, emitTypes } from './lib/compile'
import { runOrExit } from './lib/run'

export async function ensureProductionBuild({ force = false } = {}): Promise<void> {
  const started = Date.now()
  await compile()
  console.log(`✓ compiled the processes to dist/ in ${Date.now() - started} ms`)
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
      'Compiles the host, the worker and the scripts to dist/, and builds the production bundle\n' +
      '(next build) unless the one on disk was built from the current sources (a stamp of their\n' +
      'hash); npm start and npm test use both.',
    options: {
      force: {
        type: 'boolean',
        default: false,
        description: 'Build even if the bundle is current.',
      },
      package: {
        type: 'boolean',
        default: false,
        description:
          'Only what the npm package holds: dist/ and the type declarations (npm pack runs this).',
      },
    },
    examples: ['npm run build', 'npm run build -- --force', 'npm run build -- --package'],
  })
  if (values.package) {
    await compile()
    await emitTypes()
    console.log('✓ dist/ and dist/types ready for npm pack')
  } else {
    await ensureProductionBuild({ force: values.force })
  }
}
