/**
 * `npm run bench:parser`: how long the natural-language query parser (src/discovery/understand)
 * takes per query, in process, on this machine. No services needed.
 *
 * Sets: (1) the unit tests' table of English and Arabic phrasings (tests/unit/understand/
 * phrasings.ts); (2) 20,000 generated queries built from the parser's phrases and the catalogue's
 * category names and title words (seeded, so every run parses the same queries); (3) every
 * program and episode title of the seeded catalogue (long, mostly nothing to interpret). Each set
 * runs once to warm up, then BENCH_PARSER_ROUNDS (default 5) times, timing every call with
 * `process.hrtime.bigint()`. The vocabulary is compiled once per vocabulary object (cached); the
 * first call's time, which includes compiling it, is reported apart.
 *
 * Results: bench/results/parser.json (committed) and a table on stdout.
 */
import { writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import path from 'node:path'

import { buildCatalogue, mulberry32 } from '../scripts/seed/catalogue'
import { ROOT } from '../scripts/lib/paths'
import { understand, type Vocabulary } from '../src/discovery/understand'
import { ALL } from '../tests/unit/understand/phrasings'
import { machineInfo } from './lib/machine'

const ROUNDS = Number(process.env.BENCH_PARSER_ROUNDS ?? 5)
const GENERATED = 20_000
const NOW = new Date('2026-05-20T10:00:00Z')

const catalogue = buildCatalogue()
const vocabulary: Vocabulary = {
  categories: catalogue.categories.map(({ slug, name }) => ({ slug, names: [name.en, name.ar] })),
}

function generated(count: number): string[] {
  const random = mulberry32(15)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const maybe = (share: number, value: () => string) => (random() < share ? value() : '')
  const titleWords = catalogue.programs.flatMap((program) =>
    `${program.title.en} ${program.title.ar}`.split(' '),
  )
  const english = {
    adjectives: ['short', 'long', 'new', 'latest', 'arabic', 'english', 'french', 'the best'],
    heads: ['podcasts', 'documentaries', 'series', 'shows', 'episodes', 'docs', 'programs'],
    categories: catalogue.categories.map((category) => category.name.en.toLowerCase()),
    tails: [
      'under 30 minutes',
      'less than an hour',
      'over 45 min',
      'between 10 and 20 minutes',
      'in arabic',
      'in english',
      'this week',
      'from the last 7 days',
      'at least 1h',
      'under half an hour',
    ],
  }
  const arabic = {
    heads: ['بودكاست', 'وثائقيات', 'أفلام وثائقية', 'مسلسلات', 'برامج', 'حلقات'],
    adjectives: ['قصيرة', 'طويلة', 'الجديدة', 'عربية', 'بالعربية', 'بالإنجليزية'],
    categories: catalogue.categories.map((category) => category.name.ar),
    tails: [
      'أقل من ٣٠ دقيقة',
      'أطول من ساعة',
      'أكثر من ساعتين',
      'بين ١٠ و٢٠ دقيقة',
      'هذا الأسبوع',
      'هذا الشهر',
      'أقل من نصف ساعة',
    ],
  }
  const queries: string[] = []
  for (let index = 0; index < count; index++) {
    const words = [maybe(0.3, () => pick(titleWords)), maybe(0.2, () => pick(titleWords))]
    if (random() < 0.5) {
      const { adjectives, heads, categories, tails } = english
      words.push(
        maybe(0.4, () => pick(adjectives)),
        maybe(0.3, () => pick(categories)),
      )
      words.push(
        pick(heads),
        maybe(0.3, () => `about ${pick(categories)}`),
      )
      words.push(maybe(0.5, () => pick(tails)))
    } else {
      const { heads, adjectives, categories, tails } = arabic
      words.push(
        maybe(0.2, () => 'أحدث'),
        pick(heads),
        maybe(0.4, () => pick(adjectives)),
      )
      words.push(
        maybe(0.3, () => `عن ${pick(categories)}`),
        maybe(0.5, () => pick(tails)),
      )
    }
    queries.push(words.filter(Boolean).join(' '))
  }
  return queries
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
}

function measure(queries: string[]) {
  for (const query of queries) understand(query, vocabulary, { now: NOW })
  const micros: number[] = []
  const cpuStart = process.cpuUsage()
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const start = process.hrtime.bigint()
      understand(query, vocabulary, { now: NOW })
      micros.push(Number(process.hrtime.bigint() - start) / 1000)
    }
  }
  const cpu = process.cpuUsage(cpuStart)
  micros.sort((a, b) => a - b)
  const round2 = (value: number) => Math.round(value * 100) / 100
  return {
    queries: queries.length,
    calls: micros.length,
    medianUs: round2(percentile(micros, 0.5)),
    p90Us: round2(percentile(micros, 0.9)),
    p99Us: round2(percentile(micros, 0.99)),
    maxUs: round2(micros.at(-1)!),
    meanUs: round2(micros.reduce((sum, value) => sum + value, 0) / micros.length),
    cpuUsPerCall: round2((cpu.user + cpu.system) / micros.length),
    interpretedQueries: queries.filter(
      (query) => understand(query, vocabulary, { now: NOW }).spans.length > 0,
    ).length,
  }
}

async function main() {
  const firstStart = process.hrtime.bigint()
  understand('short history podcasts in arabic', vocabulary, { now: NOW })
  const firstCallUs = Number(process.hrtime.bigint() - firstStart) / 1000

  const titles = [
    ...new Set(
      catalogue.programs.flatMap((program) => [
        program.title.en,
        program.title.ar,
        ...program.episodes.flatMap((episode) => [episode.title.en, episode.title.ar]),
      ]),
    ),
  ]
  const sets = {
    table: measure(ALL.map(([query]) => query)),
    generated: measure(generated(GENERATED)),
    catalogueTitles: measure(titles),
  }
  const results = {
    benchmark: 'parser',
    date: new Date().toISOString(),
    machine: machineInfo(),
    settings: {
      rounds: ROUNDS,
      generatedQueries: GENERATED,
      categories: vocabulary.categories.length,
      timing: 'process.hrtime.bigint() around each understand() call, after one warm-up pass',
      loadAverage1m: loadavg()[0],
    },
    firstCallUs: Math.round(firstCallUs),
    sets,
    note: "Wall time per call on a shared 2-core machine: the tail (p99, max) includes other processes and garbage collection; cpuUsPerCall is this process's CPU time per call over the measured rounds. firstCallUs includes compiling the vocabulary (once per vocabulary object) and the JIT warming up. interpretedQueries: queries that gave at least one filter.",
  }
  const file = path.join(ROOT, 'bench/results/parser.json')
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log('set              queries    calls  median µs   p90 µs   p99 µs   max µs')
  for (const [name, set] of Object.entries(sets)) {
    console.log(
      `${name.padEnd(16)} ${String(set.queries).padStart(7)} ${String(set.calls).padStart(8)} ${set.medianUs.toFixed(1).padStart(10)} ${set.p90Us.toFixed(1).padStart(8)} ${set.p99Us.toFixed(1).padStart(8)} ${set.maxUs.toFixed(0).padStart(8)}`,
    )
  }
  console.log(`first call (compiles the vocabulary): ${Math.round(firstCallUs)} µs → ${file}`)
}

void main()
