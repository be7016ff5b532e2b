import { describe, expect, it } from '@jest/globals'

import { normaliseQuery } from '../../../src/discovery/query/fold'
import { expandSynonyms, type SynonymRule } from '../../../src/discovery/query/synonyms'
import {
  plainUnits,
  relaxedMinimum,
  textQuery,
  wordClause,
} from '../../../src/discovery/query/textQuery'
import { searchQuery } from '../../../src/discovery/schemas'
import { type Promotion, promotionApplies } from '../../../src/discovery/searchRules'
import { appliedInterpretation, applyInterpretation } from '../../../src/discovery/service'
import { labelsOf } from '../../../src/search/mappers'

const forms = (word: string) =>
  (wordClause(word, 'en') as { dis_max: { queries: Record<string, unknown>[] } }).dis_max.queries

describe('words of a query', () => {
  it('requires every meaningful word, in any field, and drops stop words of both languages', () => {
    expect(plainUnits('Food and the Cooking')).toEqual([
      { alternatives: [['food']] },
      { alternatives: [['cooking']] },
    ])
    expect(plainUnits('تاريخ في العلوم').map((u) => u.alternatives[0])).toEqual([
      ['تاريخ'],
      ['العلوم'],
    ])
    const query = textQuery('food cooking', 'en') as { bool: { must: { bool: { must: [] } }[] } }
    expect(query.bool.must[0]!.bool.must).toHaveLength(2)
    const fields = JSON.stringify(query)
    for (const field of ['categories.name.en.text', 'tags.en', 'labels.ar', 'program.title.ar']) {
      expect(fields).toContain(field)
    }
  })

  it('corrects no typo below 5 letters, and ranks corrections below exact and prefix matches', () => {
    expect(forms('kids').some((q) => JSON.stringify(q).includes('fuzziness'))).toBe(false)
    const space = forms('space')
    const fuzzy = space.find((q) => JSON.stringify(q).includes('"fuzziness":"AUTO:5,9"')) as {
      multi_match: { boost: number }
    }
    const prefix = space.find((q) => JSON.stringify(q).includes('.prefix')) as {
      multi_match: { boost: number }
    }
    expect(fuzzy.multi_match.boost).toBeLessThan(prefix.multi_match.boost)
    expect(prefix.multi_match.boost).toBeLessThan(1)
  })

  it('relaxes to most of the words: all but one up to four, then three quarters', () => {
    expect([1, 2, 3, 4, 5, 8].map(relaxedMinimum)).toEqual([1, 2, 2, 3, 4, 6])
  })

  it('keeps a query of only stop words matchable by title', () => {
    expect(JSON.stringify(textQuery('The Who', 'en'))).toContain('title.en.exact')
  })
})

describe('synonyms', () => {
  const rules: SynonymRule[] = [
    { terms: ['movie', 'film'], oneWay: false, locale: 'both' },
    { terms: ['automobiles', 'cars'], oneWay: true, locale: 'en' },
    { terms: ['food and cooking', 'cuisine'], oneWay: false, locale: 'both' },
    { terms: ['فيلم', 'سينما'], oneWay: false, locale: 'ar' },
  ]

  it('expands a word both ways, plurals included', () => {
    expect(expandSynonyms('movies about space', rules, 'en')).toEqual([
      { alternatives: [['movies'], ['film']], synonym: ['movie', 'film'] },
      { alternatives: [['about']] },
      { alternatives: [['space']] },
    ])
    expect(expandSynonyms('film', rules, 'en')[0]!.alternatives).toEqual([['film'], ['movie']])
  })

  it('expands a one-way rule from its first term only', () => {
    expect(expandSynonyms('automobiles', rules, 'en')[0]!.alternatives).toEqual([
      ['automobiles'],
      ['cars'],
    ])
    expect(expandSynonyms('cars', rules, 'en')[0]!.alternatives).toEqual([['cars']])
  })

  it('matches a phrase as one unit, and Arabic words with their letter forms folded', () => {
    expect(expandSynonyms('Food & Cooking tips', rules, 'en')[0]!.alternatives).toEqual([
      ['food', 'cooking'],
      ['cuisine'],
    ])
    expect(expandSynonyms('سينما', rules, 'en')[0]!.alternatives).toEqual([['سينما'], ['فيلم']])
  })
})

describe('promotions', () => {
  const promotion = (p: Partial<Promotion>): Promotion => ({
    id: 1,
    query: 'true crime',
    match: 'exact',
    items: ['program:1'],
    startsAt: null,
    endsAt: null,
    ...p,
  })
  const now = Date.parse('2025-06-01T00:00:00Z')

  it('apply to the whole query, or to its words in order, ignoring case and punctuation', () => {
    expect(promotionApplies(promotion({}), normaliseQuery('True  Crime!'), now)).toBe(true)
    expect(promotionApplies(promotion({}), normaliseQuery('true crime podcasts'), now)).toBe(false)
    const contains = promotion({ match: 'contains' })
    expect(promotionApplies(contains, normaliseQuery('true crime podcasts'), now)).toBe(true)
    expect(promotionApplies(contains, normaliseQuery('untrue crimes'), now)).toBe(false)
  })

  it('apply only between their start and end', () => {
    expect(promotionApplies(promotion({ startsAt: now + 1 }), 'true crime', now)).toBe(false)
    expect(promotionApplies(promotion({ endsAt: now }), 'true crime', now)).toBe(false)
    expect(
      promotionApplies(promotion({ startsAt: now - 1, endsAt: now + 1 }), 'true crime', now),
    ).toBe(true)
  })
})

describe('interpretation', () => {
  it('fills only the filters the request did not give, and searches the words left', () => {
    const params = searchQuery.parse({ q: 'short history podcasts', format: 'series' })
    const effective = applyInterpretation(params, {
      text: 'history',
      filters: { format: ['podcast'], maxDuration: 600, type: 'episode' },
      spans: [],
    })
    expect(effective).toMatchObject({
      q: 'history',
      format: ['series'],
      maxDuration: 600,
      type: 'episode',
    })
    expect(applyInterpretation(params, null)).toBe(params)
  })

  it('reports only the interpreted filters that took effect, with their spans', () => {
    const params = searchQuery.parse({ q: 'short history podcasts', format: 'series' })
    const reported = appliedInterpretation(params, {
      text: 'history',
      filters: { format: ['podcast'], maxDuration: 600 },
      spans: [
        { text: 'short', start: 0, end: 5, filter: 'maxDuration', value: 600 },
        { text: 'podcasts', start: 14, end: 22, filter: 'format', value: 'podcast' },
      ],
    })
    expect(reported).toEqual({
      text: 'history',
      filters: { maxDuration: 600 },
      spans: [{ text: 'short', start: 0, end: 5, filter: 'maxDuration', value: 600 }],
    })
  })
})

describe('format and language words', () => {
  it('name a documentary in Arabic in both languages', () => {
    const labels = labelsOf('documentary', 'ar')
    expect(labels.en).toContain('documentaries')
    expect(labels.en).toContain('Arabic')
    expect(labels.ar).toContain('وثائقي')
    expect(labels.ar).toContain('العربية')
  })
})
