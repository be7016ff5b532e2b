/**
 * `npm test`: the whole suite on a fresh machine. Brings up what the suite needs (PostgreSQL,
 * Elasticsearch, Redis, an S3 server (S3Proxy), a production build of the current sources,
 * Chromium for the browser tests), then runs jest. Each run uses its own database on the
 * server at TEST_POSTGRES_URL (default: the local one).
 */
import { parseCli } from './lib/cli'

parseCli({
  command: 'npm test --',
  args: '[test paths]',
  passThrough: true,
  summary:
    'Runs the test suite: starts what it needs (PostgreSQL, Elasticsearch, Redis, S3Proxy),\n' +
    'rebuilds the production bundle if the sources changed, runs the analysis plugin unit tests,\n' +
    'then jest. Paths and every other option are passed to jest.',
  examples: [
    'npm test                                   # the whole suite',
    'npm test -- tests/int/ingest               # one folder',
    'npm run test:unit -- tests/unit/ingest     # unit tests only, no services',
  ],
})

const { ensureProductionBuild } = await import('./build')
const { ensureChromium } = await import('./lib/chromium')
const { ROOT } = await import('./lib/paths')
const { run } = await import('./lib/run')
const { ensureElasticsearch, ensurePostgres, ensureRedis, ensureS3Proxy } =
  await import('./lib/services')

await ensurePostgres(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
await ensureElasticsearch(
  { explicitUrl: process.env.ELASTICSEARCH_URL, port: Number(process.env.ES_PORT ?? 9200) },
  { required: true },
)
await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { required: true })
// Uploads are stored in S3 during the tests (a bucket per run on a local S3Proxy).
if (!process.env.TEST_S3_ENDPOINT) await ensureS3Proxy()
await ensureProductionBuild()
// The admin panel's browser tests (tests/e2e) drive Debian's Chromium.
await ensureChromium()

// The analysis plugin's own unit tests (JUnit, Lucene only); its behaviour inside a real node is
// covered by tests/int/search.
console.log('… analysis plugin unit tests (mvn test)')
const pluginTests = await run(
  'mvn',
  ['-B', '-q', '-f', 'elasticsearch/analysis-plugin/pom.xml', 'test'],
  { cwd: ROOT },
)
if (pluginTests !== 0) process.exit(pluginTests)

// --runInBand: the suites share one database, one host and one search node.
const code = await run('npx', ['jest', '--runInBand', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { NODE_OPTIONS: '--experimental-vm-modules --no-deprecation', NEXT_TELEMETRY_DISABLED: '1' },
})
process.exit(code)
