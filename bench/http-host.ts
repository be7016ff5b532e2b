/**
 * `npm run bench:http`: what the host costs per request on its hot paths, next to a bare node:http
 * server measured in the same run. Machines here are shared and noisy, so the numbers that matter are
 * the ratios to that baseline, not the absolute requests per second.
 *
 * Setup: a fresh `mediamesh_bench` database with the demo catalogue, the production build of the
 * host (logging on, as deployed), autocannon with 50 connections from the same machine.
 * Results: bench/results/http-host.json (committed) and a table on stdout.
 */
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import autocannon from 'autocannon'
import pg from 'pg'

import { ensureProductionBuild } from '../scripts/build'
import { ROOT } from '../scripts/lib/paths'
import { run } from '../scripts/lib/run'
import { ensurePostgres } from '../scripts/lib/services'
import { freePort, spawnServer } from '../scripts/lib/spawnServer'
import { machineInfo } from './lib/machine'

const CONNECTIONS = 50
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10)
const WARMUP_S = 3
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres'
const DATABASE = 'mediamesh_bench'

interface Target {
  name: string
  path: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
}

const TARGETS: Target[] = [
  { name: 'liveness (Express + request id, log line, metrics)', path: '/healthz' },
  { name: 'discovery health (Express router)', path: '/discovery/v1/health' },
  { name: 'REST programs, 20 per page, depth 1 (public)', path: '/api/programs?limit=20&depth=1' },
  {
    name: 'REST episodes, 20 per page, depth 1, Arabic (public)',
    path: '/api/episodes?limit=20&depth=1&locale=ar',
  },
  {
    name: 'GraphQL programs, 20 titles and slugs (public)',
    path: '/api/graphql',
    method: 'POST',
    body: JSON.stringify({ query: '{ Programs(limit: 20) { docs { title slug format } } }' }),
    headers: { 'content-type': 'application/json' },
  },
]

async function resetDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: SERVER })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
  await client.query(`CREATE DATABASE "${DATABASE}"`)
  await client.end()
  const url = new URL(SERVER)
  url.pathname = `/${DATABASE}`
  return url.toString()
}

async function load(url: string, target: Partial<Target>, duration: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    method: target.method ?? 'GET',
    body: target.body,
    headers: target.headers,
  })
}

type Result = Awaited<ReturnType<typeof autocannon>>
const summarise = (result: Result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
  },
  requests: result.requests.total,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
})

async function main() {
  await ensurePostgres(SERVER)
  await ensureProductionBuild()
  const databaseUrl = await resetDatabase()
  console.log('… seeding the bench database with the demo catalogue')
  const seeded = await run('npx', ['tsx', 'scripts/seed.ts'], {
    cwd: ROOT,
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: 'migrate',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    },
  })
  if (seeded !== 0) throw new Error('seeding failed')

  const baselinePort = await freePort()
  const baseline = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}') }).listen(${baselinePort}, '127.0.0.1')`,
    ],
    { stdio: 'ignore' },
  )
  const host = await spawnServer(
    {
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: 'bench-secret-0123456789abcdef',
      JOBS_AUTORUN: 'false',
    },
    'bench',
  )
  try {
    const baselineUrl = `http://127.0.0.1:${baselinePort}/`
    await load(baselineUrl, {}, WARMUP_S)
    const base = summarise(await load(baselineUrl, {}, DURATION_S))
    const results = [
      { name: 'baseline: bare node:http, static JSON', path: '/', ...base, ratioToBaseline: 1 },
    ]
    for (const target of TARGETS) {
      const url = `${host.url}${target.path}`
      await load(url, target, WARMUP_S)
      const measured = summarise(await load(url, target, DURATION_S))
      results.push({
        name: target.name,
        path: target.path,
        ...measured,
        ratioToBaseline:
          Math.round((measured.requestsPerSecond / base.requestsPerSecond) * 1000) / 1000,
      })
    }
    const report = {
      benchmark: 'http-host',
      date: new Date().toISOString(),
      machine: machineInfo(),
      settings: {
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        loadGenerator: 'autocannon 8, same machine',
      },
      note: 'Ratios compare each route with a bare node:http server measured in the same run. autocannon reports p90/p97.5, not p95: p97.5 bounds p95 from above.',
      results,
    }
    const file = path.join(ROOT, 'bench', 'results', 'http-host.json')
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
    console.table(
      results.map((r) => ({
        route: r.name,
        'req/s': r.requestsPerSecond,
        'x baseline': r.ratioToBaseline,
        'p50 ms': r.latencyMs.p50,
        'p97.5 ms': r.latencyMs.p97_5,
        'p99 ms': r.latencyMs.p99,
        errors: r.errors + r.non2xx,
      })),
    )
    console.log(`results written to ${path.relative(ROOT, file)}`)
  } finally {
    baseline.kill()
    host.child.kill('SIGTERM')
    await host.exited
  }
}

await main()
process.exit(0)
