/**
 * Natural-language understanding of discovery queries, English and Arabic: deterministic, in
 * process, no I/O. `understand("short history podcasts in arabic", vocabulary)` reads
 * `{ maxDuration: 1800, category: ['history'], format: ['podcast'], language: ['ar'] }` with an
 * empty `text` (a filtered browse), and says which words became which filter (`spans`), so apps can
 * show removable chips. Words it is not sure about stay in `text` (rules.ts).
 */
import type { Candidate } from './candidate'
import { compileVocabulary, matchCategory } from './categories'
import { matchDuration } from './durations'
import { matchHead, matchLanguage } from './lexicon'
import { type Token, tokenize } from './normalize'
import { matchRecency } from './recency'
import { acceptAttached, acceptBrowse, acceptStrong, type Analysis, CONNECTORS } from './rules'
import type { Interpretation, InterpretationSpan, InterpretedFilters, Vocabulary } from './types'
import { JOINERS } from './categories'
import { matchLongest, phrase } from './candidate'

export type { Interpretation, InterpretationSpan, InterpretedFilters, Vocabulary } from './types'

const MINUTE = 60
/**
 * "short" and "long" depend on the format: a 40-minute documentary is short, a 40-minute show is
 * not. Maximum (short) and minimum (long) in seconds; without a format, half an hour and an hour.
 */
const SHORT: Record<string, number> = { podcast: 30, documentary: 45, series: 30, show: 20 }
const LONG: Record<string, number> = { podcast: 60, documentary: 90, series: 50, show: 40 }
const SHORT_DEFAULT = 30
const LONG_DEFAULT = 60

/** How a request may begin ("show me", "أريد"): dropped when the query is interpreted. */
const REQUESTS = [
  'show|find|give|get me',
  'find',
  'i want',
  "i'd like",
  "i'm looking for",
  'looking for',
  'search for',
  'recommend',
  'اريد',
  'ابغي',
  'ابحث|نبحث عن',
  'اعرض لي',
  'اعرض',
  'عايز',
  'بدي',
].map(phrase)

type Matcher = (tokens: Token[], index: number) => Candidate | null

export function understand(
  query: string,
  vocabulary: Vocabulary,
  options: { now?: Date } = {},
): Interpretation {
  const tokens = tokenize(query)
  const now = options.now ?? new Date()
  const categories = compileVocabulary(vocabulary)
  const matchers: Matcher[] = [
    matchDuration,
    (list, index) => matchRecency(list, index, now),
    matchLanguage,
    matchHead,
    (list, index) => matchCategory(list, index, categories),
  ]

  const request = matchLongest(tokens, 0, REQUESTS)
  const requestEnd = Math.max(0, request)
  const candidates: Candidate[] = []
  const owner = new Array<number>(tokens.length).fill(-1)
  for (let index = requestEnd; index < tokens.length;) {
    let best: Candidate | null = null
    if (!tokens[index]!.literal) {
      for (const match of matchers) {
        const candidate = match(tokens, index)
        if (candidate && (!best || candidate.to > best.to)) best = candidate
      }
    }
    if (!best) {
      index++
      continue
    }
    for (let token = best.from; token < best.to; token++) owner[token] = candidates.length
    candidates.push(best)
    index = best.to
  }

  const analysis: Analysis = { tokens, candidates, owner, accepted: new Set() }
  acceptStrong(analysis)
  acceptAttached(analysis)
  acceptBrowse(analysis, keptTokens(analysis, analysis.accepted, requestEnd))
  resolveConflicts(analysis)

  const kept = keptTokens(analysis, analysis.accepted, requestEnd)
  return {
    text: textOf(query, tokens, kept),
    filters: filtersOf(analysis),
    spans: spansOf(query, analysis),
  }
}

/**
 * The tokens left for the text search once the accepted phrases go, with the joiners between two
 * filters and the connectors left dangling by them ("podcasts about space" → "space").
 */
function keptTokens(analysis: Analysis, accepted: Set<number>, requestEnd: number): number[] {
  const { tokens, owner } = analysis
  const inSpan = (index: number) => accepted.has(owner[index] ?? -1)
  if (!tokens.some((_, index) => inSpan(index))) return tokens.map((_, index) => index)
  const kept: number[] = []
  tokens.forEach((token, index) => {
    if (index < requestEnd || inSpan(index)) return
    const leftSpan = inSpan(index - 1)
    const rightSpan = inSpan(index + 1)
    if (!token.literal && JOINERS.has(token.norm) && leftSpan && rightSpan) return
    if (!token.literal && CONNECTORS.has(token.norm) && leftSpan !== rightSpan) return
    kept.push(index)
  })
  return kept
}

