/**
 * `npm run bench:relevance`: how well discovery search finds what a person is looking for, scored
 * on a judged set of queries (bench/relevance/judged-queries.json) with nDCG@10, plus a replay of
 * every catalogue title word and category name as a query (its zero-result rate).
 *
 * Setup: the deterministic demo catalogue (scripts/seed/catalogue.ts) seeded through Payload into
 * a freshly created scratch database (`mediamesh_bench_relevance`) and indexed under its own prefix
 * (bench/lib/relevanceCatalogue.ts), so every run judges the same documents with the index
 * definition and query code of the branch it runs on. The seeded database is kept while its
 * fingerprint (catalogue, seed and collection code, migrations) is unchanged; `BENCH_FRESH=1`
 * rebuilds it. The index is rebuilt on every run.
 *
 * Queries go over HTTP through the discovery router as the host mounts it (`createDiscovery`:
 * validation, cache, service, response shaping), served in this process on an ephemeral port: no
 * production build is needed, and the answers are the host's. `BENCH_RELEVANCE_HOST=1` uses the
 * real host instead (production build, `tsx server.ts`), as bench:discovery does.
 *
 * Synonym queries need editor rules: when the branch has the `search-synonyms` collection, the
 * rules of the judged set are created in the scratch database first; otherwise the group is
 * skipped and reported as such.
 *
 * Results: bench/results/relevance.json (committed) and tables on stdout.
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'

import { Redis } from 'ioredis'

import { buildCatalogue } from '../scripts/seed/catalogue'
import { ROOT } from '../scripts/lib/paths'
import { ensureElasticsearch, ensurePostgres, ensureRedis } from '../scripts/lib/services'
import { SERVER_URL } from './lib/catalogueSettings'
import { itemKey, type JudgedQuery, type JudgedSet, validateJudgedSet } from './lib/judgedSet'
import { machineInfo } from './lib/machine'
import { ndcg, noMatchScore, recall, summarise, summary } from './lib/relevanceScore'
import {
  RELEVANCE_INDEX_PREFIX,
  RELEVANCE_REDIS_PREFIX,
  useRelevanceEnvironment,
} from './lib/relevanceSettings'
import { languageOf, replayWords } from './lib/replayWords'

const K = 10
const TARGET_NDCG = 0.9
const TARGET_ZERO_RESULT_RATE = 0.01
/** Parallel requests: enough to keep the run short, few enough for a shared 2-core machine. */
const CONCURRENCY = 4
/** Longest wait for synonym rules to take effect (they should within seconds). */
const SYNONYM_WAIT_MS = 60_000
const JUDGED_FILE = path.join(ROOT, 'bench', 'relevance', 'judged-queries.json')
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'relevance.json')
const USE_HOST = process.env.BENCH_RELEVANCE_HOST === '1'

// Configure this process before the application modules read the environment.
useRelevanceEnvironment()

interface SearchItem {
  type: string
  slug: string | null
  program?: { slug: string | null } | null
}
interface SearchAnswer {
  results: SearchItem[]
  total: number
  relaxed?: boolean
  interpretation?: unknown
  didYouMean?: string | null
}

