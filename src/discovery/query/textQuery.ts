/**
 * Free text → Elasticsearch relevance query. Pure: no I/O, unit-tested.
 *
 * Every word must appear somewhere in the document, in any of its searchable fields: one clause
 * per word, each a `dis_max` over the weighted fields. `combined_fields`/`cross_fields` would do
 * the same in one clause, but they require every field to share one analyzer (ours differ: English
 * and Arabic stemming, edge n-grams for prefixes, keyword-like tags) and cannot mix fuzzy, exact
 * and prefix forms of a word with different weights, which the typo rules below need.
 *
 * Each word clause ranks its forms: the exact (stemmed) word ×1, the word as the start of a title
 * word ×0.6, and a typo-corrected word ×0.25 (Meilisearch/Algolia rules: no typo below 5
 * letters, one from 5, two from 9: Elasticsearch's `AUTO:5,9`). So exact and prefix matches
 * outrank corrected ones.
 *
 * Field weights: a title says what an item is (4, the other language's title 3.5); the program's
 * title on an episode and category names place it (2.5); tags (2), format and language words
 * (1.5) and summaries (1.5) describe it; descriptions are long and loose (0.5).
 *
 * On top: the exact phrase in a title (×3), the words close together in a summary or description
 * (slop 3), and a whole-title match (×100, so an exact title stays first).
 */
import type { estypes } from '@elastic/elasticsearch'

import type { Locale } from '../../search/locales'

type Query = estypes.QueryDslQueryContainer

/** A place in the query: the words typed, or any of the synonyms an editor defined for them. */
export interface QueryUnit {
  /** Alternatives; the first is what was typed. Each alternative is a list of words. */
  alternatives: string[][]
  /** The synonym rule that produced the other alternatives (for the preview's "why"). */
  synonym?: string[]
}

/**
 * Words never required on their own: exactly the stop words of the index's `english` and `arabic`
 * analyzers (Lucene's lists). A word one analyzer drops but the other keeps could otherwise only
 * match in the other language's fields, and the query would find nothing. A query made only of
 * these keeps them.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with ' +
    'من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى لا ولا الا ألا إلا لكن ما وما كما فما عن مع اذا إذا ان أن إن انها أنها إنها انه أنه إنه بان بأن فان فأن وان وأن وإن التى التي الذى الذي الذين الى الي إلى إلي على عليها عليه اما أما إما ايضا أيضا كل وكل لم ولم لن ولن هى هي هو وهى وهي وهو فهى فهي فهو انت أنت لك لها له هذه هذا تلك ذلك هناك كانت كان يكون تكون وكانت وكان غير بعض قد نحو بين بينما منذ ضمن حيث الان الآن خلال بعد قبل حتى عند عندما لدى جميع'
  ).split(' '),
)

/** Query words: letters and digits, lower-cased, everything else separates words. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
}

export const isStopword = (word: string) => STOPWORDS.has(word)

/** Words of one alternative without stopwords. */
export function meaningful(words: string[]): string[] {
  return words.filter((word) => !isStopword(word))
}

const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'ar' : 'en')

/** `field^boost` in both languages (`<path>.en`, `<path>.ar`, then `suffix`). */
const bothLanguages = (path: string, boost: number, suffix = '') =>
  ['en', 'ar'].map((language) => `${path}.${language}${suffix}^${boost}`)

/** Titles, program titles and category names: searched for words and for typos alike. */
function titleFields(locale: Locale): string[] {
  return [
    `title.${locale}^4`,
    `title.${otherLocale(locale)}^3.5`,
    ...bothLanguages('program.title', 2.5),
    ...bothLanguages('categories.name', 2.5, '.text'),
  ]
}

/** Every searchable field with its weight (see the module comment). */
export function weightedFields(locale: Locale): string[] {
  return [
    ...titleFields(locale),
    ...bothLanguages('tags', 2),
    ...bothLanguages('labels', 1.5),
    ...bothLanguages('summary', 1.5),
    ...bothLanguages('description', 0.5),
  ]
}

/** Short fields where a typo is worth correcting (fuzzy over descriptions is slow and noisy). */
function fuzzyFields(locale: Locale): string[] {
  return [
    ...titleFields(locale),
    ...bothLanguages('summary', 1.5),
    // Whole words of titles and summaries as written: a stemmed word is too short to correct
    // ("glasblowng" is two typos from "glassblowing" but three from its stem "glassblow").
    ...bothLanguages('vocabulary', 2),
  ]
}

