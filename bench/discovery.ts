/**
 * `npm run bench:discovery`: the discovery API under load, on the 100,000-episode catalogue, next to
 * an Express hello-world and Payload's REST API measured in the same run.
 *
 * Setup: the search-sync benchmark's catalogue (bench/lib/catalogue.ts: `mediamesh_bench_sync`,
 * indexed under `mediamesh_bench`), rebuilt on every run unless `BENCH_REUSE_CATALOGUE=1` finds it
 * complete; `BENCH_EPISODES` shrinks it for a quick trial. The production build of the host as
 * deployed: logging on (LOG_LEVEL=info, to a file), metrics on (scraped between phases to count
 * cache hits and Elasticsearch calls), Redis rate limiting on with a budget raised for the load
 * generator's single address. autocannon runs in a process of its own (bench/lib/loadProcess.ts).
 *
 * Phases, after waiting (up to BENCH_QUIET_WAIT_S) for the machine to be idle: (a) Express
 * hello-world in its own process; /healthz for reference; (b) one search URL, repeated (cached);
 * (c) a new search on every request (uncached), 10 connections; (d) Payload REST
 * `/api/programs?limit=20&depth=1`; (e) 2,800 req/s for 30 s, 95% of them among 50 hot searches
 * and 5% new ones, sampling the host's resident memory; (a) once more. Each phase: a warm-up, then
 * BENCH_DURATION_S (default 15) measured seconds; CPU used by the server and by everything else
 * is recorded, because Elasticsearch, Redis and Postgres share the machine with the host.
 *
 * Results: bench/results/discovery.json (committed) and a table on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { Redis } from 'ioredis'

import { ensureProductionBuild } from '../scripts/build'
import { ROOT } from '../scripts/lib/paths'
import { ensureElasticsearch, ensurePostgres } from '../scripts/lib/services'
import { freePort, spawnServer, type SpawnedServer } from '../scripts/lib/spawnServer'
import {
  INDEX_PREFIX,
  REDIS_KEY_PREFIX,
  SERVER_URL,
  useCatalogueEnvironment,
} from './lib/catalogueSettings'
import { difference, discoveryCounters, heapOf, METRICS_TOKEN } from './lib/hostMetrics'
import { machineInfo } from './lib/machine'
import { prepareCatalogue } from './lib/prepareCatalogue'
import {
  busiestProcesses,
  busyShare,
  cpuSecondsOf,
  cpuSnapshot,
  memoryOf,
  processTable,
  sampleRss,
  waitForQuietMachine,
} from './lib/processStats'
import { type LoadJob, type LoadResult, runLoad } from './lib/runLoad'
import {
  CACHED_SEARCH_PATH,
  hotSearchPaths,
  SEARCH_PATH,
  searchVocabulary,
} from './lib/searchQueries'

const CONNECTIONS = 50
const UNCACHED_CONNECTIONS = 10
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15)
const WARMUP_S = 3
const RATE = 2800
const RATE_DURATION_S = Number(process.env.BENCH_RATE_DURATION_S ?? 30)
const RATE_WARMUP_S = 5
const RATE_CONNECTIONS = 50
const HOT_URLS = 50
const UNIQUE_SHARE = 0.05
const RSS_SAMPLE_MS = 200
const RATE_LIMIT_PER_MINUTE = 100_000_000
const CACHE_TTL_SECONDS = 30
/** Longest wait for other work on the machine (merges, other processes) to calm down first. */
const QUIET_WAIT_S = Number(process.env.BENCH_QUIET_WAIT_S ?? 180)
const REST_PATH = '/api/programs?limit=20&depth=1'

// Configure this process before the application modules read the environment.
useCatalogueEnvironment()

// --- Child processes: whatever happens, none outlives the benchmark --------------------------

const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130))
}

async function stop(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    await exited
    clearTimeout(timer)
  }
  children.delete(child)
}

