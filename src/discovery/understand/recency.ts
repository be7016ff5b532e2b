import { type Candidate, matchLongest, matchSequence, phrase } from './candidate'
import { hasKey, normalizeWord, type Token } from './normalize'
import { parseNumber } from './numbers'

const DAY_MS = 86_400_000

/** Windows with a fixed length, in days ("this week": the last 7 days, see README). */
const WINDOWS: [string, number][] = [
  ['today', 0],
  ['yesterday', 1],
  ['this|past|last week', 7],
  ['this past week', 7],
  ['this|past|last month', 30],
  ['this past month', 30],
  ['this|past|last year', 365],
  ['past|last few days', 3],
  ['اليوم', 0],
  ['امس|البارحه', 1],
  ['هذا|هذه اسبوع', 7],
  ['اسبوع ماضي|حالي|اخير', 7],
  ['اخر اسبوع', 7],
  ['هذا|هذه شهر', 30],
  ['شهر ماضي|حالي|اخير', 30],
  ['اخر شهر', 30],
  ['هذا|هذه سنه|عام', 365],
  ['سنه ماضيه|حاليه|اخيره', 365],
  ['عام ماضي|حالي', 365],
  ['اخر سنه|عام', 365],
  ['اخر يومين', 2],
  ['اخر اسبوعين', 14],
  ['اخر شهرين', 60],
]
const WINDOW_PHRASES = new Map<string, [string[][], number][]>()
for (const [text, days] of WINDOWS) {
  const sequence = phrase(text)
  for (const key of sequence[0]!) {
    WINDOW_PHRASES.set(key, [...(WINDOW_PHRASES.get(key) ?? []), [sequence, days]])
  }
}

/** "last 7 days", "past two weeks", "آخر ٧ أيام". */
const LAST_N = [phrase('last|past'), phrase('اخر')]
const UNIT_DAYS: [string, number][] = (
  [
    ['day', 1],
    ['days', 1],
    ['week', 7],
    ['weeks', 7],
    ['month', 30],
    ['months', 30],
    ['year', 365],
    ['years', 365],
    ['يوم', 1],
    ['ايام', 1],
    ['اسبوع', 7],
    ['اسابيع', 7],
    ['شهر', 30],
    ['اشهر', 30],
    ['شهور', 30],
    ['سنه', 365],
    ['سنوات', 365],
    ['عام', 365],
    ['اعوام', 365],
  ] as [string, number][]
).map(([key, days]) => [normalizeWord(key), days])

/** Words that may introduce a window: "published in the last week", "خلال هذا الأسبوع". */
const INTRODUCERS = [
  phrase('published|released|added|uploaded|out'),
  phrase('from|in|during|over|within|since'),
  phrase('the'),
  phrase('خلال|في|منذ'),
]

/** Weak recency words: "new podcasts", "latest episodes", "أحدث الحلقات", "الحلقات الجديدة". */
const NEWEST_PRE = [
  phrase('new'),
  phrase('newest'),
  phrase('latest'),
  phrase('recent'),
  phrase('most recent'),
  phrase('brand new'),
  phrase('fresh'),
]
const NEWEST_PRE_AR = [phrase('اخر'), phrase('احدث')]
const NEWEST_POST_AR = [phrase('جديد|جديده|جدد|احدث')]

/**
 * Recency. A window ("this week", "last 7 days", "هذا الأسبوع") becomes `publishedAfter`: `now`
 * minus the window, floored to midnight UTC so one day's queries share a cache entry. "new",
 * "latest", "أحدث" alone become `sort: 'newest'`: they ask for the newest first, not for a cut-off
 * that could leave nothing.
 */
export function matchRecency(tokens: Token[], index: number, now: Date): Candidate | null {
  let start = index
  // Introducers belong to the phrase only when a window follows them.
  let at = index
  for (const introducer of INTRODUCERS) {
    const end = matchSequence(tokens, at, introducer)
    if (end > 0) at = end
  }
  for (const begin of at === index ? [index] : [at, index]) {
    const window = matchWindow(tokens, begin)
    if (window) {
      start = index
      const value = new Date(
        Math.floor((now.getTime() - window.days * DAY_MS) / DAY_MS) * DAY_MS,
      ).toISOString()
      return {
        from: start,
        to: window.end,
        kind: 'recency',
        strength: 'strong',
        position: 'any',
        head: false,
        parts: [{ from: start, to: window.end, filter: 'publishedAfter', value }],
      }
    }
  }
  const weak = (end: number, position: 'pre' | 'post' | 'any'): Candidate => ({
    from: index,
    to: end,
    kind: 'recency',
    strength: 'weak',
    position,
    head: false,
    parts: [{ from: index, to: end, filter: 'sort', value: 'newest' }],
  })
  let end = matchLongest(tokens, index, NEWEST_PRE)
  if (end > 0) return weak(end, 'pre')
  end = matchLongest(tokens, index, NEWEST_PRE_AR)
  if (end > 0) return weak(end, hasKey(tokens[index], 'احدث') ? 'any' : 'pre')
  end = matchLongest(tokens, index, NEWEST_POST_AR)
  if (end > 0) return weak(end, 'post')
  return null
}

function matchWindow(tokens: Token[], index: number): { days: number; end: number } | null {
  let best: { days: number; end: number } | null = null
  for (const key of tokens[index]?.keys.keys() ?? []) {
    for (const [sequence, days] of WINDOW_PHRASES.get(key) ?? []) {
      const end = matchSequence(tokens, index, sequence)
      if (end > 0 && (!best || end > best.end)) best = { days, end }
    }
  }
  const last = matchLongest(tokens, index, LAST_N)
  if (last > 0) {
    const number = parseNumber(tokens, last)
    if (number && number.value > 0 && number.value <= 3650) {
      const unit = UNIT_DAYS.find(([key]) => hasKey(tokens[number.end], key))
      if (unit && (!best || number.end + 1 > best.end)) {
        best = { days: number.value * unit[1], end: number.end + 1 }
      }
    }
  }
  return best
}
