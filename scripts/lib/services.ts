import { connect } from 'node:net'

import pg from 'pg'

import { ROOT } from './paths'
import { run } from './run'

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

async function canConnect(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Makes sure the Postgres server behind `databaseUrl` answers. A local one that is down is started
 * (scripts/services/postgres.sh); a remote one that is down is an error with a clear message.
 * A missing database is fine: Payload creates it.
 */
export async function ensurePostgres(databaseUrl: string): Promise<void> {
  const server = new URL(databaseUrl)
  server.pathname = '/postgres'
  if (await canConnect(server.toString())) return
  if (LOCAL_HOSTS.has(server.hostname)) {
    const code = await run('bash', ['scripts/services/postgres.sh'], { cwd: ROOT })
    if (code === 0 && (await canConnect(server.toString()))) return
  }
  console.error(
    `✗ Cannot reach PostgreSQL at ${server.host}. Start it or point DATABASE_URL elsewhere.`,
  )
  process.exit(1)
}

async function clusterAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(3000) })
    return response.ok
  } catch {
    return false
  }
}

/**
 * Makes sure Elasticsearch answers. With ELASTICSEARCH_URL set, that cluster is used and nothing is
 * ever started (an unreachable one is an error). Without it, the local dev/test node on ES_PORT is
 * started by scripts/elasticsearch/es.sh when nothing answers there.
 * Returns the URL to use.
 */
export async function ensureElasticsearch(
  { explicitUrl, port }: { explicitUrl?: string; port: number },
  { required }: { required: boolean },
): Promise<string | undefined> {
  if (explicitUrl) {
    if (await clusterAnswers(explicitUrl)) return explicitUrl
    const message = `Elasticsearch at ELASTICSEARCH_URL=${explicitUrl} does not answer (not starting a local node because ELASTICSEARCH_URL is set).`
    if (required) {
      console.error(`✗ ${message}`)
      process.exit(1)
    }
    console.warn(`! ${message}`)
    return undefined
  }
  const url = `http://127.0.0.1:${port}`
  if (await clusterAnswers(url)) return url
  const code = await run('bash', ['scripts/elasticsearch/es.sh', 'start'], {
    cwd: ROOT,
    env: { ES_PORT: String(port) },
  })
  if (code === 0) return url
  if (required) {
    console.error('✗ Could not start the local Elasticsearch node (see the messages above).')
    process.exit(1)
  }
  console.warn('! Elasticsearch is not available: the CMS runs, search and discovery are degraded.')
  return undefined
}

/** Whether something at `url` answers Redis' PING with PONG. */
export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(2000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

/**
 * Makes sure Redis answers at `url`. A local one that is down is started (scripts/services/redis.sh,
 * which installs it from Debian when absent); a remote one that is down is reported. Redis is
 * optional at run time (discovery degrades to in-process caching), so `required` is for tests.
 */
export async function ensureRedis(url: string, { required }: { required: boolean }): Promise<void> {
  if (await redisAnswers(url)) return
  const { hostname, port } = new URL(url)
  if (LOCAL_HOSTS.has(hostname)) {
    const code = await run('bash', ['scripts/services/redis.sh'], {
      cwd: ROOT,
      env: { REDIS_PORT: port || '6379' },
    })
    if (code === 0 && (await redisAnswers(url))) return
  }
  const message = `Cannot reach Redis at ${url}.`
  if (required) {
    console.error(`✗ ${message} Start it or point REDIS_URL elsewhere.`)
    process.exit(1)
  }
  console.warn(`! ${message} Discovery runs with in-process caching only.`)
}

/**
 * Makes sure the local S3Proxy answers (scripts/services/s3proxy.sh: fetched from Maven Central
 * once, started as a background process). Tests store uploads there, in a bucket per run.
 */
export async function ensureS3Proxy(): Promise<void> {
  const code = await run('bash', ['scripts/services/s3proxy.sh', 'start'], { cwd: ROOT })
  if (code !== 0) {
    console.error('✗ Could not start the local S3 server (see the messages above).')
    process.exit(1)
  }
}
