import { describe, expect, it } from '@jest/globals'

import { parseDuration } from '../../../src/ingest/parse/parseDuration'

describe('parseDuration', () => {
  it.each([
    ['3600', 3600],
    [' 3600 ', 3600],
    ['3600.4', 3600],
    ['45', 45],
    ['61:05', 3665], // MM:SS, minutes may exceed 59
    ['05:30', 330],
    ['1:02:03', 3723], // H:MM:SS
    ['01:02:03', 3723],
    ['100:00:00', 360000],
    ['1:02:03.5', 3724], // rounded to whole seconds
    ['PT1H2M3S', 3723], // ISO 8601
    ['PT45M', 2700],
    ['pt30s', 30],
    ['PT1.5M', 90],
    ['P1DT1S', 86401],
    ['1h 2m 3s', 3723],
    ['45 min', 2700],
    ['45 minutes', 2700],
    ['0', 0], // the caller decides that zero means unknown
    ['00:00:00', 0],
    // Fields of 60 or more, as real feeds carry them: read arithmetically.
    ['00:60:05', 3605],
    ['1:60', 120],
    ['1:75', 135],
    ['1:60:00', 7200],
    ['1:00:60', 3660],
    ['0:90:90', 5490],
    ['120:00', 7200],
  ])('reads %p as %p seconds', (input, expected) => {
    expect(parseDuration(input)).toBe(expected)
  })

  it.each([
    '',
    'abc',
    'غير معروف',
    '-5',
    '1:2:3:4',
    '1:-2',
    '1.5:30',
    '01:02:xx',
    '1: 2',
    'NaN',
    'Infinity',
    '99999999999999999999999',
    'PT',
    'P',
    '12:',
    ':30',
  ])('rejects %p', (input) => {
    expect(parseDuration(input)).toBeNull()
  })
})
