/**
 * Editors' synonyms, applied at query time. Pure: no I/O, unit-tested.
 *
 * Why query time rather than an Elasticsearch synonym filter: the index has no synonym filter to
 * update (our test distribution's analysis plugin cannot provide one, and updatable synonym sets
 * need Elasticsearch 8.10+ with a search analyzer reload on every change), and a rule must take
 * effect within seconds without a reindex. Expanding the parsed query costs microseconds per query
 * (a scan over the rules) and adds one `dis_max` alternative per matched word or phrase.
 *
 * Matching compares folded words (case, Arabic letter forms, diacritics) and ignores an English
 * plural "s" and stop words, so a rule for "movie" also applies to "movies".
 */
import type { Locale } from '../../search/locales'
import { foldForMatch } from './fold'
import { meaningful, tokenize, type QueryUnit } from './textQuery'

export interface SynonymRule {
  /** Words or phrases, at least two. */
  terms: string[]
  /** Only the first term expands to the others, not back. */
  oneWay: boolean
  locale: Locale | 'both'
}

const ARABIC = /[\u0600-\u06FF]/

/** How two words are compared: folded, and without an English plural "s". */
function key(word: string): string {
  const folded = foldForMatch(word)
  return /^[a-z]{4,}s$/.test(folded) && !folded.endsWith('ss') ? folded.slice(0, -1) : folded
}

interface CompiledTerm {
  words: string[]
  keys: string[]
}

function compile(term: string): CompiledTerm {
  const words = meaningful(tokenize(term))
  return { words, keys: words.map(key) }
}

/** Whether a rule is meant for this query: its locale, or the script the query is written in. */
function applies(rule: SynonymRule, locale: Locale, text: string): boolean {
  if (rule.locale === 'both' || rule.locale === locale) return true
  return rule.locale === 'ar' ? ARABIC.test(text) : /[a-z]/i.test(text)
}

/**
 * The query's words as units: a word or phrase that a rule knows becomes one unit whose
 * alternatives are what was typed and the rule's other terms. The longest match wins.
 */
export function expandSynonyms(text: string, rules: SynonymRule[], locale: Locale): QueryUnit[] {
  // Stop words never count: "food & cooking" matches a rule for "food and cooking".
  const words = meaningful(tokenize(text))
  const keys = words.map(key)
  const candidates = rules
    .filter((rule) => rule.terms.length >= 2 && applies(rule, locale, text))
    .map((rule) => ({ rule, terms: rule.terms.map(compile).filter((t) => t.words.length) }))
  const units: QueryUnit[] = []
  let i = 0
  while (i < words.length) {
    let best: { length: number; alternatives: string[][]; rule: SynonymRule } | undefined
    for (const { rule, terms } of candidates) {
      const sources = rule.oneWay ? terms.slice(0, 1) : terms
      for (const source of sources) {
        const n = source.keys.length
        if (n <= (best?.length ?? 0) || i + n > words.length) continue
        if (!source.keys.every((k, j) => keys[i + j] === k)) continue
        best = {
          length: n,
          rule,
          alternatives: terms.filter((t) => t !== source).map((t) => t.words),
        }
      }
    }
    if (best) {
      units.push({
        alternatives: [words.slice(i, i + best.length), ...best.alternatives],
        synonym: best.rule.terms,
      })
      i += best.length
    } else {
      units.push({ alternatives: [[words[i]!]] })
      i += 1
    }
  }
  return units
}
