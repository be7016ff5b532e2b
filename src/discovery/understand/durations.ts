import { type Candidate, hasAnyKey, matchLongest, matchSequence, phrase } from './candidate'
import { hasKey, normalizeWord, type Token } from './normalize'
import { parseNumber, parseNumberAfterAnd } from './numbers'

const MINUTE = 60
const HOUR = 3600

const MINUTE_UNITS = new Set(
  ['minute', 'minutes', 'min', 'mins', 'mn', 'دقيقه', 'دقائق', 'دقايق', 'د'].map(normalizeWord),
)
const HOUR_UNITS = new Set(['hour', 'hours', 'hr', 'hrs', 'h', 'ساعه', 'ساعات'].map(normalizeWord))
/** Plural units: "under minutes" names no amount (a bare singular does: "under an hour", "ساعة"). */
const PLURAL_UNITS = new Set(
  ['minutes', 'mins', 'دقائق', 'دقايق', 'hours', 'hrs', 'ساعات'].map(normalizeWord),
)
const COMPACT = /^(\d{1,3}(?:\.\d{1,2})?)(h|hr|hrs|hours?|m|mins?|minutes?)$/
const COMPACT_HOURS_MINUTES = /^(\d{1,2})h(\d{1,2})(?:m|min)?$/

/** "under", "less than", "أقل من", "لا تتجاوز": the duration is a maximum. */
const AT_MOST = [
  'under',
  'below',
  'less than|then',
  'fewer than',
  'shorter than|then',
  'up to',
  'at most',
  'no|not more|longer than',
  'max|maximum',
  'within',
  'اقل من',
  'اقصر من',
  'لا تتجاوز|يتجاوز',
  'لا تزيد|يزيد عن|علي',
  'تحت',
  'دون',
  'حتي',
  'بحد اقصي',
].map(phrase)
/** "over", "at least", "أطول من": the duration is a minimum. */
const AT_LEAST = [
  'over',
  'above',
  'more than|then',
  'longer than|then',
  'at least',
  'no|not less|shorter than',
  'minimum',
  'اكثر من',
  'اطول من',
  'فوق',
  'لا تقل|يقل عن',
  'علي الاقل',
  'بحد ادني',
].map(phrase)
const OR_LESS = [
  'or less|shorter|under|fewer',
  'max',
  'at most',
  'tops',
  'او اقل',
  'فاقل',
  'كحد اقصي',
].map(phrase)
const OR_MORE = [
  'or more|longer|over',
  'plus',
  '+',
  'at least',
  'and up|over|longer',
  'او اكثر',
  'فاكثر',
  'علي الاقل',
  'كحد ادني',
].map(phrase)

/** Duration adjectives: weak (also ordinary words), English before the noun, Arabic after it. */
const SHORT_PRE = new Set(['short', 'shorter', 'quick'].map(normalizeWord))
const LONG_PRE = new Set(['long', 'longer', 'lengthy'].map(normalizeWord))
const SHORT_POST = new Set(['قصير', 'قصيره', 'قصار'].map(normalizeWord))
const LONG_POST = new Set(['طويل', 'طويله', 'طوال'].map(normalizeWord))

const HALF_HOUR = ['a|an half hour', 'half a|an hour', 'half hour', 'نصف|نص ساعه'].map(phrase)
const QUARTER_HOUR = [
  'a|an quarter of a|an hour',
  'a|an quarter hour',
  'quarter of a|an hour',
  'quarter hour',
  'ربع ساعه',
].map(phrase)
const BETWEEN = ['between', 'بين', 'من'].map(phrase)

interface Quantity {
  seconds: number
  /** Seconds per unit, to read "between 10 and 20 minutes"'s first number. */
  unit: number
  end: number
}

function unitAt(tokens: Token[], index: number): number {
  const token = tokens[index]
  if (hasAnyKey(token, MINUTE_UNITS)) return MINUTE
  if (hasAnyKey(token, HOUR_UNITS)) return HOUR
  return 0
}