function textOf(query: string, tokens: Token[], kept: number[]): string {
  // Nothing interpreted: the query as typed.
  if (kept.length === tokens.length) return query.trim()
  const runs: string[] = []
  let runStart = -1
  for (let position = 0; position < kept.length; position++) {
    const index = kept[position]!
    if (runStart === -1) runStart = index
    const next = kept[position + 1]
    if (next !== index + 1) {
      const first = tokens[runStart]!
      const last = tokens[index]!
      // Keep the quotes around quoted words, and what stands between them and the words (`" x :"`).
      const before = first.gapBefore
      const opening = first.literal ? before.search(/["“”«»][^\p{L}\p{M}\p{N}"“”«»]*$/u) : -1
      const start = opening >= 0 ? first.start - (before.length - opening) : first.start
      const after = tokens[index + 1]?.gapBefore ?? query.slice(last.end)
      const closing = last.literal ? /^[^\p{L}\p{M}\p{N}"“”«»]*["“”«»]/u.exec(after) : null
      const end = closing ? last.end + closing[0].length : last.end
      runs.push(query.slice(start, end).trim())
      runStart = -1
    }
  }
  return runs.join(' ')
}

/** One value per scalar filter: the first wins, a later contradicting phrase stays text. */
function resolveConflicts(analysis: Analysis) {
  const { candidates, accepted } = analysis
  const ordered = [...accepted].sort((a, b) => candidates[a]!.from - candidates[b]!.from)
  const formats = new Set<string>()
  for (const index of ordered) {
    for (const part of candidates[index]!.parts)
      if (part.filter === 'format') formats.add(String(part.value))
  }
  const scalars: Partial<Record<string, string | number>> = {}
  for (const index of ordered) {
    const candidate = candidates[index]!
    for (const part of candidate.parts) {
      if (part.relative) {
        const table = part.relative === 'short' ? SHORT : LONG
        const values = [...formats].map((format) => table[format]!)
        const minutes = values.length
          ? part.relative === 'short'
            ? Math.max(...values)
            : Math.min(...values)
          : part.relative === 'short'
            ? SHORT_DEFAULT
            : LONG_DEFAULT
        part.value = minutes * MINUTE
      }
    }
    const clash = candidate.parts.some((part) => {
      if (!['type', 'minDuration', 'maxDuration', 'publishedAfter', 'sort'].includes(part.filter))
        return false
      const previous = scalars[part.filter]
      if (previous !== undefined && previous !== part.value) return true
      const min = part.filter === 'minDuration' ? part.value : scalars.minDuration
      const max = part.filter === 'maxDuration' ? part.value : scalars.maxDuration
      return min !== undefined && max !== undefined && Number(min) > Number(max)
    })
    if (clash) {
      accepted.delete(index)
      continue
    }
    for (const part of candidate.parts) {
      if (!['format', 'language', 'category'].includes(part.filter))
        scalars[part.filter] = part.value
    }
  }
}

function filtersOf({ candidates, accepted }: Analysis): InterpretedFilters {
  const filters: Record<string, unknown> = {}
  const lists: Record<string, Set<string>> = {}
  for (const index of accepted) {
    for (const part of candidates[index]!.parts) {
      if (part.filter === 'format' || part.filter === 'language' || part.filter === 'category') {
        ;(lists[part.filter] ??= new Set()).add(String(part.value))
      } else {
        filters[part.filter] = part.value
      }
    }
  }
  for (const [filter, values] of Object.entries(lists)) filters[filter] = [...values].sort()
  return filters as InterpretedFilters
}

function spansOf(query: string, { tokens, candidates, accepted }: Analysis): InterpretationSpan[] {
  const spans: InterpretationSpan[] = []
  for (const index of [...accepted].sort((a, b) => candidates[a]!.from - candidates[b]!.from)) {
    for (const part of candidates[index]!.parts) {
      const start = tokens[part.from]!.start
      const end = tokens[part.to - 1]!.end
      spans.push({
        text: query.slice(start, end),
        start,
        end,
        filter: part.filter,
        value: part.value,
      })
    }
  }
  return spans
}
