import { describe, expect, it } from '@jest/globals'

import { ISO_639_1, normalizeLanguageCode } from '../../src/lib/languageCodes'

describe('normalizeLanguageCode', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['ar_EG', 'ar'],
    [' fr ', 'fr'],
    ['zh-Hant-TW', 'zh'],
  ])('normalises %p to %p', (input, expected) => {
    expect(normalizeLanguageCode(input)).toBe(expected)
  })

  it.each(['xx', 'english', 'e', '', 'eng', '12'])('rejects %p', (input) => {
    expect(normalizeLanguageCode(input)).toBeNull()
  })

  it('knows the 183 ISO 639-1 codes', () => {
    expect(ISO_639_1.size).toBe(183)
    for (const code of ISO_639_1) expect(code).toMatch(/^[a-z]{2}$/)
  })
})