/** "and a half", "ونصف", "وربع", "إلا ربع" after an hour. */
function fraction(tokens: Token[], index: number): { seconds: number; end: number } {
  let end = matchSequence(tokens, index, phrase('and a half'))
  if (end > 0) return { seconds: 30 * MINUTE, end }
  const token = tokens[index]
  if (token?.keys.get('نصف') === 'و' || token?.keys.get('نص') === 'و') {
    return { seconds: 30 * MINUTE, end: index + 1 }
  }
  if (token?.keys.get('ربع') === 'و') return { seconds: 15 * MINUTE, end: index + 1 }
  end = matchSequence(tokens, index, phrase('الا ربع'))
  if (end > 0) return { seconds: -15 * MINUTE, end }
  // "1 hour 30 minutes", "ساعة و٣٠ دقيقة"
  const hasAnd = hasKey(tokens[index], 'and') || tokens[index]?.norm === 'و'
  const number =
    parseNumber(tokens, hasAnd ? index + 1 : index) ?? parseNumberAfterAnd(tokens, index)
  if (number && unitAt(tokens, number.end) === MINUTE) {
    return { seconds: number.value * MINUTE, end: number.end + 1 }
  }
  return { seconds: 0, end: index }
}

/** An amount of time at `index`: "30 minutes", "45min", "1h30", "an hour", "half an hour", "ساعتين". */
export function parseQuantity(tokens: Token[], index: number, bareUnit: boolean): Quantity | null {
  const token = tokens[index]
  if (!token || token.literal) return null
  const compact = COMPACT.exec(token.norm)
  if (compact) {
    const unit = compact[2]!.startsWith('h') ? HOUR : MINUTE
    return { seconds: Math.round(Number(compact[1]) * unit), unit, end: index + 1 }
  }
  const hoursMinutes = COMPACT_HOURS_MINUTES.exec(token.norm)
  if (hoursMinutes) {
    const seconds = Number(hoursMinutes[1]) * HOUR + Number(hoursMinutes[2]) * MINUTE
    return { seconds, unit: HOUR, end: index + 1 }
  }
  // Arabic duals and fractions of an hour.
  for (const [key, seconds, unit] of [
    ['ساعتين', 2 * HOUR, HOUR],
    ['ساعتان', 2 * HOUR, HOUR],
    ['دقيقتين', 2 * MINUTE, MINUTE],
    ['دقيقتان', 2 * MINUTE, MINUTE],
  ] as const) {
    if (hasKey(token, key)) {
      const extra = fraction(tokens, index + 1)
      return { seconds: seconds + extra.seconds, unit, end: extra.end }
    }
  }
  let end = matchLongest(tokens, index, HALF_HOUR)
  if (end > 0) return { seconds: 30 * MINUTE, unit: MINUTE, end }
  end = matchLongest(tokens, index, QUARTER_HOUR)
  if (end > 0) return { seconds: 15 * MINUTE, unit: MINUTE, end }
  end = matchSequence(tokens, index, phrase('ثلث ساعه'))
  if (end > 0) return { seconds: 20 * MINUTE, unit: MINUTE, end }

  let count = 0
  let at = index
  const number = parseNumber(tokens, index)
  if (number) {
    count = number.value
    at = number.end
    // "one and a half hours"
    const half = matchSequence(tokens, at, phrase('and a half'))
    if (half > 0 && unitAt(tokens, half)) {
      count += 0.5
      at = half
    }
  } else if (hasKey(token, 'a') || hasKey(token, 'an')) {
    count = 1
    at = index + 1
  } else if (bareUnit || unitAt(tokens, index) === HOUR) {
    // "under an hour" reads "hour"; a bare Arabic "ساعة" is one hour.
    count = 1
  }
  if (!count) return null
  const unit = unitAt(tokens, at)
  if (!unit) return null
  // A bare unit without a number is only a duration after a comparator ("The Laugh Hour"), and
  // only a singular one.
  if (at === index && (!bareUnit || PLURAL_UNITS.has(tokens[at]!.norm))) return null
  const seconds = Math.round(count * unit)
  const extra = unit === HOUR ? fraction(tokens, at + 1) : { seconds: 0, end: at + 1 }
  return { seconds: seconds + extra.seconds, unit, end: extra.end }
}

