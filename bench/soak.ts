/**
 * `npm run bench:soak`: a long run at a steady rate. 10 minutes (BENCH_SOAK_MINUTES) of discovery
 * traffic asked at 2,800 req/s (BENCH_SOAK_RATE): 95% among 50 hot searches, 5% searches never
 * sent before; meanwhile an editor renames an episode through REST every second and a worker syncs
 * each change to the index. On the benchmarks' 100,000-episode catalogue (see bench/discovery.ts).
 *
 * Measured in 30-second windows (one autocannon run each, in its own process; about a second
 * between windows to start the next): rate reached, p50/p95/p99, errors, the host's resident memory
 * every 5 seconds, the cache hit ratio and the sync lag (the oldest pending sync job, and each
 * edit's time until it is searchable) from the host's /metrics and from the API itself.
 *
 * Results: bench/results/soak.json and bench/results/soak.png (latency and memory over time).
 */
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { ensureProductionBuild } from '../scripts/build'
import { ROOT } from '../scripts/lib/paths'
import { ensureElasticsearch, ensurePostgres } from '../scripts/lib/services'
import { spawnServer, stopServer } from '../scripts/lib/spawnServer'
import {
  INDEX_PREFIX,
  REDIS_KEY_PREFIX,
  SERVER_URL,
  useCatalogueEnvironment,
} from './lib/catalogueSettings'
import { difference, discoveryCounters, METRICS_TOKEN, scrape } from './lib/hostMetrics'
import { machineInfo } from './lib/machine'
import { prepareCatalogue } from './lib/prepareCatalogue'
import { runLoad } from './lib/runLoad'
import { hotSearchPaths } from './lib/searchQueries'

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10)
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 2800)
const WINDOW_S = 30
const CONNECTIONS = 100
const EDITS_PER_SECOND = 1

useCatalogueEnvironment()

interface Window {
  startedAtS: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  errors: number
  non2xx: number
  cacheHitRatio: number
  syncLagSeconds: number
}