/** Typo rules: none below 5 letters, one from 5, two from 9. */
export const FUZZINESS = 'AUTO:5,9'
const MIN_FUZZY_LENGTH = 5
const MIN_PREFIX_LENGTH = 3

/** One word, anywhere in the document: exact ≫ prefix ≫ corrected. */
export function wordClause(word: string, locale: Locale, options: { last?: boolean } = {}): Query {
  const queries: Query[] = [
    { multi_match: { query: word, type: 'best_fields', fields: weightedFields(locale) } },
  ]
  // The last word may be unfinished; any other word must be long enough to be a real prefix.
  if (options.last || [...word].length >= MIN_PREFIX_LENGTH) {
    queries.push({
      multi_match: {
        query: word,
        fields: [`title.${locale}.prefix^4`, `title.${otherLocale(locale)}.prefix^3.5`],
        boost: 0.6,
      },
    })
  }
  if ([...word].length >= MIN_FUZZY_LENGTH) {
    queries.push({
      multi_match: {
        query: word,
        type: 'best_fields',
        fields: fuzzyFields(locale),
        fuzziness: FUZZINESS,
        prefix_length: 1,
        max_expansions: 50,
        boost: 0.25,
      },
    })
  }
  return { dis_max: { queries, tie_breaker: 0.1 } }
}

/** A unit: what was typed, or (a little lower) any synonym; a phrase needs all its words. */
function unitClause(unit: QueryUnit, locale: Locale, last: boolean): Query | null {
  const alternatives = unit.alternatives.flatMap((words, index) => {
    const kept = meaningful(words)
    if (!kept.length) return []
    const clauses = kept.map((word, i) =>
      wordClause(word, locale, { last: last && index === 0 && i === kept.length - 1 }),
    )
    const clause: Query = clauses.length === 1 ? clauses[0]! : { bool: { must: clauses } }
    return [index === 0 ? clause : { bool: { must: [clause], boost: 0.9 } }]
  })
  if (!alternatives.length) return null
  return alternatives.length === 1 ? alternatives[0]! : { dis_max: { queries: alternatives } }
}

/** Units for plain text: one per word, stopwords dropped. */
export function plainUnits(text: string): QueryUnit[] {
  return meaningful(tokenize(text)).map((word) => ({ alternatives: [[word]] }))
}

/**
 * How many of `n` units a relaxed query requires: most of them, i.e. more than half (n−1 up to 4,
 * then 75%). One or two words are never relaxed: one of two is not "most", and answering
 * "skating on ice" with ice cores is worse than offering a correction or nothing.
 */
export function relaxedMinimum(n: number): number {
  if (n <= 2) return n
  if (n <= 4) return n - 1
  return Math.ceil(n * 0.75)
}

export interface TextQueryOptions {
  /** Units from synonym expansion; default: the plain words of `text`. */
  units?: QueryUnit[]
  /** Most words rather than every word must match. */
  relaxed?: boolean
}

export function textQuery(text: string, locale: Locale, options: TextQueryOptions = {}): Query {
  const units = options.units ?? plainUnits(text)
  const clauses = units
    .map((unit, i) => unitClause(unit, locale, i === units.length - 1))
    .filter((clause): clause is Query => clause !== null)
  const other = otherLocale(locale)
  const boosts: Query[] = [
    {
      multi_match: {
        query: text,
        type: 'phrase',
        fields: [`title.${locale}^2`, `title.${other}^2`],
        boost: 3,
      },
    },
    {
      multi_match: {
        query: text,
        type: 'phrase',
        slop: 3,
        fields: ['summary.en', 'summary.ar', 'description.en^0.5', 'description.ar^0.5'],
      },
    },
    exactTitleQuery(text, 100),
  ]
  // Only stop words ("the who"): nothing to require word by word; the title or phrase must match.
  if (!clauses.length) return { bool: { should: boosts, minimum_should_match: 1 } }
  const required: Query = options.relaxed
    ? { bool: { should: clauses, minimum_should_match: relaxedMinimum(clauses.length) } }
    : { bool: { must: clauses } }
  return { bool: { must: [required], should: boosts } }
}

/** The whole query equals a title (either language, programs' titles on their episodes not). */
export function exactTitleQuery(text: string, boost = 1): Query {
  return {
    multi_match: { query: text, fields: ['title.en.exact', 'title.ar.exact'], boost },
  }
}
