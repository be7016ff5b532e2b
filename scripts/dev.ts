/**
 * `npm run dev`: from a fresh clone to a running platform. Creates the database if it is missing,
 * brings its schema up to date, seeds the demo catalogue on first run, then starts the host in
 * development mode and prints where everything is.
 */
import nextEnv from '@next/env'

import { parseCli } from './lib/cli'

parseCli({
  command: 'npm run dev',
  summary:
    'From a fresh clone to a running platform: creates the database if it is missing, migrates it,\n' +
    'seeds the demo catalogue on the first run, indexes it, then starts the host in development\n' +
    'mode (hot reload, readable logs) and prints where everything is.',
  examples: ['npm run dev', 'PORT=3001 npm run dev'],
  notes: 'Logs: readable lines here; set LOG_FORMAT=json for the production format.',
})

// Readable log lines on a developer's terminal; production and tests keep JSON (src/env.ts).
Object.assign(process.env, {
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
})
nextEnv.loadEnvConfig(process.cwd(), true)

const { env } = await import('../src/env')
const { logger } = await import('../src/observability/logger')
const { ensureElasticsearch, ensurePostgres, ensureRedis } = await import('./lib/services')
const { printDemoLogins, runSeed } = await import('./seed/runSeed')
const { startServer } = await import('../src/host/createServer')
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')

await ensurePostgres(env.DATABASE_URL)
await ensureRedis(env.REDIS_URL, { required: false })
const searchUrl = await ensureElasticsearch(
  { explicitUrl: env.ELASTICSEARCH_URL_EXPLICIT, port: env.ES_PORT },
  { required: false },
)
const payload = await getPayload({ config })
const { totalDocs } = await payload.count({ collection: 'programs' })
if (totalDocs === 0 && !env.isProduction) {
  console.log('… first run: seeding the demo catalogue')
  await runSeed()
}

// Index the catalogue before listening, so the first search finds it.
if (searchUrl) {
  const { ensureCatalogueIndexed } = await import('../src/search/ensureIndexed')
  const { searchClient } = await import('../src/search/client')
  const { catalogueIndex } = await import('../src/search/config')
  const { progressReporter } = await import('./lib/progress')
  const progress = progressReporter({ label: 'indexing' })
  const indexed = await ensureCatalogueIndexed(payload, searchClient(), catalogueIndex, {
    onProgress: ({ indexed, total }) => progress.update(indexed, total),
  })
  progress.finish()
  console.log(
    indexed.state === 'up-to-date'
      ? `✓ search index up to date (${indexed.documents} documents)`
      : `✓ search index built: ${indexed.documents} documents in ${indexed.seconds.toFixed(1)} s`,
  )
}

const running = await startServer({ dev: true, port: env.PORT, host: env.HOST })
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void running.shutdown(signal).finally(() => process.exit(0)))
}
const url = running.url
console.log(`
MediaMesh is running (development mode)
  admin panel   ${url}/admin
  REST API      ${url}/api/programs
  GraphQL       ${url}/api/graphql   (playground: ${url}/api/graphql-playground)
  discovery     ${url}/discovery/v1/health
  health        ${url}/healthz  ${url}/readyz  ${url}/metrics
`)
printDemoLogins()
logger.info({ url }, 'MediaMesh is listening')