async function main() {
  await ensurePostgres(SERVER_URL)
  const esUrl = await ensureElasticsearch(
    { explicitUrl: process.env.ELASTICSEARCH_URL, port: Number(process.env.ES_PORT ?? 9200) },
    { required: true },
  )
  if (!esUrl) throw new Error('Elasticsearch is required')
  await ensureProductionBuild()
  const catalogue = await prepareCatalogue(esUrl)
  console.log(`✓ catalogue: ${catalogue.episodes} episodes, ${catalogue.indexedDocuments} indexed`)

  const env = {
    DATABASE_URL: process.env.DATABASE_URL!,
    ELASTICSEARCH_URL: esUrl,
    SEARCH_INDEX_PREFIX: INDEX_PREFIX,
    REDIS_KEY_PREFIX,
    PAYLOAD_SECRET: 'bench-secret-0123456789abcdef',
    METRICS_TOKEN,
    LOG_LEVEL: 'warn',
  }
  const host = await spawnServer(
    {
      ...env,
      JOBS_AUTORUN: 'false',
      RATE_LIMIT_DISCOVERY_PER_MINUTE: '100000000',
      RATE_LIMIT_WRITES_PER_MINUTE: '100000',
      NODE_OPTIONS: '--max-old-space-size=384',
    },
    'bench-soak',
  )
  const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: 'ignore',
  })
  const pid = host.child.pid!
  const memory: { atS: number; rssMiB: number }[] = []
  const edits: { atS: number; searchableAfterMs: number | null }[] = []
  const started = Date.now()
  const elapsedS = () => (Date.now() - started) / 1000
  try {
    const login = await fetch(`${host.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'bench-password' }),
    })
    const { token } = (await login.json()) as { token: string }
    const episodes = (await (
      await fetch(`${host.url}/api/episodes?limit=50&depth=0&where[_status][equals]=published`, {
        headers: { Authorization: `JWT ${token}` },
      })
    ).json()) as { docs: { id: number }[] }

    let running = true
    const sampler = setInterval(() => {
      void readFile(`/proc/${pid}/status`, 'utf8').then((status) => {
        const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1])
        if (kib) memory.push({ atS: Math.round(elapsedS()), rssMiB: Math.round(kib / 1024) })
      })
    }, 5000)
    // The editor: a rename per second; each is timed until the public search finds it.
    const editor = (async () => {
      for (let n = 0; running; n++) {
        const tick = Date.now()
        const id = episodes.docs[n % episodes.docs.length]!.id
        const word = `soakedit${n}x${Math.round(tick / 1000) % 100000}`
        const edited = await fetch(`${host.url}/api/episodes/${id}`, {
          method: 'PATCH',
          headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: `Soak ${word}` }),
        })
        await edited.arrayBuffer()
        const record = { atS: Math.round(elapsedS()), searchableAfterMs: null as number | null }
        edits.push(record)
        void (async () => {
          for (let tries = 0; tries < 120 && running; tries++) {
            const found = (await (
              await fetch(`${host.url}/discovery/v1/search?q=${word}&limit=1`)
            ).json()) as { total?: number }
            if ((found.total ?? 0) > 0) return void (record.searchableAfterMs = Date.now() - tick)
            await new Promise((resolve) => setTimeout(resolve, 500))
          }
        })()
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, 1000 / EDITS_PER_SECOND - (Date.now() - tick))),
        )
      }
    })()

    const hot = hotSearchPaths(50, 7)
    const windows: Window[] = []
    const windowCount = Math.round((MINUTES * 60) / WINDOW_S)
    for (let w = 0; w < windowCount; w++) {
      const before = await discoveryCounters(host.url)
      const startedAtS = Math.round(elapsedS())
      const result = await runLoad({
        origin: host.url,
        requests: { kind: 'mixed', hot, uniqueShare: 0.05, seed: 1000 + w },
        connections: CONNECTIONS,
        durationSeconds: WINDOW_S,
        overallRate: RATE,
      })
      const counters = difference(await discoveryCounters(host.url), before)
      const lookups = counters.memoryHits + counters.memoryMisses
      const lag = /^jobs_oldest_pending_age_seconds\{queue="search"\} ([0-9.e+-]+)$/m.exec(
        await scrape(host.url),
      )
      windows.push({
        startedAtS,
        requestsPerSecond: result.requestsPerSecond,
        p50Ms: result.latencyMs.p50,
        p95Ms: result.latencyMs.p95,
        p99Ms: result.latencyMs.p99,
        maxMs: result.latencyMs.max,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        cacheHitRatio: lookups ? round((counters.memoryHits + counters.redisHits) / lookups, 3) : 0,
        syncLagSeconds: round(Number(lag?.[1] ?? 0), 1),
      })
      const last = windows.at(-1)!
      console.log(
        `window ${w + 1}/${windowCount}: ${last.requestsPerSecond} req/s, p95 ${last.p95Ms} ms, p99 ${last.p99Ms} ms, errors ${last.errors + last.non2xx}, hit ratio ${last.cacheHitRatio}, RSS ${memory.at(-1)?.rssMiB} MiB`,
      )
    }
    running = false
    clearInterval(sampler)
    await editor

    const searchable = edits
      .map((e) => e.searchableAfterMs)
      .filter((ms): ms is number => ms !== null)
    const rss = memory.map((m) => m.rssMiB)
    const half = Math.floor(rss.length / 2)
    const mean = (values: number[]) =>
      values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length)
    const result = {
      benchmark: 'soak',
      date: new Date().toISOString(),
      machine: machineInfo(),
      setup: {
        minutes: MINUTES,
        askedRequestsPerSecond: RATE,
        connections: CONNECTIONS,
        windowSeconds: WINDOW_S,
        traffic: '95% among 50 hot searches, 5% searches never sent before',
        edits: `${EDITS_PER_SECOND} REST rename per second, synced by one worker`,
        catalogue,
        heapCap: '--max-old-space-size=384',
      },
      totals: {
        requests: windows.reduce((sum, w) => sum + w.requestsPerSecond * WINDOW_S, 0),
        meanRequestsPerSecond: Math.round(mean(windows.map((w) => w.requestsPerSecond))),
        errors: windows.reduce((sum, w) => sum + w.errors + w.non2xx, 0),
        worstWindowP95Ms: Math.max(...windows.map((w) => w.p95Ms)),
        worstWindowP99Ms: Math.max(...windows.map((w) => w.p99Ms)),
        medianWindowP95Ms: median(windows.map((w) => w.p95Ms)),
        meanCacheHitRatio: round(mean(windows.map((w) => w.cacheHitRatio)), 3),
        edits: edits.length,
        editsSearchable: searchable.length,
        editSearchableP50Ms: median(searchable),
        editSearchableMaxMs: Math.max(0, ...searchable),
        maxSyncLagSeconds: Math.max(...windows.map((w) => w.syncLagSeconds)),
        rssFirstHalfMeanMiB: Math.round(mean(rss.slice(0, half))),
        rssSecondHalfMeanMiB: Math.round(mean(rss.slice(half))),
        rssMaxMiB: Math.max(...rss),
      },
      windows,
      memory,
    }
    await writeFile(
      path.join(ROOT, 'bench/results/soak.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    )
    await writeFile(path.join(ROOT, 'bench/results/soak.png'), await plot(windows, memory))
    console.log(JSON.stringify(result.totals, null, 2))
  } finally {
    worker.kill('SIGTERM')
    await stopServer(host)
  }
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Two charts, latency per window and resident memory, drawn as SVG and rendered to PNG by sharp. */
async function plot(windows: Window[], memory: { atS: number; rssMiB: number }[]): Promise<Buffer> {
  const width = 1000
  const chartHeight = 260
  const margin = { left: 70, right: 150, top: 40 }
  const totalS = Math.max(
    60,
    ...memory.map((m) => m.atS),
    ...windows.map((w) => w.startedAtS + WINDOW_S),
  )
  const x = (s: number) => margin.left + (s / totalS) * (width - margin.left - margin.right)
  const chart = (
    top: number,
    title: string,
    unit: string,
    series: { name: string; color: string; points: [number, number][] }[],
  ) => {
    const max = Math.max(1, ...series.flatMap((s) => s.points.map(([, v]) => v))) * 1.1
    const y = (v: number) => top + chartHeight - (v / max) * chartHeight
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => max * f)
    return [
      `<text x="${margin.left}" y="${top - 12}" font-size="16" font-weight="bold">${title}</text>`,
      ...ticks.map(
        (t) =>
          `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${margin.left - 8}" y="${y(t) + 4}" font-size="11" text-anchor="end">${Math.round(t)} ${unit}</text>`,
      ),
      ...series.map(
        (s, i) =>
          `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/><text x="${width - margin.right + 10}" y="${top + 20 + i * 18}" font-size="13" fill="${s.color}">${s.name}</text>`,
      ),
      `<text x="${(width - margin.right + margin.left) / 2}" y="${top + chartHeight + 28}" font-size="12" text-anchor="middle">seconds since start</text>`,
    ].join('\n')
  }
  const mid = (w: Window) => w.startedAtS + WINDOW_S / 2
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${2 * chartHeight + 160}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
${chart(margin.top, 'Discovery latency per 30 s window', 'ms', [
  { name: 'p50', color: '#2b8a3e', points: windows.map((w) => [mid(w), w.p50Ms]) },
  { name: 'p95', color: '#e67700', points: windows.map((w) => [mid(w), w.p95Ms]) },
  { name: 'p99', color: '#c92a2a', points: windows.map((w) => [mid(w), w.p99Ms]) },
])}
${chart(margin.top + chartHeight + 80, 'Host resident memory', 'MiB', [
  { name: 'RSS', color: '#1864ab', points: memory.map((m) => [m.atS, m.rssMiB]) },
])}
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

await main()
process.exit(0)
