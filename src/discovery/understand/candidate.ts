import type { InterpretedFilters } from './types'
import { hasKey, normalizeWord, type Token } from './normalize'

export type FilterName = keyof InterpretedFilters

/** One filter value read from tokens [from, to). */
export interface Part {
  from: number
  to: number
  filter: FilterName
  value: string | number
  /** "short"/"long": the duration depends on the formats asked for, resolved at the end. */
  relative?: 'short' | 'long'
}

/**
 * A phrase that may become filters. `strong` phrases say what they mean on their own ("under 30
 * minutes", "in Arabic", "podcasts"); `weak` ones ("short", "new", "Arabic", a category name) are
 * also ordinary words and need the shape of the query to support them (see rules.ts). `head`:
 * a format or type noun, which weak words attach to; `position`: where a weak word attaches (English
 * adjectives before the noun, Arabic ones after it).
 */
export interface Candidate {
  from: number
  to: number
  kind: 'format' | 'type' | 'language' | 'category' | 'duration' | 'recency'
  strength: 'strong' | 'weak'
  position: 'pre' | 'post' | 'any'
  head: boolean
  parts: Part[]
}

/** Tokens [index, …) spell `sequence` (each element: the accepted keys of one token)? End or -1. */
export function matchSequence(
  tokens: Token[],
  index: number,
  sequence: readonly (readonly string[])[],
): number {
  let at = index
  for (const alternatives of sequence) {
    const token = tokens[at]
    if (!alternatives.some((key) => hasKey(token, key))) return -1
    at++
  }
  return at
}

type Sequences = readonly (readonly (readonly string[])[])[]

/** Phrase lists indexed by their first word's keys, built on first use. */
const indexes = new WeakMap<Sequences, Map<string, Sequences[number][]>>()

function indexOf(sequences: Sequences): Map<string, Sequences[number][]> {
  let index = indexes.get(sequences)
  if (!index) {
    index = new Map()
    for (const sequence of sequences) {
      for (const key of sequence[0] ?? []) {
        const list = index.get(key) ?? []
        list.push(sequence)
        index.set(key, list)
      }
    }
    indexes.set(sequences, index)
  }
  return index
}

/** The longest of several phrases that matches at `index`, or -1. */
export function matchLongest(tokens: Token[], index: number, sequences: Sequences): number {
  const token = tokens[index]
  if (!token || token.literal) return -1
  const byFirstKey = indexOf(sequences)
  let best = -1
  for (const key of token.keys.keys()) {
    for (const sequence of byFirstKey.get(key) ?? []) {
      best = Math.max(best, matchSequence(tokens, index, sequence))
    }
  }
  return best
}

/** Whether the token has any of these keys. */
export function hasAnyKey(token: Token | undefined, keys: ReadonlySet<string>): boolean {
  if (!token || token.literal) return false
  for (const key of token.keys.keys()) if (keys.has(key)) return true
  return false
}

/** Splits "a b|c d" into [[a], [b, c], [d]]: a compact way to write phrase alternatives. */
export function phrase(text: string): string[][] {
  let sequence = phrases.get(text)
  if (!sequence) {
    sequence = text.split(' ').map((word) => word.split('|').map(normalizeWord))
    phrases.set(text, sequence)
  }
  return sequence
}
const phrases = new Map<string, string[][]>()
