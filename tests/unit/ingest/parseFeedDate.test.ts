import { describe, expect, it } from '@jest/globals'

import { parseFeedDate } from '../../../src/ingest/parse/parseFeedDate'

const iso = (input: string) => parseFeedDate(input)?.date.toISOString() ?? null

describe('parseFeedDate', () => {
  it.each([
    // RFC 822 with named zones
    ['Tue, 01 Oct 2019 14:30:00 PST', '2019-10-01T22:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 PDT', '2019-10-01T21:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 EST', '2019-10-01T19:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 GMT', '2019-10-01T14:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 UT', '2019-10-01T14:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 Z', '2019-10-01T14:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 EET', '2019-10-01T12:30:00.000Z'],
    // RFC 822 with numeric zones
    ['Tue, 01 Oct 2019 14:30:00 +0300', '2019-10-01T11:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 -0800', '2019-10-01T22:30:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 +05:30', '2019-10-01T09:00:00.000Z'],
    ['Tue, 01 Oct 2019 14:30:00 GMT+0200', '2019-10-01T12:30:00.000Z'],
    // sloppy variants
    ['01 Oct 2019 14:30:00 GMT', '2019-10-01T14:30:00.000Z'], // no weekday
    ['Wed, 01 Oct 2019 14:30:00 GMT', '2019-10-01T14:30:00.000Z'], // wrong weekday
    ['Tue, 1 Oct 2019 14:30 GMT', '2019-10-01T14:30:00.000Z'], // no seconds
    ['Tue, 01 Oct 19 14:30:00 GMT', '2019-10-01T14:30:00.000Z'], // two-digit year
    ['Tuesday, 01 October 2019 14:30:00 GMT', '2019-10-01T14:30:00.000Z'], // full names
    ['Sun, 01 Sept 2019 08:00:00 GMT', '2019-09-01T08:00:00.000Z'],
    ['Tue, 01-Oct-2019 14:30:00 GMT', '2019-10-01T14:30:00.000Z'],
    ['tue, 01 oct 2019 02:30:00 pm gmt', '2019-10-01T14:30:00.000Z'], // 12-hour clock
    ['Tue, 01 Oct 2019 14:30:00', '2019-10-01T14:30:00.000Z'], // no zone: UTC
    ['1 Oct 2019', '2019-10-01T00:00:00.000Z'],
    ['Tue Oct 01 2019 14:30:00 GMT-0700 (Pacific Daylight Time)', '2019-10-01T21:30:00.000Z'],
    ['October 1, 2019 2:30 PM', '2019-10-01T14:30:00.000Z'],
    // ISO 8601
    ['2019-10-01T14:30:00Z', '2019-10-01T14:30:00.000Z'],
    ['2019-10-01T14:30:00.123+05:30', '2019-10-01T09:00:00.000Z'],
    ['2019-10-01T14:30:00+0200', '2019-10-01T12:30:00.000Z'],
    ['2019-10-01 14:30:00', '2019-10-01T14:30:00.000Z'],
    ['2019-10-01', '2019-10-01T00:00:00.000Z'],
    ['2019/10/01 14:30', '2019-10-01T14:30:00.000Z'],
  ])('reads %p', (input, expected) => {
    expect(iso(input)).toBe(expected)
  })

  it.each([
    'garbage',
    '',
    'الأحد الماضي',
    'Mon, 31 Feb 2019 10:00:00 GMT', // no such day
    'Tue, 01 Oct 2019 25:30:00 GMT',
    'Tue, 01 Foo 2019 14:30:00 GMT',
    '0001-01-01T00:00:00', // .NET's DateTime.MinValue
    '1970-01-01T00:00:00Z', // the Unix epoch, i.e. a null timestamp
    '2019-13-01',
  ])('rejects %p', (input) => {
    expect(parseFeedDate(input)).toBeNull()
  })

  it('reads an unknown zone name as UTC and says so', () => {
    expect(parseFeedDate('Tue, 01 Oct 2019 14:30:00 IST')).toEqual({
      date: new Date('2019-10-01T14:30:00Z'),
      zoneGuessed: true,
    })
    expect(parseFeedDate('Tue, 01 Oct 2019 14:30:00 GMT')?.zoneGuessed).toBe(false)
  })
})
