/**
 * The zero-result replay's queries: every word of the public catalogue's titles (programs and
 * episodes) and category names, in English and Arabic. Pure, unit-tested.
 *
 * A word is a run of letters (diacritics kept with their letter) of at least 3 letters that is not
 * a stop word; words are de-duplicated by their folded form (case, Arabic diacritics, hamza and
 * alef forms, ة/ه, ى/ي), the way the index's analysis compares them.
 */
import type { SeedCatalogue } from '../../scripts/seed/catalogue'
import { foldForMatch } from '../../src/discovery/query/fold'

const STOP_WORDS_EN = new Set(
  'a an and are as at be but by for from has have in into is it its not of on or per that the their them then there these they this those to vs via was were what when where which who why will with without'.split(
    ' ',
  ),
)
/** Compared folded, as written words are: على and علي are one word. */
const STOP_WORDS_AR = new Set(
  'في من على عن إلى مع ما أو ثم عند بعد قبل كل هذا هذه ذلك تلك التي الذي الذين اللواتي اللاتي لم لن قد كان كانت هو هي هم بين حتى منذ أن إن لا وما ولا منه منها لدى نحو عبر'
    .split(' ')
    .map((word) => foldWord(word)),
)

/** Letters compared as the Arabic and English analysers compare them (the search's own folding). */
export function foldWord(word: string): string {
  return foldForMatch(word)
}

const ARABIC = /[\u0600-\u06FF]/
export const languageOf = (word: string): 'en' | 'ar' => (ARABIC.test(word) ? 'ar' : 'en')

/** Words of one text worth a query of their own, in order of appearance. */
export function wordsOf(text: string): string[] {
  const words = text.match(/[\p{L}\p{M}]+/gu) ?? []
  return words.filter((word) => {
    const folded = foldWord(word)
    if ([...folded].length < 3) return false
    return !STOP_WORDS_EN.has(folded) && !STOP_WORDS_AR.has(folded)
  })
}

/**
 * Distinct replay words of the catalogue's public titles and the names of categories that hold a
 * public program (both locales), the first spelling met of each folded form, in catalogue order.
 */
export function replayWords(catalogue: SeedCatalogue, now: Date): string[] {
  const due = (status: string, at: string) => status === 'published' && Date.parse(at) <= +now
  const texts: string[] = []
  const programs = catalogue.programs.filter((program) => due(program.status, program.publishedAt))
  // A category without any public program (Comedy in the demo) rightly finds nothing.
  const used = new Set(programs.flatMap((program) => program.categorySlugs))
  for (const category of catalogue.categories) {
    if (used.has(category.slug)) texts.push(category.name.en, category.name.ar)
  }
  for (const program of programs) {
    texts.push(program.title.en, program.title.ar)
    for (const episode of program.episodes) {
      if (due(episode.status, episode.publishedAt)) texts.push(episode.title.en, episode.title.ar)
    }
  }
  const seen = new Map<string, string>()
  for (const word of texts.flatMap(wordsOf)) {
    const folded = foldWord(word)
    if (!seen.has(folded)) seen.set(folded, word)
  }
  return [...seen.values()]
}
