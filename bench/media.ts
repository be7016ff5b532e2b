/**
 * `npm run bench:media`: what serving and uploading media costs on the host, next to a bare
 * node:http server that streams the same file from disk with Range support, measured in the same
 * run (these machines are shared and noisy: the ratios matter, not the absolute numbers).
 *
 * Setup: a fresh `mediamesh_bench_media` database; two production hosts on it, one storing uploads
 * in S3 (a bucket on the local S3Proxy), one on local disk. A 20 MiB MP3 is uploaded to each and
 * published, then anonymous players' requests (1 MiB ranges from the middle of the file, as a
 * seeking player sends) run for 10 s per target with 20 connections. Also measured: how much a
 * 200 MiB upload raises the host's resident memory (uploads stream to temporary files).
 * Results: bench/results/media.json (committed) and a table on stdout.
 */
import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { ensureProductionBuild } from '../scripts/build'
import { ROOT } from '../scripts/lib/paths'
import { ensurePostgres, ensureRedis, ensureS3Proxy } from '../scripts/lib/services'
import { freePort, spawnServer, stopServer, type SpawnedServer } from '../scripts/lib/spawnServer'
import { MP3_FRAME_BYTES, mp3Bytes } from '../tests/fixtures/mp3'
import { createTestBucket, dropTestBucket, testS3Env } from '../tests/setup/testBucket'
import { machineInfo } from './lib/machine'
import { runLoad, type LoadResult } from './lib/runLoad'

const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres'
const DATABASE = 'mediamesh_bench_media'
const CONNECTIONS = 20
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10)
const MIB = 1024 * 1024
const FILE_BYTES = 20 * MIB
const BIG_UPLOAD_BYTES = 200 * MIB
const RANGE = `bytes=${10 * MIB}-${11 * MIB - 1}`

/** An MP3 of at most `bytes` bytes. */
const mp3Of = (bytes: number) => mp3Bytes(Math.floor(bytes / MP3_FRAME_BYTES))

async function freshDatabase(): Promise<string> {
  await ensurePostgres(SERVER)
  const client = new pg.Client({ connectionString: SERVER })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
  await client.query(`CREATE DATABASE "${DATABASE}"`)
  await client.end()
  return SERVER.replace(/\/postgres$/, `/${DATABASE}`)
}

