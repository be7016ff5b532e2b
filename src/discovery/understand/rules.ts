import type { Candidate } from './candidate'
import { JOINERS } from './categories'
import type { Token } from './normalize'

/**
 * Which candidates become filters. The rules (README "Natural-language queries"):
 *
 * - Strong phrases are filters, except an English format noun used as a modifier ("podcast
 *   awards", "series finale": another word follows it), "episode 12", a language followed by a
 *   noun ("in English literature") and a window followed by a noun ("this week in tech").
 * - Weak words (short, long, new, latest, a language, a category name) are filters only when they
 *   describe a format/type noun: directly before it in a run of such words ("short history
 *   podcasts"), directly after it up to a boundary (Arabic word order: "وثائقيات قصيرة", "بودكاست
 *   عربي"), or introduced by "about"/"on"/"عن"/"حول" after a filter ("documentaries about nature").
 * - When nothing but such words remains ("true crime", "Arabic", "الجرائم الحقيقية"), they are
 *   all filters: the query is a filtered browse.
 * - Otherwise a weak word stays text: "a short history of nearly everything", "The Long Game",
 *   "Arabic calligraphy", "English breakfast", "new york".
 */

/** Words that tie what follows to what precedes; dropped from the text when left dangling. */
export const ATTACH = new Set([
  'about',
  'on',
  'regarding',
  'covering',
  'for',
  'عن',
  'حول',
  'في',
  'بشان',
])
const BOUNDARY = new Set([
  ...ATTACH,
  'in',
  'with',
  'from',
  'that',
  'by',
  'to',
  'at',
  'مع',
  'من',
  'الي',
  'ل',
  'التي',
  'الذي',
])
export const CONNECTORS = new Set([
  ...BOUNDARY,
  'of',
  'are',
  'is',
  'which',
  'a',
  'an',
  'the',
  'some',
  'any',
  'all',
  'me',
  'my',
  'ذات',
  'لي',
])

export interface Analysis {
  tokens: Token[]
  candidates: Candidate[]
  /** Candidate index covering each token, or -1. */
  owner: number[]
  accepted: Set<number>
}

const isJoiner = (token: Token | undefined) => !!token && !token.literal && JOINERS.has(token.norm)
const isConnector = (token: Token | undefined) =>
  !!token && !token.literal && CONNECTORS.has(token.norm)
const isNumber = (token: Token | undefined) => !!token && /^\d/.test(token.norm)

/** A plain word: not part of any candidate, not a connector or joiner, not quoted. */
function isPlainWord(analysis: Analysis, index: number): boolean {
  const token = analysis.tokens[index]
  return (
    !!token &&
    !token.literal &&
    analysis.owner[index] === -1 &&
    !isConnector(token) &&
    !isJoiner(token)
  )
}

export function acceptStrong(analysis: Analysis) {
  const { tokens, candidates, owner, accepted } = analysis
  candidates.forEach((candidate, index) => {
    if (candidate.strength !== 'strong') return
    const next = candidate.to
    const first = tokens[candidate.from]!
    if (candidate.head && !first.arabic && isPlainWord(analysis, next)) return
    if (candidate.head && !first.arabic && endsTheTitle(analysis, candidate)) return
    if (candidate.kind === 'type' && isNumber(tokens[next])) return
    if (candidate.kind === 'language' && isPlainWord(analysis, next)) return
    if (candidate.kind === 'recency') {
      if (isPlainWord(analysis, next)) return
      // Arabic: "مدينة اليوم" (a noun of today) is a name; "حلقات اليوم" is a filter.
      if (first.arabic && isPlainWord(analysis, candidate.from - 1)) return
      const after = owner[next + 1] ?? -1
      if (
        ['in', 'of', 'on', 'at'].includes(tokens[next]?.norm ?? '') &&
        (after === -1 || candidates[after]!.strength !== 'strong')
      ) {
        return
      }
    }
    accepted.add(index)
  })
}

const SINGULAR_HEADS = new Set([
  'podcast',
  'documentary',
  'doc',
  'series',
  'show',
  'program',
  'programme',
])

/**
 * "The Truman Show", "The Daily Podcast": a singular format noun closing a phrase that opens with
 * "The" and holds only plain words is part of a title ("the best documentaries" is plural).
 */
