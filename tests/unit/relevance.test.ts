import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { GROUPS, itemKey, type JudgedSet, validateJudgedSet } from '../../bench/lib/judgedSet'
import { dcg, ndcg, noMatchScore, recall, summarise } from '../../bench/lib/relevanceScore'
import { foldWord, replayWords, wordsOf } from '../../bench/lib/replayWords'
import { buildCatalogue } from '../../scripts/seed/catalogue'

const catalogue = buildCatalogue()
const judgedSet = JSON.parse(
  readFileSync(path.join(process.cwd(), 'bench', 'relevance', 'judged-queries.json'), 'utf8'),
) as JudgedSet

describe('nDCG@10 scoring', () => {
  it('gives 1 to results in the ideal order', () => {
    const judgments = { a: 3, b: 2, c: 1 }
    expect(ndcg(['a', 'b', 'c'], judgments)).toBeCloseTo(1)
    expect(ndcg(['a', 'b', 'c', 'x', 'y'], judgments)).toBeCloseTo(1)
  })

  it('uses graded gains discounted by rank', () => {
    // gains 7, 3, 1; discounts 1, log2(3), 2
    expect(dcg([3, 2, 1], 10)).toBeCloseTo(7 + 3 / Math.log2(3) + 1 / 2)
    const judgments = { a: 3, b: 2, c: 1 }
    const swapped = ndcg(['b', 'a', 'c'], judgments)
    const ideal = 7 + 3 / Math.log2(3) + 0.5
    expect(swapped).toBeCloseTo((3 + 7 / Math.log2(3) + 0.5) / ideal)
    expect(swapped).toBeLessThan(1)
  })

  it('ranks a perfect item first above a relevant one first', () => {
    const judgments = { perfect: 3, relevant: 2 }
    expect(ndcg(['perfect', 'relevant'], judgments)).toBeGreaterThan(
      ndcg(['relevant', 'perfect'], judgments),
    )
  })

  it('penalises judged items that are missing from the results', () => {
    const judgments = { a: 3, b: 3 }
    expect(ndcg(['a'], judgments)).toBeCloseTo(7 / (7 + 7 / Math.log2(3)))
  })

  it('scores an empty result list 0', () => {
    expect(ndcg([], { a: 3 })).toBe(0)
  })

  it('ignores everything after the tenth result', () => {
    const results = Array.from({ length: 10 }, (_, i) => `noise-${i}`)
    expect(ndcg([...results, 'a'], { a: 3 })).toBe(0)
  })

  it('counts an item listed twice only once', () => {
    expect(ndcg(['a', 'a'], { a: 3, b: 2 })).toBeCloseTo(7 / (7 + 3 / Math.log2(3)))
  })

  it('refuses a query without any positive judgment', () => {
    expect(() => ndcg(['a'], {})).toThrow('at least one positive judgment')
  })

  it('scores a no-match query on returning nothing', () => {
    expect(noMatchScore(0)).toBe(1)
    expect(noMatchScore(3)).toBe(0)
  })

  it('measures recall of the judged items among the first ten', () => {
    expect(recall(['a', 'x'], { a: 3, b: 1 })).toBe(0.5)
  })

  it('averages per group and counts zero-result queries', () => {
    const rows = [
      { group: 'title', ndcg: 1, total: 4 },
      { group: 'title', ndcg: 0.5, total: 2 },
      { group: 'typo', ndcg: 0, total: 0 },
    ]
    expect(summarise(rows, (row) => row.group)).toEqual({
      title: { queries: 2, ndcg: 0.75, zeroResults: 0 },
      typo: { queries: 1, ndcg: 0, zeroResults: 1 },
    })
  })

  it('names programs by slug and episodes by program and episode slug', () => {
    expect(itemKey({ type: 'program', slug: 'deep-time' })).toBe('deep-time')
    expect(itemKey({ type: 'episode', slug: 'episode-1', program: { slug: 'deep-time' } })).toBe(
      'deep-time/episode-1',
    )
  })
})

describe('the judged relevance set', () => {
  it('judges only public items of the demo catalogue, with grades 1 to 3', () => {
    expect(validateJudgedSet(judgedSet, catalogue, new Date())).toEqual([])
  })

  it('rejects a judgment of a draft or unknown item', () => {
    const draft = catalogue.programs.find((program) => program.status === 'draft')!
    const broken: JudgedSet = {
      ...judgedSet,
      queries: [
        {
          id: 'broken',
          group: 'title',
          language: 'en',
          q: 'x',
          judgments: { [draft.slug]: 3, 'no-such-program': 2 },
        },
      ],
    }
    expect(validateJudgedSet(broken, catalogue, new Date())).toEqual([
      `broken: ${draft.slug} is not a public item of the demo catalogue`,
      'broken: no-such-program is not a public item of the demo catalogue',
    ])
  })

  it('holds at least 100 queries, 40 of them Arabic, in every group', () => {
    expect(judgedSet.queries.length).toBeGreaterThanOrEqual(100)
    expect(judgedSet.queries.filter((q) => q.language === 'ar').length).toBeGreaterThanOrEqual(40)
    for (const group of GROUPS) {
      expect(judgedSet.queries.filter((q) => q.group === group).length).toBeGreaterThan(0)
    }
  })
})

describe('the zero-result replay words', () => {
  it('keeps words of three letters or more and drops stop words', () => {
    expect(wordsOf('The Fall of Constantinople')).toEqual(['Fall', 'Constantinople'])
    expect(wordsOf('الحلقة 6: حوار عن التاريخ في عام 1851')).toEqual([
      'الحلقة',
      'حوار',
      'التاريخ',
      'عام',
    ])
  })

  it('drops Arabic stop words however their alef maqsura and hamza are written', () => {
    expect(wordsOf('على علي إلى الى أسرار')).toEqual(['أسرار'])
  })

  it('folds case and Arabic spelling variants as the index does', () => {
    expect(foldWord('الإسكندرية')).toBe(foldWord('الاسكندريه'))
    expect(foldWord('تعلّم')).toBe(foldWord('تعلم'))
    expect(foldWord('Deep')).toBe('deep')
  })

  it('replays titles and category names in both languages, without duplicates', () => {
    const words = replayWords(catalogue, new Date())
    expect(words).toEqual(expect.arrayContaining(['Crime', 'الجرائم', 'Wisdom', 'الحكمة']))
    expect(new Set(words.map(foldWord)).size).toBe(words.length)
  })

  it('leaves out drafts and categories without any public program', () => {
    const words = replayWords(catalogue, new Date()).map(foldWord)
    // The Balance Sheet is a draft; Comedy holds only a draft.
    expect(words).not.toContain('balance')
    expect(words).not.toContain('comedy')
  })
})
