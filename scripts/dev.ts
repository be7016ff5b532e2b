/**
 * `npm run dev`: from a fresh clone to a running platform. Creates the database if it is missing,
 * brings its schema up to date, seeds the demo catalogue on first run, then starts the host in
 * development mode and prints where everything is.
 */
import nextEnv from '@next/env'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'development' })
nextEnv.loadEnvConfig(process.cwd(), true)

const { env } = await import('../src/env')
const { logger } = await import('../src/observability/logger')
const { ensureElasticsearch, ensurePostgres, ensureRedis } = await import('./lib/services')
const { printDemoLogins, runSeed } = await import('./seed/runSeed')
const { startServer } = await import('../src/server/createServer')
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
  const { progressLine } = await import('./lib/progress')
  const indexed = await ensureCatalogueIndexed(payload, searchClient(), catalogueIndex, {
    onProgress: (progress) => process.stderr.write(progressLine(progress)),
  })
  console.log(
    indexed.state === 'up-to-date'
      ? `✓ search index up to date (${indexed.documents} documents)`
      : `\n✓ search index built: ${indexed.documents} documents in ${indexed.seconds.toFixed(1)} s`,
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
