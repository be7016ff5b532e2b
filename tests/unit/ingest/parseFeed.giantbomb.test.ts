import { readFileSync } from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'

import { ROOT } from '../../../scripts/lib/paths'
import { parseFeed, type ParsedFeed } from '../../../src/ingest/parse/parseFeed'

/**
 * The real Giant Bombcast feed (1.6 MB, 730 items), copied into tests/fixtures/feeds. Expected values are counted from
 * the raw XML with regular expressions, independently of the parser, and spot-checked by hand.
 */
const xml = readFileSync(
  path.join(ROOT, 'tests', 'fixtures', 'feeds', 'giantbomb-podcast.rss'),
  'utf8',
)
const rawItems = xml.match(/<item>[\s\S]*?<\/item>/g) ?? []
const raw = (tag: string) =>
  rawItems.map((item) => new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(item)?.[1] ?? null)

let feed: ParsedFeed

beforeAll(() => {
  feed = parseFeed(xml, { now: new Date('2025-01-01T00:00:00Z') })
})

describe('parseFeed on the Giant Bombcast feed', () => {
  it('keeps all 730 items: every guid is unique and every item has a title and an enclosure', () => {
    const guids = raw('guid')
    expect(rawItems).toHaveLength(730)
    expect(new Set(guids).size).toBe(730)
    expect(feed.items).toHaveLength(730)
    expect(feed.skipped).toEqual({})
    expect(feed.items.map((item) => item.externalId)).toEqual(guids)
  })

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      kind: 'podcast',
      title: 'Giant Bombcast',
      link: 'https://www.giantbomb.com',
      language: 'en', // <language>en-us</language>
      author: 'Giant Bomb',
      explicit: false,
      imageUrl:
        'https://giantbomb1.cbsistatic.com/uploads/original/11/110673/2927815-3756859778-28940.png?20191008',
    })
    expect(feed.description).toMatch(/^Giant Bomb discusses the latest video game news/)
    // "Games & Hobbies" appears twice, once per subcategory.
    expect(feed.categories).toEqual([
      ['Games & Hobbies', 'Video Games'],
      ['Technology', 'Gadgets'],
      ['Games & Hobbies', 'Other Games'],
    ])
  })

  it('reads every duration; the 34 placeholder zeros become unknown, with a warning each', () => {
    const durations = raw('itunes:duration')
    expect(durations.every((value) => value !== null && /^\d+$/.test(value))).toBe(true)
    expect(feed.items.map((item) => item.durationSeconds)).toEqual(
      durations.map((value) => Number(value) || null),
    )
    expect(feed.items.filter((item) => item.durationSeconds === null)).toHaveLength(34)
    expect(feed.warnings).toHaveLength(34)
    expect(feed.warnings.every((warning) => warning.endsWith('is zero; treated as unknown'))).toBe(
      true,
    )
    expect(feed.warnings.some((warning) => warning.includes('unknown duration format'))).toBe(false)
  })

  it('reads every date in its declared zone (PST, even in summer), agreeing with V8', () => {
    const dates = raw('pubDate')
    // V8's own parser knows the RFC 822 US zones, which makes it a fair independent check here.
    expect(feed.items.map((item) => item.publishedAt)).toEqual(
      dates.map((value) => new Date(value ?? '').toISOString()),
    )
  })

  it.each([
    // index, guid, title, duration, publishedAt
    [0, '1600-2823', 'Giant Bombcast 603: Call of Tuesday', 10475, '2019-10-01T22:30:00.000Z'],
    [23, '1600-2693', 'Giant Bombcast 583: "Under the Top!"', 9789, '2019-05-14T23:14:00.000Z'],
    [
      97,
      '1600-2225',
      "Giant Bombcast 518: I'm Known for My Viscous Dips",
      null,
      '2018-02-07T00:15:00.000Z',
    ],
    [365, '1600-582', 'Giant Bombcast 08/27/2013', 11031, '2013-08-27T20:37:00.000Z'],
    [
      729,
      '1600-20',
      'Giant Bombcast Arrow Pointing Down Podcast Beta',
      5283,
      '2008-02-18T09:54:00.000Z',
    ],
  ])('item %i (guid %s) matches the raw XML', (index, guid, title, duration, publishedAt) => {
    expect(feed.items[index]).toMatchObject({
      externalId: guid,
      title,
      durationSeconds: duration,
      publishedAt,
    })
  })

  it('reads the first item completely', () => {
    expect(feed.items[0]).toEqual({
      externalId: '1600-2823',
      title: 'Giant Bombcast 603: Call of Tuesday',
      summary:
        'Video games! Ghost Recon Breakpoint, The Last of Us Part II, Code Vein, The Surge 2, Card of Darkness, Call of Duty Mobile, Untitled Goose Game, Outer Wilds... Surely we talk about stuff besides games this week too. Probably.',
      description:
        'Video games! Ghost Recon Breakpoint, The Last of Us Part II, Code Vein, The Surge 2, Card of Darkness, Call of Duty Mobile, Untitled Goose Game, Outer Wilds... Surely we talk about stuff besides games this week too. Probably.',
      link: 'https://www.giantbomb.com/shows/603-call-of-tuesday/2970-19653/free-podcast',
      publishedAt: '2019-10-01T22:30:00.000Z',
      durationSeconds: 10475,
      enclosure: {
        url: 'https://dts.podtrac.com/redirect.mp3/www.giantbomb.com/podcasts/download/2823/603__Call_of_Tuesday-10-01-2019-6277737276.mp3',
        mimeType: 'audio/mpeg',
        sizeBytes: 105003355,
      },
      imageUrl:
        'https://giantbomb1.cbsistatic.com/uploads/original/0/30/3132120-mspac-marquee-full.jpg?20191008',
      seasonNumber: null,
      episodeNumber: null,
      explicit: false,
      videoId: null,
      transcript: null,
      chaptersUrl: null,
      people: [],
    })
  })

  it('decodes the double-escaped ampersands in descriptions (&amp;amp;)', () => {
    expect(xml).toContain('Banjo &amp;amp; Kazooie')
    expect(feed.items[53]?.description).toContain('the return of Banjo & Kazooie')
  })

  it('treats the placeholder enclosure length "1" as unknown', () => {
    expect(rawItems[9]).toContain('length="1"')
    expect(feed.items[9]?.enclosure?.sizeBytes).toBeNull()
    expect(feed.items.filter((item) => item.enclosure?.sizeBytes === null)).toHaveLength(16)
  })

  it('gives every item its own artwork, link and audio enclosure', () => {
    for (const item of feed.items) {
      expect(item.imageUrl).toMatch(/^https:\/\/giantbomb1\.cbsistatic\.com\//)
      expect(item.link).toMatch(/^https:\/\/www\.giantbomb\.com\/shows\//)
      expect(item.enclosure?.mimeType).toBe('audio/mpeg')
    }
  })
})