function endsTheTitle(analysis: Analysis, candidate: Candidate): boolean {
  const { tokens } = analysis
  if (!SINGULAR_HEADS.has(tokens[candidate.to - 1]!.norm) || candidate.from < 2) return false
  for (let index = candidate.from - 1; index > 0; index--) {
    if (!isPlainWord(analysis, index)) return false
  }
  return tokens[0]!.norm === 'the' && !tokens[0]!.literal
}

/** Weak candidates attached to accepted heads and filters; repeated until nothing changes. */
export function acceptAttached(analysis: Analysis) {
  const { tokens, candidates, owner, accepted } = analysis
  const weakAt = (index: number, positions: readonly string[]) => {
    const owned = owner[index] ?? -1
    if (owned === -1) return -1
    const candidate = candidates[owned]!
    return candidate.strength === 'weak' && positions.includes(candidate.position) ? owned : -1
  }
  const boundaryAt = (index: number) => {
    const token = tokens[index]
    if (!token) return true
    if ((owner[index] ?? -1) !== -1) return true
    if (token.literal) return false
    if (BOUNDARY.has(token.norm)) return true
    return isJoiner(token) && (owner[index + 1] ?? -1) !== -1
  }
  let changed = true
  while (changed) {
    changed = false
    const accept = (index: number) => {
      if (!accepted.has(index)) {
        accepted.add(index)
        changed = true
      }
    }
    for (const index of [...accepted]) {
      const anchor = candidates[index]!
      if (anchor.head) {
        // Before the head: "short arabic history podcasts", "history and science documentaries".
        let at = anchor.from - 1
        while (at >= 0) {
          const owned = weakAt(at, ['pre', 'any'])
          if (owned !== -1) {
            accept(owned)
            at = candidates[owned]!.from - 1
          } else if (isJoiner(tokens[at]) && weakAt(at - 1, ['pre', 'any']) !== -1) {
            at--
          } else break
        }
        // After the head, up to a boundary: "وثائقيات قصيرة", "بودكاست عربي عن التاريخ".
        const chain: number[] = []
        at = anchor.to
        while (at < tokens.length) {
          const owned = weakAt(at, ['post', 'any'])
          if (owned !== -1) {
            chain.push(owned)
            at = candidates[owned]!.to
          } else if (isJoiner(tokens[at]) && weakAt(at + 1, ['post', 'any']) !== -1) {
            at++
          } else break
        }
        while (chain.length && !boundaryAt(candidates[chain.at(-1)!]!.to)) chain.pop()
        chain.forEach(accept)
      }
      // "documentaries about nature", "بودكاست عن الطبخ", "history and science" after a filter.
      let at = anchor.to
      const joined = isJoiner(tokens[at]) && anchor.kind === 'category'
      const attached = !joined && ATTACH.has(tokens[at]?.norm ?? '') && !tokens[at]!.literal
      if (joined || attached) {
        at++
        if (attached && tokens[at]?.norm === 'the') at++
        const owned = weakAt(at, ['pre', 'post', 'any'])
        if (owned !== -1 && candidates[owned]!.kind === 'category' && !accepted.has(owned)) {
          const candidate = candidates[owned]!
          if (boundaryAt(candidate.to)) {
            if (attached) {
              // The connector belongs to the chip: removing "about nature" removes both words.
              for (let token = anchor.to; token < candidate.from; token++) owner[token] = owned
              candidate.from = anchor.to
              candidate.parts[0]!.from = anchor.to
            }
            accept(owned)
          }
        }
      }
    }
  }
}

/**
 * When the text left holds only weak words ("true crime", "Arabic", "new", "بودكاست … العلوم"),
 * they are filters too: the query is a filtered browse.
 */
export function acceptBrowse(analysis: Analysis, kept: number[]) {
  const { tokens, candidates, owner, accepted } = analysis
  const weak = new Set<number>()
  for (const index of kept) {
    const owned = owner[index] ?? -1
    if (owned !== -1 && candidates[owned]!.strength === 'weak') weak.add(owned)
    else if (!isJoiner(tokens[index])) return
  }
  for (const index of weak) accepted.add(index)
}
