import type { Token } from './normalize'

/** Number words people type in durations and time windows (normalised spelling). */
const ENGLISH_ONES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
}
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}
const ARABIC_ONES: Record<string, number> = {
  واحد: 1,
  واحده: 1,
  اثنين: 2,
  اثنان: 2,
  اثنتين: 2,
  ثلاث: 3,
  ثلاثه: 3,
  اربع: 4,
  اربعه: 4,
  خمس: 5,
  خمسه: 5,
  ست: 6,
  سته: 6,
  سبع: 7,
  سبعه: 7,
  ثمان: 8,
  ثماني: 8,
  ثمانيه: 8,
  تسع: 9,
  تسعه: 9,
  عشر: 10,
  عشره: 10,
}
const ARABIC_TENS: Record<string, number> = {
  عشرين: 20,
  عشرون: 20,
  ثلاثين: 30,
  ثلاثون: 30,
  اربعين: 40,
  اربعون: 40,
  خمسين: 50,
  خمسون: 50,
  ستين: 60,
  ستون: 60,
  سبعين: 70,
  سبعون: 70,
  ثمانين: 80,
  ثمانون: 80,
  تسعين: 90,
  تسعون: 90,
}

const DIGITS = /^\d{1,4}(?:\.\d{1,2})?$/

export interface ParsedNumber {
  value: number
  /** Index of the first token after the number. */
  end: number
}

/** A written number at `index`: digits ("30", "1.5", "٣٠"), or number words in English or Arabic. */
export function parseNumber(tokens: Token[], index: number): ParsedNumber | null {
  const token = tokens[index]
  if (!token || token.literal) return null
  const norm = token.norm
  if (DIGITS.test(norm)) return { value: Number(norm), end: index + 1 }
  const next = tokens[index + 1]
  if (norm in ENGLISH_TENS) {
    const ones = next && !next.literal ? ENGLISH_ONES[next.norm] : undefined
    return ones !== undefined && ones < 10
      ? { value: ENGLISH_TENS[norm]! + ones, end: index + 2 }
      : { value: ENGLISH_TENS[norm]!, end: index + 1 }
  }
  if (norm in ENGLISH_ONES) return { value: ENGLISH_ONES[norm]!, end: index + 1 }
  if (norm in ARABIC_TENS) return { value: ARABIC_TENS[norm]!, end: index + 1 }
  if (norm in ARABIC_ONES) {
    const ones = ARABIC_ONES[norm]!
    if (next && !next.literal && ones < 10) {
      // "خمسة عشر" (15), "خمس وعشرين" (25).
      if (next.norm === 'عشر' || next.norm === 'عشره') return { value: ones + 10, end: index + 2 }
      const tens = next.keys.get(next.norm.slice(1)) === 'و' ? ARABIC_TENS[next.norm.slice(1)] : 0
      if (next.norm.startsWith('و') && tens) return { value: ones + tens, end: index + 2 }
    }
    return { value: ones, end: index + 1 }
  }
  return null
}

/** A number written with the conjunction attached ("و٢٠" in "بين ١٠ و٢٠ دقيقة"). */
export function parseNumberAfterAnd(tokens: Token[], index: number): ParsedNumber | null {
  const token = tokens[index]
  if (!token || token.literal || !token.arabic || !token.norm.startsWith('و')) return null
  const rest = token.norm.slice(1)
  if (DIGITS.test(rest)) return { value: Number(rest), end: index + 1 }
  if (rest in ARABIC_TENS) return { value: ARABIC_TENS[rest]!, end: index + 1 }
  if (rest in ARABIC_ONES) return { value: ARABIC_ONES[rest]!, end: index + 1 }
  return null
}
