/**
 * Search URLs for the discovery benchmark, made of words that are in the benchmark catalogue: the
 * titles, summaries and descriptions of the published demo programs, the category names, and the
 * text every synthetic episode shares. Words that appear together in one text are searched
 * together, as people do, so most searches find something. Deterministic for a given seed, and free of I/O, so the
 * load-generator process can build them itself.
 */
import { buildCatalogue, mulberry32 } from '../../scripts/seed/catalogue'
import { PROGRAM_FORMATS } from '../../src/lib/programFormats'
import { EPISODE_TEXT } from './catalogueSettings'

export const SEARCH_PATH = '/discovery/v1/search'

const STOP_WORDS = new Set(
  'the and for with from that this what when where who how are was were its into their them they than then there these those about over under after before each every one two his her our your you not but all can has have had more most also between through while which whose episode episodes season'.split(
    ' ',
  ),
)

export interface Vocabulary {
  /** Each indexed text as its searchable words, in order: queries are runs of neighbouring words. */
  en: string[][]
  ar: string[][]
  categories: string[]
  words: number
}

let vocabulary: Vocabulary | undefined

/** The indexed texts, by script, reduced to their searchable words (no stop words, 3+ letters). */
export function searchVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary
  const catalogue = buildCatalogue()
  const texts: string[] = [
    EPISODE_TEXT.title.en,
    EPISODE_TEXT.title.ar,
    EPISODE_TEXT.summary.en,
    EPISODE_TEXT.summary.ar,
  ]
  for (const category of catalogue.categories) texts.push(category.name.en, category.name.ar)
  for (const program of catalogue.programs.filter((p) => p.status === 'published')) {
    for (const text of [program.title, program.summary, program.description]) {
      texts.push(text.en, text.ar)
    }
  }
  const en: string[][] = []
  const ar: string[][] = []
  const distinct = new Set<string>()
  for (const text of texts) {
    const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter(
      (word) => word.length >= 3 && !STOP_WORDS.has(word),
    )
    if (!words.length) continue
    words.forEach((word) => distinct.add(word))
    if (/[\u0600-\u06FF]/.test(words[0]!)) ar.push(words)
    else en.push(words)
  }
  vocabulary = {
    en,
    ar,
    categories: catalogue.categories.map((category) => category.slug).sort(),
    words: distinct.size,
  }
  return vocabulary
}

/** The one URL of the cached-search phase: a popular query, repeated. */
export const CACHED_SEARCH_PATH = `${SEARCH_PATH}?q=desert+cities`

/**
 * A random search as a user might send it: one to three neighbouring words of one indexed text (a
 * fifth in Arabic), and sometimes filters, a sort, the other locale or another page size. Default
 * values are left out, as the schemas would fill them in, so distinct URLs are distinct cache keys.
 */
export function randomSearchPath(random: () => number): string {
  const words = searchVocabulary()
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const arabic = random() < 0.2
  const text = pick(arabic ? words.ar : words.en)
  const count = Math.min(text.length, random() < 0.5 ? 1 : random() < 0.7 ? 2 : 3)
  const start = Math.floor(random() * (text.length - count + 1))
  const params = new URLSearchParams()
  params.set('q', text.slice(start, start + count).join(' '))
  const type = random()
  if (type < 0.25) params.set('type', 'episode')
  else if (type < 0.4) params.set('type', 'program')
  if (random() < 0.1) params.set('format', pick(PROGRAM_FORMATS))
  if (random() < 0.1) params.set('category', pick(words.categories))
  if (random() < 0.1) params.set('minDuration', String(600 * (1 + Math.floor(random() * 5))))
  const sort = random()
  if (sort < 0.15) params.set('sort', 'newest')
  else if (sort < 0.2) params.set('sort', 'oldest')
  else if (sort < 0.3) params.set('sort', 'duration')
  if (arabic ? random() < 0.8 : random() < 0.1) params.set('locale', 'ar')
  if (random() < 0.2) params.set('limit', pick(['10', '50']))
  return `${SEARCH_PATH}?${params.toString()}`
}

/** `count` different searches: the hot set that most traffic repeats. */
export function hotSearchPaths(count: number, seed: number): string[] {
  const random = mulberry32(seed)
  const paths = new Set<string>([CACHED_SEARCH_PATH])
  while (paths.size < count) paths.add(randomSearchPath(random))
  return [...paths]
}

/**
 * Searches never sent before by this generator (nor in `exclude`): each one misses every cache
 * level, unless another run happened to send it within the cache TTL.
 */
export function uniqueSearchPaths(seed: number, exclude: Iterable<string> = []) {
  const random = mulberry32(seed)
  const seen = new Set<string>(exclude)
  return (): string => {
    for (;;) {
      const path = randomSearchPath(random)
      if (!seen.has(path)) {
        seen.add(path)
        return path
      }
    }
  }
}
