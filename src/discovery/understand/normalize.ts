/**
 * Tokens of a query with their offsets in the original string, and the keys they are compared by:
 * lower case, Latin accents and Arabic diacritics and tatweel removed, alef/hamza forms, alef
 * maqsura, ta marbuta and Persian letters unified, Arabic-Indic digits made Western (the same
 * folding the index's `arabic_normalization` does). Arabic words also get their forms without the
 * attached particles و ف ب ل ك and the article ال, so "والوثائقيات" matches "وثائقيات".
 */
export interface Token {
  /** The word as typed. */
  raw: string
  start: number
  end: number
  /** Normalised form. */
  norm: string
  /** Every form the token may be compared by (norm first), with the particles stripped to get it. */
  keys: Map<string, string>
  arabic: boolean
  /** Inside double quotes: never interpreted. */
  literal: boolean
  /** The characters between the previous token and this one ("-" in "10-20"). */
  gapBefore: string
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[.'’٫][\p{L}\p{M}\p{N}]+)*|&|\+/gu
const ARABIC = /[\u0600-\u06ff]/
const QUOTED = /["“”«»]([^"“”«»]*)["“”«»]/g

export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[اأإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/پ/g, 'ب')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, '.')
    .replace(/’/g, "'")
}

const CONJUNCTIONS = ['', 'و', 'ف']
const PREPOSITIONS = ['', 'ب', 'ل', 'ك']

/** The normalised word and its forms without attached Arabic particles, mapped to those particles. */
export function wordKeys(norm: string, arabic: boolean): Map<string, string> {
  const keys = new Map<string, string>([[norm, '']])
  if (!arabic) {
    // A light English plural fold (sports → sport) that leaves "news", "class", "series" alone.
    if (norm.length >= 5 && /[^su]s$/.test(norm) && !norm.endsWith('ies')) {
      keys.set(norm.slice(0, -1), '')
    }
    return keys
  }
  for (const conjunction of CONJUNCTIONS) {
    if (!norm.startsWith(conjunction)) continue
    const afterConjunction = norm.slice(conjunction.length)
    for (const preposition of PREPOSITIONS) {
      if (!afterConjunction.startsWith(preposition)) continue
      const rest = afterConjunction.slice(preposition.length)
      const particles = conjunction + preposition
      add(keys, rest, particles)
      if (rest.startsWith('ال')) add(keys, rest.slice(2), `${particles}ال`)
      // ل + ال is written لل: "للأطفال" → "أطفال".
      if (preposition === 'ل' && rest.startsWith('ل')) add(keys, rest.slice(1), `${particles}ال`)
    }
  }
  return keys
}

function add(keys: Map<string, string>, key: string, particles: string) {
  if (key.length >= 2 && !keys.has(key)) keys.set(key, particles)
}

export function tokenize(query: string): Token[] {
  const quoted: [number, number][] = []
  for (const match of query.matchAll(QUOTED)) {
    quoted.push([match.index, match.index + match[0].length])
  }
  const tokens: Token[] = []
  for (const match of query.matchAll(WORD)) {
    const raw = match[0]
    const start = match.index
    const norm = normalizeWord(raw)
    const arabic = ARABIC.test(raw)
    tokens.push({
      raw,
      start,
      end: start + raw.length,
      norm,
      keys: wordKeys(norm, arabic),
      arabic,
      literal: quoted.some(([from, to]) => start > from && start < to),
      gapBefore: query.slice(tokens.at(-1)?.end ?? 0, start),
    })
  }
  return tokens
}

/** Whether the token has this key; with `particles`, whether it got the key by stripping them. */
export function hasKey(token: Token | undefined, key: string): boolean {
  return token !== undefined && !token.literal && token.keys.has(key)
}
