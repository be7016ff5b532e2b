/**
 * The query parser over a table of phrasings in English and Arabic: what becomes a filter, what
 * stays text. Vocabulary: the seeded catalogue's categories (scripts/seed/catalogue.ts), so the
 * table reads like the demo catalogue a user tries.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { buildCatalogue } from '../../../scripts/seed/catalogue'
import { searchQuery } from '../../../src/discovery/schemas'
import { understand, type Vocabulary } from '../../../src/discovery/understand'
import { ALL, ARABIC, ARABIC_TEXT, ENGLISH, ENGLISH_TEXT } from './phrasings'

const catalogue = buildCatalogue()
const vocabulary: Vocabulary = {
  categories: catalogue.categories.map(({ slug, name }) => ({ slug, names: [name.en, name.ar] })),
}
const now = new Date('2026-05-20T10:00:00Z')
const read = (query: string) => understand(query, vocabulary, { now })

/** Words of a query: letters and digits, as the parser splits them. */
const words = (text: string) => text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []

/** Words the parser may drop from the text when a filter leaves them dangling. */
const CONNECTING = new Set(
  'about on regarding covering for in with from that by to at of are is which a an the some any all me my and or show find give get i want looking search recommend'
    .split(' ')
    .concat('عن حول في بشأن مع من إلى ل التي الذي ذات لي و أو أريد ابحث أبحث اعرض'.split(' ')),
)

describe('understanding a query', () => {
  it('has a table of at least 80 phrasings, 30 of them Arabic and 15 that stay text', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(80)
    expect(ARABIC.length + ARABIC_TEXT.length).toBeGreaterThanOrEqual(30)
    expect(ENGLISH_TEXT.length + ARABIC_TEXT.length).toBeGreaterThanOrEqual(15)
  })

  it.each(ENGLISH)('reads %p as text %p with filters %p', (query, text, filters) => {
    expect(read(query)).toMatchObject({ text, filters })
  })

  it.each(ENGLISH_TEXT)('leaves %p as text %p with no filter', (query, text, filters) => {
    expect(read(query)).toEqual({ text, filters, spans: [] })
  })

  it.each(ARABIC)('reads %p as text %p with filters %p', (query, text, filters) => {
    expect(read(query)).toMatchObject({ text, filters })
  })

  it.each(ARABIC_TEXT)('leaves %p as text %p with no filter', (query, text, filters) => {
    expect(read(query)).toEqual({ text, filters, spans: [] })
  })

  it('keeps the words it does not interpret in their original spelling', () => {
    expect(read('Podcasts about the RISE of Desert Cities').text).toBe('the RISE of Desert Cities')
    expect(read('وثائقيات عن مُدن الصّحراء').text).toBe('مُدن الصّحراء')
  })

  it('says which words became which filter, with offsets into the query for removable chips', () => {
    expect(read('short history podcasts in Arabic').spans).toEqual([
      { text: 'short', start: 0, end: 5, filter: 'maxDuration', value: 1800 },
      { text: 'history', start: 6, end: 13, filter: 'category', value: 'history' },
      { text: 'podcasts', start: 14, end: 22, filter: 'format', value: 'podcast' },
      { text: 'in Arabic', start: 23, end: 32, filter: 'language', value: 'ar' },
    ])
    expect(read('بين ١٠ و٢٠ دقيقة').spans).toEqual([
      { text: 'بين ١٠', start: 0, end: 6, filter: 'minDuration', value: 600 },
      { text: 'و٢٠ دقيقة', start: 7, end: 16, filter: 'maxDuration', value: 1200 },
    ])
  })

  it('recognises a category as soon as the catalogue has it, in either language', () => {
    const withNew: Vocabulary = {
      categories: [
        ...vocabulary.categories,
        { slug: 'space', names: ['Space & Astronomy', 'الفضاء والفلك'] },
      ],
    }
    expect(understand('space and astronomy documentaries', withNew).filters).toEqual({
      format: ['documentary'],
      category: ['space'],
    })
    expect(understand('وثائقيات عن الفضاء والفلك', withNew).filters.category).toEqual(['space'])
    expect(read('space and astronomy documentaries').filters.category).toBeUndefined()
  })

  it('counts "short" and "long" relative to the format asked for', () => {
    expect(read('short documentaries').filters.maxDuration).toBe(45 * 60)
    expect(read('short shows').filters.maxDuration).toBe(20 * 60)
    expect(read('short').filters.maxDuration).toBe(30 * 60)
    expect(read('long podcasts').filters.minDuration).toBe(60 * 60)
  })

  it('computes time windows from the given clock, at midnight UTC so a day shares a cache entry', () => {
    const at = (time: string) =>
      understand('episodes this week', vocabulary, { now: new Date(time) }).filters.publishedAfter
    expect(at('2026-05-20T00:00:01Z')).toBe('2026-05-13T00:00:00.000Z')
    expect(at('2026-05-20T23:59:59Z')).toBe('2026-05-13T00:00:00.000Z')
  })

  it('keeps the first of two contradicting values and leaves the other as text', () => {
    expect(read('episodes programs')).toMatchObject({
      text: 'programs',
      filters: { type: 'episode' },
    })
    expect(read('long podcasts under 10 minutes')).toMatchObject({
      text: 'under 10 minutes',
      filters: { minDuration: 3600, format: ['podcast'] },
    })
  })

  it('never interprets quoted words', () => {
    expect(read('podcasts "in arabic"')).toEqual({
      text: '"in arabic"',
      filters: { format: ['podcast'] },
      spans: [{ text: 'podcasts', start: 0, end: 8, filter: 'format', value: 'podcast' }],
    })
  })

  it('reads an empty or punctuation-only query as nothing', () => {
    expect(read('')).toEqual({ text: '', filters: {}, spans: [] })
    expect(read('  ?! ')).toEqual({ text: '?!', filters: {}, spans: [] })
  })

  it("leaves the seeded catalogue's program titles as text", () => {
    for (const program of catalogue.programs) {
      for (const title of [program.title.en, program.title.ar]) {
        expect({ title, filters: read(title).filters }).toEqual({ title, filters: {} })
      }
    }
  })

  it('produces filters the search parameters accept as they are', () => {
    for (const [query] of ALL) {
      const { text, filters } = read(query)
      const parsed = searchQuery.parse({ q: text, ...filters })
      for (const [name, value] of Object.entries(filters)) {
        expect(parsed[name as keyof typeof parsed]).toEqual(value)
      }
    }
  })
})