/** Durations: "under 30 minutes", "over an hour", "between 10 and 20 min", "short", "أقل من ٣٠ دقيقة". */
export function matchDuration(tokens: Token[], index: number): Candidate | null {
  const between = matchBetween(tokens, index)
  if (between) return between
  const atMost = matchLongest(tokens, index, AT_MOST)
  const atLeast = atMost > 0 ? -1 : matchLongest(tokens, index, AT_LEAST)
  const comparatorEnd = Math.max(atMost, atLeast)
  if (comparatorEnd > 0) {
    const quantity = parseQuantity(tokens, comparatorEnd, true)
    if (quantity && quantity.seconds > 0) {
      return strong(index, quantity.end, atMost > 0 ? 'maxDuration' : 'minDuration', quantity)
    }
  }
  const quantity = parseQuantity(tokens, index, false)
  if (quantity && quantity.seconds > 0) {
    const orLess = matchLongest(tokens, quantity.end, OR_LESS)
    if (orLess > 0) return strong(index, orLess, 'maxDuration', quantity)
    const orMore = matchLongest(tokens, quantity.end, OR_MORE)
    if (orMore > 0) return strong(index, orMore, 'minDuration', quantity)
  }
  const token = tokens[index]
  for (const [words, relative, position] of [
    [SHORT_PRE, 'short', 'pre'],
    [LONG_PRE, 'long', 'pre'],
    [SHORT_POST, 'short', 'post'],
    [LONG_POST, 'long', 'post'],
  ] as const) {
    if (hasAnyKey(token, words)) {
      const filter = relative === 'short' ? 'maxDuration' : 'minDuration'
      return {
        from: index,
        to: index + 1,
        kind: 'duration',
        strength: 'weak',
        position,
        head: false,
        parts: [{ from: index, to: index + 1, filter, value: 0, relative }],
      }
    }
  }
  return null
}

function strong(
  from: number,
  to: number,
  filter: 'minDuration' | 'maxDuration',
  quantity: Quantity,
): Candidate {
  return {
    from,
    to,
    kind: 'duration',
    strength: 'strong',
    position: 'any',
    head: false,
    parts: [{ from, to, filter, value: quantity.seconds }],
  }
}

/** "between 10 and 20 minutes", "10 to 20 min", "10-20 minutes", "بين ١٠ و٢٠ دقيقة", "من ١٠ إلى ٢٠ دقيقة". */
function matchBetween(tokens: Token[], index: number): Candidate | null {
  const opener = matchLongest(tokens, index, BETWEEN)
  const first = opener > 0 ? opener : index
  const low = parseNumber(tokens, first)
  if (!low) return null
  let lowQuantity: Quantity | null = null
  const lowUnit = unitAt(tokens, low.end)
  let joiner = low.end
  if (lowUnit) {
    lowQuantity = { seconds: low.value * lowUnit, unit: lowUnit, end: low.end + 1 }
    joiner = low.end + 1
  }
  let highStart: number
  let high: Quantity | null
  const glued = parseNumberAfterAnd(tokens, joiner)
  if (glued && opener > 0) {
    // "و٢٠ دقيقة": the conjunction is part of the number's token.
    const unit = unitAt(tokens, glued.end)
    high = unit ? { seconds: glued.value * unit, unit, end: glued.end + 1 } : null
    highStart = joiner
  } else {
    const words = opener > 0 ? ['and', 'to', 'و', 'الي', 'حتي', '-'] : ['to', 'الي', 'حتي']
    const hyphen = /^\s*[-–]\s*$/.test(tokens[joiner]?.gapBefore ?? '')
    const hasJoiner = words.some((word) => hasKey(tokens[joiner], word))
    if (!hasJoiner && !hyphen) return null
    highStart = joiner
    high = parseQuantity(tokens, hasJoiner ? joiner + 1 : joiner, false)
  }
  if (!high) return null
  const lowSeconds = lowQuantity?.seconds ?? low.value * high.unit
  if (lowSeconds <= 0 || lowSeconds > high.seconds) return null
  return {
    from: index,
    to: high.end,
    kind: 'duration',
    strength: 'strong',
    position: 'any',
    head: false,
    parts: [
      { from: index, to: highStart, filter: 'minDuration', value: lowSeconds },
      { from: highStart, to: high.end, filter: 'maxDuration', value: high.seconds },
    ],
  }
}
