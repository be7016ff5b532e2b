import type { Candidate } from './candidate'
import { normalizeWord, type Token, tokenize, wordKeys } from './normalize'
import type { Vocabulary } from './types'

/** Words joining the parts of a name ("Food & Cooking", "food and cooking", "الطعام و الطبخ"). */
export const JOINERS = new Set(['&', 'and', 'و', '+', 'or', 'او'])

interface CategoryName {
  slug: string
  /** Each word's keys (with and without Arabic particles); joiners left out. */
  words: Set<string>[]
}

export interface CompiledVocabulary {
  /** Names by every key of their first word, longest first. */
  byFirstKey: Map<string, CategoryName[]>
}

const compiled = new WeakMap<Vocabulary, CompiledVocabulary>()

/** Category names in a form quick to match; compiled once per vocabulary object. */
export function compileVocabulary(vocabulary: Vocabulary): CompiledVocabulary {
  const cached = compiled.get(vocabulary)
  if (cached) return cached
  const byFirstKey = new Map<string, CategoryName[]>()
  for (const { slug, names } of vocabulary.categories) {
    for (const name of names) {
      const words = tokenize(name)
        .filter((token) => !JOINERS.has(token.norm))
        .map((token) => new Set(wordKeys(normalizeWord(token.raw), token.arabic).keys()))
      if (!words.length) continue
      for (const key of words[0]!) {
        const list = byFirstKey.get(key) ?? []
        list.push({ slug, words })
        list.sort((a, b) => b.words.length - a.words.length)
        byFirstKey.set(key, list)
      }
    }
  }
  const result = { byFirstKey }
  compiled.set(vocabulary, result)
  return result
}

/**
 * A category name at `index` (any locale; case, accents, hamza forms, the article ال and attached
 * particles ignored; "&" and "and"/"و" interchangeable), the longest one when names overlap.
 */
export function matchCategory(
  tokens: Token[],
  index: number,
  vocabulary: CompiledVocabulary,
): Candidate | null {
  const first = tokens[index]
  if (!first || first.literal) return null
  let best: { slug: string; end: number } | null = null
  for (const key of first.keys.keys()) {
    for (const name of vocabulary.byFirstKey.get(key) ?? []) {
      const end = matchName(tokens, index, name)
      if (end > 0 && (!best || end > best.end)) best = { slug: name.slug, end }
    }
  }
  if (!best) return null
  return {
    from: index,
    to: best.end,
    kind: 'category',
    strength: 'weak',
    position: 'any',
    head: false,
    parts: [{ from: index, to: best.end, filter: 'category', value: best.slug }],
  }
}

function matchName(tokens: Token[], index: number, name: CategoryName): number {
  let at = index
  for (let word = 0; word < name.words.length; word++) {
    // Between words, skip a standalone joiner the user typed.
    if (word > 0 && tokens[at] && JOINERS.has(tokens[at]!.norm)) at++
    const token = tokens[at]
    if (!token || token.literal) return -1
    let found = false
    for (const key of token.keys.keys()) {
      if (name.words[word]!.has(key)) {
        found = true
        break
      }
    }
    if (!found) return -1
    at++
  }
  return at
}
