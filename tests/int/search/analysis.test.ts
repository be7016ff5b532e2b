/**
 * The English and Arabic analysis on the real node behaves like Elasticsearch's built-in analyzers
 * (in dev and CI it comes from our plugin, elasticsearch/analysis-plugin; in production from the
 * analysis-common module). Expected tokens are those of the built-ins, which run the same Lucene
 * algorithms: Porter stemming for English, Lucene's Arabic normalisation and light stemming.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { env } from '../../../src/env'
import { createSearchClient } from '../../../src/search/client'

const client = createSearchClient(env.ELASTICSEARCH_URL)
const index = `mediamesh_test_${process.pid}_analysis`

async function tokens(text: string, analyzer: string, onIndex?: string): Promise<string[]> {
  const result = await client.indices.analyze({ index: onIndex, analyzer, text })
  return (result.tokens ?? []).map((t) => t.token)
}

beforeAll(async () => {
  await client.indices.create({
    index,
    settings: {
      analysis: {
        analyzer: {
          english_keep_stopwords: { type: 'english', stopwords: '_none_' },
          english_custom_stopwords: { type: 'english', stopwords: ['podcast', 'about'] },
          english_stem_exclusion: { type: 'english', stem_exclusion: ['documentaries'] },
          arabic_stem_exclusion: { type: 'arabic', stem_exclusion: ['المكتبات'] },
          arabic_keep_stopwords: { type: 'arabic', stopwords: '_none_' },
        },
      },
    },
    mappings: {
      properties: {
        title_en: { type: 'text', analyzer: 'english' },
        title_ar: { type: 'text', analyzer: 'arabic' },
      },
    },
  })
})

afterAll(async () => {
  await client.indices.delete({ index }, { ignore: [404] })
  await client.close()
})

describe('the english analyzer', () => {
  it.each([
    // Elastic's documented example for the english analyzer.
    [
      "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone.",
      ['2', 'quick', 'brown', 'fox', 'jump', 'over', 'lazi', 'dog', 'bone'],
    ],
    ['documentaries', ['documentari']],
    ['documentary', ['documentari']],
    ['Podcasts and Series', ['podcast', 'seri']],
    ["The children's stories", ['children', 'stori']],
    ["James's running shoes", ['jame', 'run', 'shoe']],
    ['Interviews, interviewing, interviewed', ['interview', 'interview', 'interview']],
    ['a an the of to is', []],
  ])('analyses %p as %p', async (text, expected) => {
    expect(await tokens(text, 'english')).toEqual(expected)
  })

  it('keeps stop words with stopwords: _none_', async () => {
    expect(await tokens('The art of the deal', 'english_keep_stopwords', index)).toEqual([
      'the',
      'art',
      'of',
      'the',
      'deal',
    ])
  })

  it('uses a custom stop word list', async () => {
    expect(await tokens('A podcast about the sea', 'english_custom_stopwords', index)).toEqual([
      'a',
      'the',
      'sea',
    ])
  })

  it('leaves stem_exclusion words unstemmed', async () => {
    expect(await tokens('documentaries and stories', 'english_stem_exclusion', index)).toEqual([
      'documentaries',
      'stori',
    ])
  })
})

describe('the arabic analyzer', () => {
  it.each([
    // Hamza and madda forms of alef all become a bare alef.
    ['أحمد', ['احمد']],
    ['إحمد', ['احمد']],
    ['آحمد', ['احمد']],
    ['احمد', ['احمد']],
    // Ta marbuta and ha, alef maksura and ya meet after normalisation and light stemming.
    ['مدرسة', ['مدرس']],
    ['مدرسه', ['مدرس']],
    ['مستشفى', ['مستشف']],
    ['مستشفي', ['مستشف']],
    // Diacritics (harakat, shadda, tanween) and tatweel disappear.
    ['كَتَبَ', ['كتب']],
    ['مُدَرِّسٌ', ['مدرس']],
    ['كتـــاب', ['كتاب']],
    // The definite article and attached conjunctions and prepositions are stripped.
    ['الكتاب', ['كتاب']],
    ['والكتاب', ['كتاب']],
    ['بالكتاب', ['كتاب']],
    // Stop words go.
    ['في البيت من الكتاب', ['بيت', 'كتاب']],
    // Arabic-Indic digits become ASCII digits.
    ['الحلقة ١٢', ['حلق', '12']],
  ])('analyses %p as %p', async (text, expected) => {
    expect(await tokens(text, 'arabic')).toEqual(expected)
  })

  it('leaves stem_exclusion words unstemmed', async () => {
    expect(await tokens('المكتبات', 'arabic_stem_exclusion', index)).toEqual(['المكتبات'])
  })

  it('keeps stop words with stopwords: _none_', async () => {
    expect(await tokens('في البيت', 'arabic_keep_stopwords', index)).toEqual(['في', 'بيت'])
  })
})

describe('search with the analysis', () => {
  beforeAll(async () => {
    await client.bulk({
      index,
      refresh: 'wait_for',
      operations: [
        { index: { _id: 'ar-1' } },
        { title_ar: 'أسرار المدرسة القديمة' },
        { index: { _id: 'ar-2' } },
        { title_ar: 'رحلة إلى المستشفى' },
        { index: { _id: 'en-1' } },
        { title_en: 'Ocean Documentaries for Curious Minds' },
      ],
    })
  })

  async function hits(field: string, query: string): Promise<string[]> {
    const result = await client.search({ index, query: { match: { [field]: query } } })
    return result.hits.hits.map((hit) => hit._id!)
  }

  it.each([
    'المدرسة',
    'المدرسه',
    'مدرسة',
    'مدرسه',
    'اسرار',
    'أسرار',
    'إسرار',
    'آسرار',
    'الْمَدْرَسَة',
    'المـــدرسة',
  ])('finds the Arabic title by the variant %p', async (variant) => {
    expect(await hits('title_ar', variant)).toContain('ar-1')
  })

  it.each(['المستشفى', 'المستشفي', 'مستشفى'])(
    'finds the alef-maksura title by %p',
    async (variant) => {
      expect(await hits('title_ar', variant)).toContain('ar-2')
    },
  )

  it.each(['documentary', 'Documentaries', 'documentaries', 'ocean', 'minds'])(
    'finds the English title by %p',
    async (query) => {
      expect(await hits('title_en', query)).toEqual(['en-1'])
    },
  )
})