async function search(origin: string, q: string, locale: 'en' | 'ar'): Promise<SearchAnswer> {
  const url = `${origin}/discovery/v1/search?${new URLSearchParams({ q, locale, limit: String(K) })}`
  const response = await fetch(url)
  const text = await response.text()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text}`)
  return JSON.parse(text) as SearchAnswer
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the input order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        out[index] = await work(items[index]!)
      }
    }),
  )
  return out
}

async function clearRedisKeys(): Promise<void> {
  const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  })
  try {
    await client.connect()
    for await (const keys of client.scanStream({ match: `${RELEVANCE_REDIS_PREFIX}*` })) {
      if ((keys as string[]).length) await client.del(...(keys as string[]))
    }
  } catch {
    // Without Redis, discovery caches in process only: nothing to clear.
  } finally {
    client.disconnect()
  }
}

async function gitDescribe() {
  const git = (args: string[]) =>
    promisify(execFile)('git', args, { cwd: ROOT }).then(
      (result) => result.stdout.trim(),
      () => null,
    )
  return {
    commit: await git(['rev-parse', '--short', 'HEAD']),
    branch: await git(['rev-parse', '--abbrev-ref', 'HEAD']),
    uncommittedChanges: Boolean(await git(['status', '--porcelain', '--', 'src'])),
  }
}

type Payload = import('payload').Payload

/** Serves discovery for the scratch catalogue: in this process, or the real host when asked. */
async function startDiscovery(payload: Payload, esUrl: string) {
  if (USE_HOST) {
    const { ensureProductionBuild } = await import('../scripts/build')
    const { spawnServer } = await import('../scripts/lib/spawnServer')
    await ensureProductionBuild()
    const host = await spawnServer(
      {
        DATABASE_URL: process.env.DATABASE_URL!,
        ELASTICSEARCH_URL: esUrl,
        SEARCH_INDEX_PREFIX: RELEVANCE_INDEX_PREFIX,
        REDIS_KEY_PREFIX: RELEVANCE_REDIS_PREFIX,
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
        RATE_LIMIT_DISCOVERY_PER_MINUTE: process.env.RATE_LIMIT_DISCOVERY_PER_MINUTE!,
        JOBS_AUTORUN: 'false',
        LOG_LEVEL: 'warn',
      },
      'bench-relevance',
    )
    return {
      origin: host.url,
      mode: 'host (production build, tsx server.ts)',
      close: async () => {
        host.child.kill('SIGTERM')
        await host.exited
      },
    }
  }
  const { default: express } = await import('express')
  const { createDiscovery } = await import('../src/discovery')
  const app = express()
  const discovery = createDiscovery(payload)
  app.use('/discovery', discovery.middleware)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    mode: 'in-process: createDiscovery(payload) middleware on an ephemeral port',
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      await discovery.close()
    },
  }
}

/**
 * Creates the judged set's synonym rules when the branch has the collection, then waits until the
 * first rule visibly works (its query finds a judged item). Null when there is no such collection.
 */
async function createSynonymRules(
  payload: Payload,
  set: JudgedSet,
  probe: () => Promise<number>,
): Promise<{ rules: number; effectiveAfterMs: number | null } | null> {
  const slug = 'search-synonyms'
  if (!(slug in payload.collections)) return null
  for (const rule of set.synonymRules) {
    // The collection may not exist in this branch's generated types yet.
    await payload.create({ collection: slug as never, data: rule as never, overrideAccess: true })
  }
  const started = Date.now()
  while (Date.now() - started < SYNONYM_WAIT_MS) {
    if ((await probe()) > 0)
      return { rules: set.synonymRules.length, effectiveAfterMs: Date.now() - started }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { rules: set.synonymRules.length, effectiveAfterMs: null }
}

interface ScoredQuery {
  id: string
  group: string
  language: string
  q: string
  ndcg: number
  recall: number
  total: number
  relaxed?: boolean
  interpretation?: unknown
  didYouMean?: string | null
  /** The first K results with their grades (0: not judged relevant). */
  top: { key: string; grade: number }[]
  /** Items judged 2 or 3 that are not among the first K. */
  missed: string[]
}

function score(query: JudgedQuery, answer: SearchAnswer): ScoredQuery {
  const keys = answer.results.map(itemKey)
  const judged = query.group !== 'no-match'
  return {
    id: query.id,
    group: query.group,
    language: query.language,
    q: query.q,
    ndcg: judged ? ndcg(keys, query.judgments, K) : noMatchScore(answer.total),
    recall: judged ? recall(keys, query.judgments, K) : noMatchScore(answer.total),
    total: answer.total,
    ...(answer.relaxed !== undefined ? { relaxed: answer.relaxed } : {}),
    ...(answer.interpretation !== undefined ? { interpretation: answer.interpretation } : {}),
    ...(answer.didYouMean ? { didYouMean: answer.didYouMean } : {}),
    top: keys.map((key) => ({ key, grade: query.judgments[key] ?? 0 })),
    missed: Object.entries(query.judgments)
      .filter(([key, grade]) => grade >= 2 && !keys.includes(key))
      .map(([key]) => key),
  }
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits

async function main() {
  const started = Date.now()
  const now = new Date()
  const set = JSON.parse(await readFile(JUDGED_FILE, 'utf8')) as JudgedSet
  const catalogue = buildCatalogue()
  const problems = validateJudgedSet(set, catalogue, now)
  if (problems.length) throw new Error(`the judged set is invalid:\n${problems.join('\n')}`)

  await ensurePostgres(SERVER_URL)
  const esUrl = await ensureElasticsearch(
    { explicitUrl: process.env.ELASTICSEARCH_URL, port: Number(process.env.ES_PORT ?? 9200) },
    { required: true },
  )
  if (!esUrl) throw new Error('Elasticsearch is required')
  await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { required: false })
  await clearRedisKeys()

  const { prepareRelevanceCatalogue } = await import('./lib/relevanceCatalogue')
  const { payload, prepared } = await prepareRelevanceCatalogue(esUrl)
  console.log(
    `✓ catalogue: ${prepared.programs} programs, ${prepared.episodes} episodes, ${prepared.indexedDocuments} indexed in ${prepared.preparationSeconds} s`,
  )
  const discovery = await startDiscovery(payload, esUrl)
  try {
    const run = (query: JudgedQuery) =>
      search(discovery.origin, query.q, query.language).then((answer) => score(query, answer))

    console.log(`… ${set.queries.length} judged queries (${discovery.mode})`)
    const main = set.queries.filter((query) => query.group !== 'synonym')
    const scored = await pool(main, CONCURRENCY, run)

    const synonymQueries = set.queries.filter((query) => query.group === 'synonym')
    const first = synonymQueries[0]
    const synonyms = first
      ? await createSynonymRules(
          payload,
          set,
          async () => score(first, await search(discovery.origin, first.q, first.language)).ndcg,
        )
      : null
    const synonymScores = synonyms ? await pool(synonymQueries, CONCURRENCY, run) : []

    console.log('… zero-result replay')
    const words = replayWords(catalogue, now)
    const replayed = await pool(words, CONCURRENCY, async (word) => ({
      word,
      total: (await search(discovery.origin, word, languageOf(word))).total,
    }))
    const zeroWords = replayed.filter((entry) => entry.total === 0).map((entry) => entry.word)
    const zeroResultRate = round(zeroWords.length / words.length, 4)

    const judged = scored.filter((row) => row.group !== 'no-match')
    const noMatch = scored.filter((row) => row.group === 'no-match')
    const overall = summary(judged)
    const report = {
      benchmark: 'relevance',
      date: now.toISOString(),
      machine: machineInfo(),
      engine: await gitDescribe(),
      settings: {
        catalogue: prepared,
        discovery: discovery.mode,
        request: `GET /discovery/v1/search?q=<query>&locale=<language of the query>&limit=${K}`,
        judgedFile: path.relative(ROOT, JUDGED_FILE),
        metric: `nDCG@${K}, gain 2^grade - 1 (grades 3 perfect, 2 relevant, 1 marginal), ideal = every judged item by grade`,
        synonyms: synonyms
          ? { available: true, ...synonyms }
          : {
              available: false,
              note: 'no search-synonyms collection in this branch: the synonym group was not run',
            },
        runSeconds: 0,
      },
      summary: {
        overall,
        overallWithSynonyms: synonymScores.length ? summary([...judged, ...synonymScores]) : null,
        byGroup: summarise([...judged, ...synonymScores], (row) => row.group),
        byLanguage: summarise(judged, (row) => row.language),
        byGroupAndLanguage: summarise(
          [...judged, ...synonymScores],
          (row) => `${row.group} / ${row.language}`,
        ),
        noMatch: {
          queries: noMatch.length,
          returnedNothing: noMatch.filter((row) => row.total === 0).length,
        },
      },
      targets: {
        ndcg: { min: TARGET_NDCG, actual: overall.ndcg, met: overall.ndcg >= TARGET_NDCG },
        replayZeroResultRate: {
          max: TARGET_ZERO_RESULT_RATE,
          actual: zeroResultRate,
          met: zeroResultRate < TARGET_ZERO_RESULT_RATE,
        },
      },
      replay: {
        words: words.length,
        zeroResults: zeroWords.length,
        zeroResultRate,
        zeroResultWords: zeroWords,
      },
      queries: [...scored, ...synonymScores].map((row) => ({
        ...row,
        ndcg: round(row.ndcg),
        recall: round(row.recall),
      })),
    }
    report.settings.runSeconds = Math.round((Date.now() - started) / 1000)
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`)

    console.table(
      Object.entries(report.summary.byGroup).map(([group, s]) => ({
        group,
        queries: s.queries,
        [`nDCG@${K}`]: s.ndcg,
        'zero results': s.zeroResults,
      })),
    )
    console.table(
      Object.entries(report.summary.byLanguage).map(([language, s]) => ({
        language,
        queries: s.queries,
        [`nDCG@${K}`]: s.ndcg,
        'zero results': s.zeroResults,
      })),
    )
    console.log(
      `overall nDCG@${K}: ${overall.ndcg} over ${overall.queries} queries (target ≥ ${TARGET_NDCG}), ${overall.zeroResults} with zero results`,
    )
    if (!synonyms)
      console.log('synonym group skipped: no search-synonyms collection in this branch')
    console.log(
      `no-match: ${report.summary.noMatch.returnedNothing}/${noMatch.length} returned nothing`,
    )
    console.log(
      `replay: ${zeroWords.length}/${words.length} words found nothing (${round(zeroResultRate * 100, 2)}%, target < ${TARGET_ZERO_RESULT_RATE * 100}%)`,
    )
    console.log(
      `results written to ${path.relative(ROOT, RESULTS_FILE)} in ${report.settings.runSeconds} s`,
    )
  } finally {
    await discovery.close()
    await payload.destroy()
  }
}

await main()
process.exit(0)
