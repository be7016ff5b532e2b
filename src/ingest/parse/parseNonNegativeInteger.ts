/** "12", " 012 ", "12.0" -> 12; anything else (negative, fractional, words) -> null. */
export function parseNonNegativeInteger(input: string): number | null {
  const match = /^\+?(\d+)(?:\.0*)?$/.exec(input.trim())
  if (!match) return null
  const value = Number(match[1])
  return Number.isSafeInteger(value) ? value : null
}
