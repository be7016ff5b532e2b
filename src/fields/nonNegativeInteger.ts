import type { NumberField } from 'payload'

/** A whole number ≥ 0 (durations, sizes, season and episode numbers). */
/** The largest value of an `integer` field in Elasticsearch (and Postgres). */
export const MAX_INDEXED_INTEGER = 2_147_483_647

export function nonNegativeIntegerField(
  name: string,
  overrides: Partial<NumberField> = {},
): NumberField {
  return {
    name,
    type: 'number',
    min: 0,
    max: MAX_INDEXED_INTEGER,
    validate: (value: number | number[] | null | undefined) => {
      if (value === null || value === undefined) return true
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        return `${name} must be a whole number of 0 or more.`
      }
      // The search index stores it as a 32-bit integer: a larger value would fail its sync.
      if (value > MAX_INDEXED_INTEGER) return `${name} must be at most ${MAX_INDEXED_INTEGER}.`
      return true
    },
    ...overrides,
  } as NumberField
}
