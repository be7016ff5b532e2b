import type { NumberField } from 'payload'

/** A whole number ≥ 0 (durations, sizes, season and episode numbers). */
export function nonNegativeIntegerField(
  name: string,
  overrides: Partial<NumberField> = {},
): NumberField {
  return {
    name,
    type: 'number',
    min: 0,
    validate: (value: number | number[] | null | undefined) => {
      if (value === null || value === undefined) return true
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        return `${name} must be a whole number of 0 or more.`
      }
      return true
    },
    ...overrides,
  } as NumberField
}
