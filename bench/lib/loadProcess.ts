/**
 * The load-generator process started by runLoad.ts: reads a LoadJob as JSON on stdin, runs
 * autocannon once and prints a LoadResult as JSON on stdout.
 *
 * Latencies are recorded here from every response (autocannon's own histogram keeps whole
 * milliseconds and only 2xx answers, and with `overallRate` adds coordinated-omission samples at a
 * 1 ms interval), so p95 is a real p95.
 */
import autocannon from 'autocannon'

import type { LoadJob, LoadResult } from './runLoad'
import { uniqueSearchPaths } from './searchQueries'

let input = ''
process.stdin.setEncoding('utf8')
for await (const chunk of process.stdin) input += chunk
const job = JSON.parse(input) as LoadJob

function nextPath(): () => string {
  const mix = job.requests
  if (mix.kind === 'fixed') return () => mix.path
  const unique = uniqueSearchPaths(mix.seed, [...mix.hot, ...(mix.exclude ?? [])])
  // Its own random stream (hot or new, which hot URL), apart from the one that builds new searches.
  let state = (mix.seed ^ 0x9e3779b9) >>> 0
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  return () =>
    mix.hot.length === 0 || random() < mix.uniqueShare
      ? unique()
      : mix.hot[Math.floor(random() * mix.hot.length)]!
}

const next = nextPath()
const sent = new Set<string>()
const latencies: number[] = []

const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: job.origin,
      connections: job.connections,
      duration: job.durationSeconds,
      ...(job.overallRate ? { overallRate: job.overallRate } : {}),
      ...(job.headers ? { headers: job.headers } : {}),
      requests: [
        {
          setupRequest: (request) => {
            const path = next()
            sent.add(path)
            return { ...request, path }
          },
        },
      ],
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  )
  instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
    latencies.push(responseTime)
  })
})

latencies.sort((a, b) => a - b)
const percentile = (p: number) =>
  latencies.length
    ? round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!)
    : 0
const mean = latencies.length
  ? latencies.reduce((sum, value) => sum + value, 0) / latencies.length
  : 0

function round(ms: number): number {
  return Math.round(ms * 100) / 100
}

const summary: LoadResult = {
  requestsPerSecond: Math.round(latencies.length / result.duration),
  latencyMs: {
    mean: round(mean),
    p50: percentile(50),
    p90: percentile(90),
    p95: percentile(95),
    p97_5: percentile(97.5),
    p99: percentile(99),
    max: percentile(100),
  },
  requests: latencies.length,
  uniqueUrlsSent: sent.size,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statusCodes: Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  ),
  durationSeconds: result.duration,
  loadGeneratorCpuSeconds: round((process.cpuUsage().user + process.cpuUsage().system) / 1e6),
  ...(job.reportUrls ? { urls: [...sent] } : {}),
}
process.stdout.write(`${JSON.stringify(summary)}\n`)
process.exit(0)
