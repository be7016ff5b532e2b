/**
 * `npm run bench:insights`: what counting a discovery search costs the request that pays for it.
 *
 * - hit: a search answered from the cache (the common case): the answer's facts are already known
 *   (read once per cached answer), so recording is normalising the query and adding to a map.
 * - miss: the first time an answer is seen, its body (20 results) is parsed once.
 * - click: an event carrying the query and position.
 * - push: the once-a-second move of the in-memory counts to Redis (real Redis, own key prefix),
 *   per distinct row; it runs off the request path.
 *
 * Writes bench/results/insights.json.
 */
import { writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { machineInfo } from './lib/machine'

const { SearchInsights } = await import('../src/insights/SearchInsights')
const { searchRecordOf } = await import('../src/insights/searchAnswer')
const { closeRedis, redis, redisKey, waitForReady } = await import('../src/redis/client')

const dirname = path.dirname(fileURLToPath(import.meta.url))
const OPS = 200_000
const WARMUP = 20_000

const words = ['history', 'true crime', 'وثائقي', 'science', 'بودكاست تاريخ', 'cooking', 'جرائم']
const queries = Array.from({ length: 2000 }, (_, i) => `  ${words[i % words.length]} ${i % 500} `)

function answerBody(total: number) {
  const result = {
    type: 'episode',
    id: 'episode:1',
    slug: 'an-episode',
    title: 'An episode title of ordinary length',
    summary: 'A summary of an ordinary length for an episode, two sentences. Here is the second.',
    program: { id: 'program:1', slug: 'a-program', title: 'A program' },
    format: 'podcast',
    durationSeconds: 1800,
    language: 'en',
    categories: [{ slug: 'history', name: 'History' }],
    image: null,
    media: null,
    publishedAt: '2026-01-01T00:00:00.000Z',
    highlights: { title: ['An <mark>episode</mark>'] },
  }
  return JSON.stringify({
    results: Array.from({ length: 20 }, () => result),
    facets: { type: [], format: [], language: [], category: [], duration: [] },
    total,
    nextCursor: null,
    didYouMean: null,
    took: 3,
    relaxed: false,
    interpretation: { text: 'history', filters: { format: ['podcast'] }, spans: [] },
  })
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  const round = (v: number) => Math.round(v * 100) / 100
  return { median: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) }
}

function measure(ops: number, op: (i: number) => void): number[] {
  for (let i = 0; i < WARMUP; i++) op(i)
  const samples = new Array<number>(ops)
  for (let i = 0; i < ops; i++) {
    const start = process.hrtime.bigint()
    op(WARMUP + i)
    samples[i] = Number(process.hrtime.bigint() - start) / 1000
  }
  return samples
}

const memory = new SearchInsights({
  redis: null,
  keyPrefix: 'bench:',
  maxQueriesPerHour: 5000,
  pushIntervalMs: 0,
  fallbackIntervalMs: 0,
})

// Cached answers: one object per query, as the cache keeps them.
const answers = queries.map((_, i) => ({ body: answerBody(i % 7 === 0 ? 0 : 12) }))
const hit = measure(OPS, (i) => {
  const n = i % queries.length
  const record = searchRecordOf({ q: queries[n], locale: 'en' }, answers[n]!)
  if (record) memory.recordSearch(record)
})
const fresh = () => ({ body: answers[0]!.body })
const missAnswers = Array.from({ length: WARMUP + 5000 }, fresh)
const miss = measure(5000, (i) => {
  const record = searchRecordOf({ q: queries[i % queries.length], locale: 'ar' }, missAnswers[i]!)
  if (record) memory.recordSearch(record)
})
const click = measure(OPS, (i) =>
  memory.recordClick({ query: queries[i % queries.length]!, locale: 'en', position: 1 + (i % 20) }),
)

// Push to Redis: rows per second of pipeline time.
const client = redis()
const pushed: { rows: number; ms: number }[] = []
let redisAvailable = await waitForReady(client, 3000)
if (redisAvailable) {
  const prefix = redisKey('bench-insights', Date.now(), '')
  const insights = new SearchInsights({
    redis: client,
    keyPrefix: prefix,
    maxQueriesPerHour: 5000,
    pushIntervalMs: 0,
    fallbackIntervalMs: 0,
  })
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 20_000; i++) {
      insights.recordSearch({ query: queries[i % queries.length]!, locale: 'en', total: 3 })
    }
    const rows = insights.pending().length
    const start = performance.now()
    await insights.push()
    pushed.push({ rows, ms: performance.now() - start })
    if (insights.pending().length) redisAvailable = false
  }
  await insights.close()
  const keys = await client.keys(`${prefix}*`)
  if (keys.length) await client.del(...keys)
}
await closeRedis()

const perRow = pushed.map((p) => (p.ms * 1000) / p.rows)
const result = {
  benchmark: 'insights',
  date: new Date().toISOString(),
  machine: machineInfo(),
  // The machine is shared: its load says how much to trust the tails.
  loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
  settings: { ops: OPS, warmup: WARMUP, distinctQueries: queries.length },
  perSearchMicroseconds: {
    cacheHit: stats(hit),
    firstSightOfAnswer: stats(miss),
    click: stats(click),
  },
  pushToRedis: redisAvailable
    ? {
        rowsPerPush: pushed[0]?.rows ?? 0,
        microsecondsPerRow: stats(perRow),
        millisecondsPerPush: stats(pushed.map((p) => p.ms)),
      }
    : 'Redis unavailable',
  notes:
    'Per-search cost is on the request path (no I/O); pushing runs once a second off it, once per distinct (hour, locale, query).',
}
await writeFile(
  path.join(dirname, 'results', 'insights.json'),
  `${JSON.stringify(result, null, 2)}\n`,
)
console.log(JSON.stringify(result.perSearchMicroseconds), JSON.stringify(result.pushToRedis))
