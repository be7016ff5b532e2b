/**
 * Generators of hostile and almost-valid input for the fuzz tests: values derived from a parameter's
 * JSON schema (valid ones, values just outside its bounds, and anything at all), and JSON bodies.
 */
import fc from 'fast-check'

export interface ParameterSchema {
  type?: string
  enum?: string[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  maxItems?: number
  pattern?: string
  items?: ParameterSchema
}

/** Strings nobody should send: every code point, lone surrogates, controls, markup, injections. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%00',
    '\u0000',
    '\uD800',
    '../../etc/passwd',
    "' OR 1=1 --",
    '"; DROP TABLE programs; --',
    '<script>alert(1)</script>',
    '{"$gt":""}',
    '*',
    '\\',
    '[[[[[[[[[[',
    'a'.repeat(1500),
    'ب'.repeat(600),
    '🎧'.repeat(300),
  ),
)

/** Numbers as a client might write them, and as nobody should. */
const numericString = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e309', '0x10', '00012', ' 5', '5 ', '9'.repeat(40)),
)

/** A value for one parameter: valid, just out of bounds, or hostile. */
export function valueFor(schema: ParameterSchema): fc.Arbitrary<string> {
  const candidates: fc.Arbitrary<string>[] = [hostileString, numericString]
  if (schema.enum) candidates.push(fc.constantFrom(...schema.enum))
  if (schema.type === 'integer') {
    const min = (schema.minimum ?? -10) - 3
    const max = (schema.maximum ?? 10_000) + 3
    candidates.push(fc.integer({ min, max }).map(String))
  }
  if (schema.pattern) {
    candidates.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length < 300))
  }
  if (schema.type === 'string' && schema.maxLength) {
    candidates.push(fc.string({ minLength: schema.maxLength - 2, maxLength: schema.maxLength + 2 }))
  }
  return fc.oneof(...candidates)
}

/** Values for a query parameter: absent, once, or repeated (arrays, and duplicates of scalars). */
export function occurrencesFor(schema: ParameterSchema): fc.Arbitrary<string[]> {
  const item = valueFor(schema.type === 'array' && schema.items ? schema.items : schema)
  const most = schema.type === 'array' ? (schema.maxItems ?? 5) + 3 : 3
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<string[]>([]) },
    { weight: 5, arbitrary: item.map((v) => [v]) },
    { weight: 2, arbitrary: fc.array(item, { minLength: 2, maxLength: most }) },
  )
}

/** Any JSON, deep or wide. */
export const anyJson = fc.jsonValue({ maxDepth: 6 })

/** Request bodies: JSON of any shape, almost-JSON, and bytes. */
export const anyBody = fc.oneof(
  anyJson.map((value) => JSON.stringify(value)),
  fc.constantFrom('', '{', '{"a":', 'null', '[]', '{"__proto__":{"admin":true}}', 'x'.repeat(5000)),
  fc.string({ unit: 'binary', maxLength: 200 }),
)