async function startBaseline(): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/lib/expressBaseline.ts'), String(port)],
    { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: 'ignore' },
  )
  children.add(child)
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if ((await fetch(origin).catch(() => null))?.ok) return { child, origin }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the Express baseline did not start')
}

// --- Catalogue --------------------------------------------------------------------------------

async function clearRedisKeys(): Promise<number> {
  const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
  let removed = 0
  for await (const keys of client.scanStream({ match: `${REDIS_KEY_PREFIX}*`, count: 1000 })) {
    if ((keys as string[]).length) removed += await client.del(...(keys as string[]))
  }
  await client.quit()
  return removed
}

// --- Measuring --------------------------------------------------------------------------------

interface Phase {
  name: string
  path: string
  job: Omit<LoadJob, 'durationSeconds'>
  warmup: Omit<LoadJob, 'durationSeconds'>
  warmupSeconds: number
  durationSeconds: number
}

/**
 * Warms up, then measures one phase against the server process `pid`: what the load generator saw,
 * the CPU the server and everything else used, and (for the host) its discovery counters.
 */
async function measure(phase: Phase, pid: number, host?: SpawnedServer) {
  console.log(`… ${phase.name}`)
  const requests = phase.job.requests
  const warmup = await runLoad({
    ...phase.warmup,
    durationSeconds: phase.warmupSeconds,
    reportUrls: requests.kind === 'mixed',
  })
  // New searches stay new: none of them was already sent (and cached) by the warm-up.
  const job =
    requests.kind === 'mixed'
      ? { ...phase.job, requests: { ...requests, exclude: warmup.urls } }
      : phase.job
  const counters = host ? await discoveryCounters(host.url) : undefined
  const before = await cpuSnapshot([pid])
  const processesBefore = await processTable()
  const { urls: _urls, ...result } = await runLoad({
    ...job,
    durationSeconds: phase.durationSeconds,
  })
  const after = await cpuSnapshot([pid])
  const processesAfter = await processTable()
  const discovery =
    host && counters ? difference(await discoveryCounters(host.url), counters) : undefined
  const serverCpu = cpuSecondsOf(pid, before, after)
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
  return {
    name: phase.name,
    path: phase.path,
    connections: phase.job.connections,
    ...result,
    cpu: {
      serverCpuSeconds: round(serverCpu),
      serverCpuMsPerRequest: round((serverCpu * 1000) / Math.max(1, result.requests), 3),
      serverCoresBusy: round(serverCpu / result.durationSeconds),
      loadGeneratorCpuSeconds: result.loadGeneratorCpuSeconds,
      otherCpuSeconds: round(after.busy - before.busy - serverCpu - result.loadGeneratorCpuSeconds),
      machineBusyShare: round(busyShare(before, after)),
      busiestProcesses: busiestProcesses(processesBefore, processesAfter),
    },
    ...(discovery ? { discovery } : {}),
  }
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000

// --- The run ----------------------------------------------------------------------------------

async function main() {
  await ensurePostgres(SERVER_URL)
  const esUrl = await ensureElasticsearch(
    { explicitUrl: process.env.ELASTICSEARCH_URL, port: Number(process.env.ES_PORT ?? 9200) },
    { required: true },
  )
  if (!esUrl) throw new Error('Elasticsearch is required')
  await ensureProductionBuild()
  const removed = await clearRedisKeys()
  console.log(`✓ removed ${removed} Redis keys under ${REDIS_KEY_PREFIX}`)
  const catalogue = await prepareCatalogue(esUrl)
  console.log(
    `✓ catalogue: ${catalogue.programs} programs, ${catalogue.episodes} episodes, ${catalogue.indexedDocuments} indexed documents`,
  )

  const baseline = await startBaseline()
  const host = await spawnServer(
    {
      DATABASE_URL: process.env.DATABASE_URL!,
      ELASTICSEARCH_URL: esUrl,
      SEARCH_INDEX_PREFIX: INDEX_PREFIX,
      REDIS_KEY_PREFIX,
      PAYLOAD_SECRET: 'bench-secret-0123456789abcdef',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'info',
      METRICS_TOKEN,
      RATE_LIMIT_DISCOVERY_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      DISCOVERY_CACHE_TTL_SECONDS: String(CACHE_TTL_SECONDS),
      // As deployed (`npm start`, Dockerfile): the heap cap that keeps resident memory bounded.
      NODE_OPTIONS: '--max-old-space-size=384',
    },
    'bench-discovery',
  )
  children.add(host.child)
  const hostPid = host.child.pid!
  try {
    const probe = await fetch(`${host.url}${CACHED_SEARCH_PATH}`)
    const probeText = await probe.text()
    if (probe.status !== 200) throw new Error(`search answered ${probe.status}`)
    const probeBody = JSON.parse(probeText) as { total?: number }
    const rest = await fetch(`${host.url}${REST_PATH}`)
    if (rest.status !== 200) throw new Error(`${REST_PATH} answered ${rest.status}`)
    const memoryAtStart = { ...(await memoryOf(hostPid)), ...(await heapOf(host.url)) }
    console.log('… waiting for a quiet machine')
    const machineBeforePhases = await waitForQuietMachine(QUIET_WAIT_S)
    console.log(
      `${machineBeforePhases.quiet ? '✓' : '!'} machine ${Math.round(machineBeforePhases.busyShare * 100)}% busy after ${machineBeforePhases.waitedSeconds} s`,
    )

    type Job = Phase['job']
    const fixed = (origin: string, path: string): Job => ({
      origin,
      connections: CONNECTIONS,
      requests: { kind: 'fixed', path },
    })
    const unique = (seed: number): Job => ({
      origin: host.url,
      connections: UNCACHED_CONNECTIONS,
      requests: { kind: 'mixed', hot: [], uniqueShare: 1, seed },
    })
    const common = { warmupSeconds: WARMUP_S, durationSeconds: DURATION_S }

    const base = await measure(
      {
        name: '(a) baseline: Express hello-world, own process',
        path: '/',
        job: fixed(baseline.origin, '/'),
        warmup: fixed(baseline.origin, '/'),
        ...common,
      },
      baseline.child.pid!,
    )
    const healthz = await measure(
      {
        name: 'reference: host /healthz (request id, log line, metrics)',
        path: '/healthz',
        job: fixed(host.url, '/healthz'),
        warmup: fixed(host.url, '/healthz'),
        ...common,
      },
      hostPid,
      host,
    )
    const cached = await measure(
      {
        name: '(b) cached search, one URL repeated',
        path: CACHED_SEARCH_PATH,
        job: fixed(host.url, CACHED_SEARCH_PATH),
        warmup: fixed(host.url, CACHED_SEARCH_PATH),
        ...common,
      },
      hostPid,
      host,
    )
    const uncached = await measure(
      {
        name: '(c) uncached search, a new query every request',
        path: `${SEARCH_PATH}?q=<random catalogue words>&<random filters>`,
        job: unique(2),
        warmup: unique(1),
        ...common,
      },
      hostPid,
      host,
    )
    const payloadRest = await measure(
      {
        name: '(d) Payload REST, programs, 20 per page, depth 1',
        path: REST_PATH,
        job: fixed(host.url, REST_PATH),
        warmup: fixed(host.url, REST_PATH),
        ...common,
      },
      hostPid,
      host,
    )

    const hot = hotSearchPaths(HOT_URLS, 3)
    for (const hotPath of hot) {
      const response = await fetch(`${host.url}${hotPath}`)
      if (response.status !== 200) throw new Error(`${hotPath} answered ${response.status}`)
      await response.arrayBuffer()
    }
    const mixed = (seed: number): Job => ({
      origin: host.url,
      connections: RATE_CONNECTIONS,
      overallRate: RATE,
      requests: { kind: 'mixed', hot, uniqueShare: UNIQUE_SHARE, seed },
    })
    const rss = sampleRss(hostPid, RSS_SAMPLE_MS)
    const rate = await measure(
      {
        name: `(e) ${RATE} req/s: ${HOT_URLS} hot searches, ${UNIQUE_SHARE * 100}% new ones`,
        path: `${HOT_URLS} hot search URLs + new searches`,
        job: mixed(5),
        warmup: mixed(4),
        warmupSeconds: RATE_WARMUP_S,
        durationSeconds: RATE_DURATION_S,
      },
      hostPid,
      host,
    )
    const hostRss = await rss.stop()
    const memoryAtEnd = { ...(await memoryOf(hostPid)), ...(await heapOf(host.url)) }
    // The baseline once more: the better of its two runs is the one the targets compare with.
    const baseAgain = await measure(
      {
        name: '(a) baseline again, after the other phases',
        path: '/',
        job: fixed(baseline.origin, '/'),
        warmup: fixed(baseline.origin, '/'),
        ...common,
      },
      baseline.child.pid!,
    )
    await stop(baseline.child)
    const baselineRps = Math.max(base.requestsPerSecond, baseAgain.requestsPerSecond)
    const baselineCpuMs = Math.min(
      base.cpu.serverCpuMsPerRequest,
      baseAgain.cpu.serverCpuMsPerRequest,
    )

    const errorsOf = (r: LoadResult) => r.errors + r.timeouts + r.non2xx
    const cachedToBaseline = ratio(cached.requestsPerSecond, baselineRps)
    const cachedToPayloadRest = ratio(cached.requestsPerSecond, payloadRest.requestsPerSecond)
    const perCpu = {
      cachedToBaseline: ratio(baselineCpuMs, cached.cpu.serverCpuMsPerRequest),
      cachedToPayloadRest: ratio(
        payloadRest.cpu.serverCpuMsPerRequest,
        cached.cpu.serverCpuMsPerRequest,
      ),
    }
    const rateReached = rate.requestsPerSecond >= RATE * 0.98
    const targets = {
      cachedVsBaseline: { min: 0.8, actual: cachedToBaseline, met: cachedToBaseline >= 0.8 },
      cachedVsPayloadRest: { min: 10, actual: cachedToPayloadRest, met: cachedToPayloadRest >= 10 },
      fixedRate: {
        requestsPerSecond: RATE,
        achievedRequestsPerSecond: rate.requestsPerSecond,
        rateReached,
        p99MaxMs: 25,
        p99Ms: rate.latencyMs.p99,
        errors: errorsOf(rate),
        met: rateReached && rate.latencyMs.p99 <= 25 && errorsOf(rate) === 0,
      },
      uncachedP95: {
        maxMs: 50,
        p95Ms: uncached.latencyMs.p95,
        catalogueEpisodes: catalogue.episodes,
        atFullScale: catalogue.episodes >= 100_000,
        met: uncached.latencyMs.p95 <= 50,
      },
      hostRss: { maxMiB: 512, maxSampledMiB: hostRss.maxMiB, met: hostRss.maxMiB <= 512 },
    }
    const vocabulary = searchVocabulary()
    const report = {
      benchmark: 'discovery',
      date: new Date().toISOString(),
      machine: machineInfo(),
      settings: {
        catalogue,
        host: {
          build: 'next build, tsx server.ts with NODE_ENV=production',
          logging: `LOG_LEVEL=info, one JSON line per request to ${path.relative(ROOT, host.logFile)}`,
          metrics: 'on (METRICS_TOKEN set; /metrics scraped before and after each phase)',
          rateLimitDiscoveryPerMinute: RATE_LIMIT_PER_MINUTE,
          discoveryCacheTtlSeconds: CACHE_TTL_SECONDS,
          redisKeyPrefix: REDIS_KEY_PREFIX,
          jobsAutorun: false,
        },
        loadGenerator: 'autocannon 8 in its own Node process, same machine',
        machineBeforePhases,
        connections: CONNECTIONS,
        uncachedConnections: UNCACHED_CONNECTIONS,
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        fixedRate: {
          overallRate: RATE,
          connections: RATE_CONNECTIONS,
          durationSeconds: RATE_DURATION_S,
          warmupSeconds: RATE_WARMUP_S,
          hotUrls: HOT_URLS,
          uniqueShare: UNIQUE_SHARE,
          rssSampleIntervalMs: RSS_SAMPLE_MS,
        },
        queries: {
          vocabulary: `1-3 neighbouring words (${vocabulary.words} distinct) from one of ${vocabulary.en.length} English and ${vocabulary.ar.length} Arabic indexed texts (program titles, summaries and descriptions, category names, the synthetic episode text), with random filters, sorts, locale and page size (bench/lib/searchQueries.ts)`,
          cachedSearchTotal: probeBody.total,
          cachedSearchResponseBytes: Buffer.byteLength(probeText),
        },
      },
      note: "latencyMs: exact percentiles of every response's duration (all statuses; float ms from request write to last byte), recorded in the load-generator process, so p95 is a real p95 (not autocannon's whole-millisecond, 2xx-only histogram). requestsPerSecond: responses / run duration.",
      notes: [
        '"discovery": the host\'s own metrics over the measured run (cache lookups by level and result, Elasticsearch requests). memoryHits close to requests: served from the in-process cache; elasticsearchRequests at or above requests: not cached (a search that finds nothing makes a second, did-you-mean request).',
        '"cpu": CPU seconds from /proc over the measured run. server = the Express baseline process in (a), the host otherwise; other = everything else on the machine (Elasticsearch, Redis, Postgres, the bench process, and unrelated processes); machineBusyShare = busy share of all cores. Load generator, host, Elasticsearch, Redis and Postgres share this machine.',
        'Ratios use the better of the two baseline runs (at the start and at the end). ratios.perCpu compares server CPU per request instead of requests per second: less sensitive to what else the machine is doing, it is the ratio one core would reach if every route were CPU-bound in the server.',
        "autocannon enforces overallRate per connection in one-second windows: at a fixed rate each second's requests are sent as fast as the connections allow, then they wait for the next second. A burstier load than evenly spaced requests.",
      ],
      results: {
        baseline: base,
        baselineAgain: baseAgain,
        healthz: { ...healthz, ratioToBaseline: ratio(healthz.requestsPerSecond, baselineRps) },
        cachedSearch: { ...cached, ratioToBaseline: cachedToBaseline },
        uncachedSearch: uncached,
        payloadRest: {
          ...payloadRest,
          ratioToBaseline: ratio(payloadRest.requestsPerSecond, baselineRps),
        },
        fixedRate: {
          ...rate,
          hostMemory: { rssDuringRun: hostRss, atStart: memoryAtStart, atEnd: memoryAtEnd },
        },
      },
      ratios: {
        baselineRequestsPerSecond: baselineRps,
        cachedToBaseline,
        cachedToPayloadRest,
        perCpu,
      },
      targets,
      allTargetsMet: Object.values(targets).every((target) => target.met),
    }
    const file = path.join(ROOT, 'bench', 'results', 'discovery.json')
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
    console.table(
      [base, healthz, cached, uncached, payloadRest, rate, baseAgain].map((r) => ({
        phase: r.name,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.latencyMs.p50,
        'p95 ms': r.latencyMs.p95,
        'p99 ms': r.latencyMs.p99,
        errors: errorsOf(r),
        'server CPU ms/req': r.cpu.serverCpuMsPerRequest,
        'other CPU s': r.cpu.otherCpuSeconds,
        'ES requests': r.discovery?.elasticsearchRequests ?? '',
      })),
    )
    console.table(
      Object.entries(targets).map(([name, target]) => ({ target: name, met: target.met })),
    )
    console.log(`host RSS during (e): max ${hostRss.maxMiB} MiB over ${hostRss.samples} samples`)
    console.log(`results written to ${path.relative(ROOT, file)}`)
  } finally {
    await stop(baseline.child)
    await stop(host.child)
  }
}

await main()
process.exit(0)