async function json(response: Response) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Payload REST bodies, read loosely here
  const body = (await response.json()) as any
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`)
  return body
}

/** The first account (an admin), logged in. */
async function adminToken(origin: string): Promise<string> {
  const credentials = { email: 'bench@mediamesh.local', password: 'bench-password-1' }
  await json(
    await fetch(`${origin}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...credentials, roles: ['admin'] }),
    }),
  )
  const login = await json(
    await fetch(`${origin}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(credentials),
    }),
  )
  return login.token as string
}

async function upload(origin: string, token: string, file: Buffer, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type: 'audio/mpeg' }), name)
  const started = performance.now()
  const body = await json(
    await fetch(`${origin}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}` },
      body: form,
    }),
  )
  return { doc: body.doc, seconds: (performance.now() - started) / 1000 }
}

/** Publishes a program and an episode that uses `mediaId`, which makes the file public. */
async function publish(origin: string, token: string, mediaId: number, tag: string) {
  const post = (collection: string, data: object) =>
    fetch(`${origin}/api/${collection}`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    }).then(json)
  const program = await post('programs', {
    title: `Bench ${tag}`,
    format: 'podcast',
    language: 'en',
    _status: 'published',
  })
  await post('episodes', {
    title: `Bench episode ${tag}`,
    program: program.doc.id,
    media: mediaId,
    _status: 'published',
  })
}

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
}

/** Peak resident memory of `pid` while `work` runs, sampled every 20 ms. */
async function peakRss<T>(pid: number, work: () => Promise<T>) {
  let peak = await rssKiB(pid)
  const before = peak
  const timer = setInterval(() => void rssKiB(pid).then((kib) => (peak = Math.max(peak, kib))), 20)
  try {
    const result = await work()
    return { result, beforeMiB: before / 1024, peakMiB: peak / 1024 }
  } finally {
    clearInterval(timer)
  }
}

/** The baseline: node:http streaming byte ranges of a file from disk. */
async function startBaseline(file: string): Promise<{ origin: string; close: () => void }> {
  const size = (await stat(file)).size
  const server = createServer((req, res) => {
    const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
    const start = match ? Number(match[1]) : 0
    const end = match ? Math.min(Number(match[2]), size - 1) : size - 1
    res.writeHead(match ? 206 : 200, {
      'Content-Type': 'audio/mpeg',
      'Content-Length': end - start + 1,
      'Accept-Ranges': 'bytes',
      ...(match ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    })
    createReadStream(file, { start, end }).pipe(res)
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() }
}

function summarise(name: string, load: LoadResult, baseline?: LoadResult) {
  return {
    name,
    requestsPerSecond: load.requestsPerSecond,
    mebibytesPerSecond: Math.round(load.requestsPerSecond * 10) / 10,
    ratioToBaseline: baseline
      ? Math.round((load.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000
      : 1,
    latencyMs: load.latencyMs,
    errors: load.errors + load.timeouts,
    statusCodes: load.statusCodes,
  }
}

const directory = await mkdtemp(path.join(os.tmpdir(), 'mediamesh-bench-media-'))
const bucket = `mediamesh-bench-${process.pid}`
const hosts: SpawnedServer[] = []
try {
  const databaseUrl = await freshDatabase()
  await ensureRedis('redis://127.0.0.1:6379', { required: false })
  await ensureS3Proxy()
  await createTestBucket(bucket)
  await ensureProductionBuild()

  const common = {
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: 'bench-secret-bench-secret-bench-secret',
    METRICS_TOKEN: 'bench-metrics-token-0000',
    REDIS_KEY_PREFIX: 'mediamesh_bench_media:',
    SEARCH_INDEX_PREFIX: 'mediamesh_bench_media',
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_DISCOVERY_PER_MINUTE: '100000000',
  }
  const s3Host = await spawnServer({ ...common, ...testS3Env(bucket) }, 'bench-media-s3')
  hosts.push(s3Host)
  const noS3 = Object.fromEntries(Object.keys(testS3Env(bucket)).map((key) => [key, '']))
  const localHost = await spawnServer(
    { ...common, ...noS3, MEDIA_DIR: directory },
    'bench-media-local',
  )
  hosts.push(localHost)

  const token = await adminToken(s3Host.url)
  const file = mp3Of(FILE_BYTES)
  const onDisk = path.join(directory, 'baseline.mp3')
  await writeFile(onDisk, file)

  const s3Upload = await upload(s3Host.url, token, file, 'bench-s3.mp3')
  const localUpload = await upload(localHost.url, token, file, 'bench-local.mp3')
  await publish(s3Host.url, token, s3Upload.doc.id, 's3')
  await publish(s3Host.url, token, localUpload.doc.id, 'local')

  // Memory: one big upload, streamed to a temporary file and on to S3.
  const big = mp3Of(BIG_UPLOAD_BYTES)
  const bigUpload = await peakRss(s3Host.child.pid!, () =>
    upload(s3Host.url, token, big, 'bench-big.mp3'),
  )
  const bigLocalUpload = await peakRss(localHost.child.pid!, () =>
    upload(localHost.url, token, big, 'bench-big-local.mp3'),
  )

  const baseline = await startBaseline(onDisk)
  const targets = [
    { name: 'node:http + fs range (baseline)', origin: baseline.origin, path: '/' },
    {
      name: 'host, local storage',
      origin: localHost.url,
      path: `/api/media/file/${localUpload.doc.filename}`,
    },
    {
      name: 'host, S3 storage (S3Proxy)',
      origin: s3Host.url,
      path: `/api/media/file/${s3Upload.doc.filename}`,
    },
  ]
  const results: ReturnType<typeof summarise>[] = []
  let baselineLoad: LoadResult | undefined
  for (const target of targets) {
    // Every target must answer a correct 206 before it is measured.
    const probe = await fetch(`${target.origin}${target.path}`, { headers: { Range: RANGE } })
    if (probe.status !== 206 || (await probe.arrayBuffer()).byteLength !== MIB) {
      throw new Error(`${target.name}: expected a 1 MiB 206, got ${probe.status}`)
    }
    await runLoad({
      origin: target.origin,
      requests: { kind: 'fixed', path: target.path },
      headers: { Range: RANGE },
      connections: CONNECTIONS,
      durationSeconds: 2,
    })
    const load = await runLoad({
      origin: target.origin,
      requests: { kind: 'fixed', path: target.path },
      headers: { Range: RANGE },
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
    })
    baselineLoad ??= load
    results.push(summarise(target.name, load, baselineLoad))
  }
  baseline.close()

  const output = {
    benchmark: 'media',
    ranAt: new Date().toISOString(),
    machine: machineInfo(),
    setup: {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      request: `anonymous GET with Range: ${RANGE} (1 MiB from the middle of a 20 MiB MP3)`,
    },
    rangeRequests: results,
    uploads: {
      '20 MiB to S3 (seconds)': Math.round(s3Upload.seconds * 100) / 100,
      '20 MiB to local disk (seconds)': Math.round(localUpload.seconds * 100) / 100,
      '200 MiB to S3 (seconds)': Math.round(bigUpload.result.seconds * 100) / 100,
      '200 MiB upload: host RSS before (MiB)': Math.round(bigUpload.beforeMiB),
      '200 MiB upload: host RSS peak (MiB)': Math.round(bigUpload.peakMiB),
      '200 MiB to local disk (seconds)': Math.round(bigLocalUpload.result.seconds * 100) / 100,
      '200 MiB local upload: host RSS before (MiB)': Math.round(bigLocalUpload.beforeMiB),
      '200 MiB local upload: host RSS peak (MiB)': Math.round(bigLocalUpload.peakMiB),
    },
  }
  await writeFile(
    path.join(ROOT, 'bench', 'results', 'media.json'),
    `${JSON.stringify(output, null, 2)}\n`,
  )
  console.table(
    results.map((r) => ({
      target: r.name,
      'req/s (1 MiB each)': r.requestsPerSecond,
      ratio: r.ratioToBaseline,
      'p50 ms': r.latencyMs.p50,
      'p95 ms': r.latencyMs.p95,
      'p99 ms': r.latencyMs.p99,
      errors: r.errors,
    })),
  )
  console.table(output.uploads)
} finally {
  await Promise.all(hosts.map((host) => stopServer(host)))
  await dropTestBucket(bucket).catch(() => undefined)
  await rm(directory, { recursive: true, force: true })
}
process.exit(0)
