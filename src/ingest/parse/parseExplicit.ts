const EXPLICIT = new Set(['yes', 'true', 'explicit'])
const CLEAN = new Set(['no', 'false', 'clean'])

/**
 * `itunes:explicit`: Apple documents true/false, older feeds say yes/no/clean, some say explicit.
 * Null for anything else, including an empty element.
 */
export function parseExplicit(input: string): boolean | null {
  const value = input.trim().toLowerCase()
  if (EXPLICIT.has(value)) return true
  if (CLEAN.has(value)) return false
  return null
}