describe('properties of an interpretation', () => {
  const pool = [
    ...new Set(
      ALL.flatMap(([query]) => words(query)).concat(
        vocabulary.categories.flatMap(({ names }) => names.flatMap(words)),
        [
          'under',
          'over',
          '30',
          'minutes',
          'an',
          'hour',
          'دقيقة',
          'ساعة',
          'and',
          'و',
          '-',
          ',',
          '"',
        ],
      ),
    ),
  ]
  const queries = fc
    .array(fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 6 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join(' '))
  // A fixed seed, so a run of the suite cannot fail on a query no earlier run generated; set
  // PROPERTY_SEED (a number, or `random`) and raise PROPERTY_RUNS to explore. Longer random runs
  // still find rare idempotence gaps (README, "Natural-language queries", known gaps).
  const seedSetting = process.env.PROPERTY_SEED ?? '20261203'
  fc.configureGlobal({
    numRuns: 2000,
    ...(seedSetting === 'random' ? {} : { seed: Number(seedSetting) }),
    ...(process.env.PROPERTY_RUNS ? { numRuns: Number(process.env.PROPERTY_RUNS) } : {}),
  })
  // The phrasings, and counterexamples fast-check found before (kept so they stay fixed).
  const examples = [
    ...ALL.map(([query]) => [query] as [string]),
    // A filter before a quoted phrase with punctuation inside its quotes: the closing quote was
    // dropped from the text, so the phrase was read again unquoted.
    ['بالانجليزي " بودكاست :"'] as [string],
  ]

  it('keeps spans inside the query, in order and without overlap, quoting it exactly', () => {
    fc.assert(
      fc.property(queries, (query) => {
        let previousEnd = 0
        for (const span of read(query).spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd)
          expect(span.end).toBeGreaterThan(span.start)
          expect(span.end).toBeLessThanOrEqual(query.length)
          expect(query.slice(span.start, span.end)).toBe(span.text)
          previousEnd = span.end
        }
      }),
      { examples },
    )
  })

  it('accounts for every word: in the text, in a span, or a connecting word', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const { text, spans } = read(query)
        const left = words(text)
        const taken = spans.flatMap((span) => words(span.text))
        const counts = new Map<string, number>()
        for (const word of [...left, ...taken]) counts.set(word, (counts.get(word) ?? 0) + 1)
        for (const word of words(query)) {
          const count = counts.get(word) ?? 0
          if (count > 0) counts.set(word, count - 1)
          else expect(CONNECTING.has(word.toLowerCase()) ? word : `missing: ${word}`).toBe(word)
        }
      }),
      { examples },
    )
  })

  it('finds nothing more to interpret in its own text, but phrases that contradicted a filter', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const { text, filters } = read(query)
        const again = read(text)
        if (!again.spans.length) expect(again.text).toBe(text)
        for (const [name, value] of Object.entries(again.filters)) {
          const merged = { ...filters, [name]: value }
          const contradicts =
            (name in filters && !Array.isArray(value) && filters[name as 'type'] !== value) ||
            (merged.minDuration ?? 0) > (merged.maxDuration ?? Infinity)
          expect({ name, value, contradicts }).toEqual({ name, value, contradicts: true })
        }
      }),
      { examples },
    )
  })

  it('gives the same answer every time', () => {
    for (const [query] of ALL) expect(read(query)).toEqual(read(query))
  })
})
