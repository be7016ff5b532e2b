import { describe, expect, it } from '@jest/globals'

import { isValidSlug, normalizeSlug, slugify } from '../../src/lib/slugify'

describe('slugify', () => {
  it.each([
    ['The Rise of Desert Cities', 'the-rise-of-desert-cities'],
    ['Café Society: Ép. One!', 'cafe-society-ep-one'],
    ["Listener's Questions", 'listeners-questions'],
    ['  --Spaces   and---dashes--  ', 'spaces-and-dashes'],
    ['Episode 12 (Part 2)', 'episode-12-part-2'],
    ['بيتُ الحِكمة', 'بيت-الحكمة'],
    ['مدن الصحراء: الجزء ٢', 'مدن-الصحراء-الجزء-٢'],
    ['كتـــاب', 'كتاب'],
    ['!!!', ''],
  ])('turns %p into %p', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('caps the length without leaving a trailing hyphen', () => {
    const slug = slugify('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
  })

  it('produces only valid slugs', () => {
    for (const input of ['A b C', 'Ünïcödé Tïtle', 'عنوان عربي', 'x'.repeat(200)]) {
      expect(isValidSlug(slugify(input))).toBe(true)
    }
  })

  it('rejects slugs with uppercase, spaces or doubled hyphens', () => {
    for (const slug of ['Upper', 'with space', 'double--hyphen', '-leading', 'trailing-', '']) {
      expect(isValidSlug(slug)).toBe(false)
    }
  })

  it.each([
    ['  Café-Society ', 'cafe-society'],
    ['أخبار-الْيوم', 'اخبار-اليوم'],
    ['EPISODE:7', 'episode:7'],
  ])('folds the slug %p typed in a URL to %p, as slugify folds titles', (typed, folded) => {
    expect(normalizeSlug(typed)).toBe(folded)
  })

  it('folds a slug typed in a URL to the slug slugify gave its title', () => {
    for (const title of ['Café Society', 'أخبار الْيوم', 'مدن الصحراء']) {
      expect(normalizeSlug(title.replace(/ /g, '-'))).toBe(slugify(title))
    }
  })
})
