import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { ROOT } from '../../../scripts/lib/paths'
import { FeedParseError, parseFeed } from '../../../src/ingest/parse/parseFeed'

const fixture = (name: string) =>
  readFileSync(path.join(ROOT, 'tests', 'fixtures', 'feeds', name), 'utf8')
const now = new Date('2025-06-01T00:00:00Z')

function parseError(xml: string): FeedParseError {
  try {
    parseFeed(xml, { now })
  } catch (error) {
    if (error instanceof FeedParseError) return error
    throw error
  }
  throw new Error('expected a FeedParseError')
}

describe('parseFeed on an Arabic podcast with sloppy namespaces', () => {
  const feed = parseFeed(fixture('arabic-podcast.rss'), { now })
  const item = (externalId: string) => feed.items.find((each) => each.externalId === externalId)

  it('reads the channel, with the language normalised from "AR"', () => {
    expect(feed).toMatchObject({
      kind: 'podcast',
      title: 'أصوات من الذاكرة & التاريخ',
      description: 'بودكاست وثائقي عن تاريخ المدن العربية.\n\nحلقة جديدة كل أسبوع.',
      link: 'https://podcasts.example.org/aswat',
      language: 'ar',
      imageUrl: 'https://cdn.example.org/aswat/cover-3000.jpg',
      author: 'شبكة ميدياميش',
      explicit: false, // "clean"
    })
  })

  it('reads itunes:category hierarchies as de-duplicated paths, then plain categories', () => {
    expect(feed.categories).toEqual([
      ['Society & Culture', 'Documentary'],
      ['History'],
      ['Society & Culture', 'Personal Journals'],
      ['ثقافة'],
    ])
  })

  it('keeps the first of two items sharing a guid and skips items it cannot identify', () => {
    expect(feed.items.map((each) => each.externalId)).toEqual([
      'aswat-ep-010',
      'aswat-ep-009',
      'aswat-ep-008',
      'aswat-ep-007',
      'aswat-ep-006',
      'https://cdn.example.org/aswat/special-qa.mp3', // no guid: the enclosure URL
      'https://podcasts.example.org/aswat/season-2', // no guid, no enclosure: the link
    ])
    expect(item('aswat-ep-008')?.title).toBe('الحلقة الثامنة: موانئ الخليج')
    expect(feed.skipped).toEqual({
      'duplicate guid': 1,
      'no stable id': 1,
      'no title or link or enclosure': 1,
    })
  })

  it('strips HTML from titles and turns HTML descriptions into paragraphs, without scripts', () => {
    expect(item('aswat-ep-010')).toMatchObject({
      title: 'الحلقة العاشرة: القهوة & المقاهي في القاهرة',
      summary: 'كيف صنعت المقاهي الحياة الثقافية في القاهرة', // itunes:subtitle
      description:
        'في هذه الحلقة نزور مقهى الفيشاوي ونسأل: "لماذا القهوة؟"\n\nالضيوف:\nد. سلمى\nأ. كريم',
    })
    expect(item('aswat-ep-010')?.description).not.toContain('trackListen')
    // Escaped (not CDATA) HTML: decoded once by XML, then read as HTML.
    expect(item('aswat-ep-009')?.description).toBe(
      'رحلة في خان الشونة وسوق المدينة.\n\nالجزء الثاني من السلسلة.',
    )
    expect(item('aswat-ep-008')?.description).toBe('الموانئ & التجارة عبر القرون.')
  })

  it('reads every duration form and reports the one it cannot', () => {
    expect(feed.items.map((each) => each.durationSeconds)).toEqual([
      3600, // 3600
      3665, // 61:05
      3723, // 1:02:03
      3724, // 1:02:03.5
      3723, // PT1H2M3S
      null, // غير معروف
      null, // none given
    ])
    expect(feed.warnings).toContain(
      'item "https://cdn.example.org/aswat/special-qa.mp3": unknown duration format "غير معروف"; ignored',
    )
  })

  it('reads dates in their zones and drops unreadable and far-future ones with a warning', () => {
    expect(feed.items.map((each) => each.publishedAt)).toEqual([
      '2024-05-14T03:00:00.000Z', // +0300
      '2024-05-05T09:00:00.000Z', // GMT
      '2024-04-28T15:30:00.000Z', // ISO 8601, +03:00
      null, // "الأحد الماضي" ("last Sunday")
      null, // 2100
      '2024-04-01T10:00:00.000Z', // EET
      '2024-03-30T06:00:00.000Z', // +0200
    ])
    expect(feed.warnings).toEqual(
      expect.arrayContaining([
        'item "aswat-ep-007": unreadable date "الأحد الماضي" ignored',
        'item "aswat-ep-006": date "Fri, 01 Jan 2100 00:00:00 GMT" is in the future; ignored',
      ]),
    )
  })

  it('finds iTunes elements under any prefix bound to the iTunes URI, and undeclared media:', () => {
    // it2:duration and it:explicit (prefixes bound to the iTunes URI), media:thumbnail undeclared.
    expect(item('aswat-ep-009')).toMatchObject({
      durationSeconds: 3665,
      explicit: true,
      imageUrl: 'https://cdn.example.org/aswat/ep009-thumb.jpg',
      enclosure: { url: 'https://cdn.example.org/aswat/ep009.mp3', sizeBytes: null }, // length="0"
    })
  })

  it('falls back to podcast:season and podcast:episode, and warns about non-numeric ones', () => {
    expect(item('aswat-ep-010')).toMatchObject({ seasonNumber: 2, episodeNumber: 10 })
    expect(item('aswat-ep-008')).toMatchObject({ seasonNumber: 2, episodeNumber: 8 })
    expect(item('aswat-ep-006')).toMatchObject({ seasonNumber: null, episodeNumber: null })
    expect(feed.warnings).toContain(
      'item "aswat-ep-006": episode "ستة" is not a whole number; ignored',
    )
  })

  it('leaves missing artwork empty', () => {
    expect(item('aswat-ep-007')?.imageUrl).toBeNull()
  })
})

describe('parseFeed on a YouTube channel feed', () => {
  const feed = parseFeed(fixture('youtube-channel.xml'), { now })

  it('detects YouTube and reads the channel', () => {
    expect(feed).toMatchObject({
      kind: 'youtube',
      title: 'MediaMesh Documentaries',
      link: 'https://www.youtube.com/channel/UCmm3sh0000000000000000a',
      author: 'MediaMesh Documentaries',
      language: null,
      skipped: {},
      warnings: [],
    })
  })

  it('reads videos from yt:videoId and media:group', () => {
    expect(feed.items).toHaveLength(3)
    expect(feed.items[0]).toEqual({
      externalId: 'Ab3dEf6hIj0',
      videoId: 'Ab3dEf6hIj0',
      title: 'The Salt Road & Its Caravans | Full Documentary',
      summary:
        'For a thousand years, salt crossed the Sahara on camels. Chapters: 00:00 Taoudenni 12:40 The azalai Support us: https://example.org/support',
      description:
        'For a thousand years, salt crossed the Sahara on camels.\n\nChapters:\n00:00 Taoudenni\n12:40 The azalai\n\nSupport us: https://example.org/support',
      link: 'https://www.youtube.com/watch?v=Ab3dEf6hIj0',
      publishedAt: '2024-05-02T16:00:06.000Z',
      imageUrl: 'https://i2.ytimg.com/vi/Ab3dEf6hIj0/hqdefault.jpg',
      // The media:content is a Flash player URL, not a media file.
      enclosure: null,
      durationSeconds: null,
      seasonNumber: null,
      episodeNumber: null,
      explicit: null,
      transcript: null,
      chaptersUrl: null,
      people: [],
    })
    expect(feed.items[1]?.title).toBe('طريق الملح: القوافل عبر الصحراء')
    expect(feed.items[2]).toMatchObject({ externalId: 'Qr5sTu6vWx1', description: null })
  })
})

describe('parseFeed on a generic Atom feed', () => {
  const feed = parseFeed(fixture('generic-atom.xml'), { now })

  it('reads the feed, decoding HTML titles and normalising xml:lang', () => {
    expect(feed).toMatchObject({
      kind: 'atom',
      title: 'Field Notes & Dispatches',
      description: 'Notes from the edit suite.',
      link: 'https://blog.example.net/',
      language: 'en', // en-GB
      imageUrl: 'https://blog.example.net/logo.png',
      author: 'Mariam & Tom',
      categories: [['Film'], ['sound']],
    })
  })

  it('reads entries: XHTML content, relative links, enclosures, duplicate ids', () => {
    expect(feed.items).toHaveLength(2)
    expect(feed.skipped).toEqual({ 'duplicate guid': 1 })
    expect(feed.items[0]).toMatchObject({
      externalId: 'tag:blog.example.net,2024:/posts/grading-noon',
      link: 'https://blog.example.net/posts/grading-noon', // resolved against xml:base
      summary: 'Why everything looks beige, and how to fix it.',
      description: 'The sun is directly overhead.\n\nShadows vanish.\nSo does contrast.',
      publishedAt: '2024-05-20T08:30:00.000Z',
    })
    expect(feed.items[1]).toMatchObject({
      title: 'Interview: The Sound Recordist',
      description: 'A conversation about wind, microphones & patience.',
      publishedAt: '2024-05-10T08:00:00.000Z', // <updated>, as there is no <published>
      enclosure: {
        url: 'https://media.example.net/sound-recordist.mp3',
        mimeType: 'audio/mpeg',
        sizeBytes: 24000000,
      },
    })
  })
})

describe('parseFeed on documents that are not feeds', () => {
  it('refuses malformed XML such as a truncated download', () => {
    const error = parseError(fixture('malformed.rss'))
    expect(error.reason).toBe('malformed XML')
    expect(error.message).toContain('<description> are closed')
  })

  it('refuses an HTML page, with or without a doctype, well-formed or not', () => {
    expect(parseError(fixture('html-page.html')).reason).toBe('not a feed')
    expect(
      parseError('<HTML><head><meta charset="utf-8"><title>x</title></head><body><br></body>')
        .reason,
    ).toBe('not a feed')
  })

  it('refuses XML that is not a feed, and text that is not XML', () => {
    expect(parseError('<?xml version="1.0"?><urlset><url/></urlset>').reason).toBe('not a feed')
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1"}').reason).toBe('not a feed')
    expect(parseError('').reason).toBe('not a feed')
  })

  it('refuses a billion-laughs document quickly, before any expansion', () => {
    const started = performance.now()
    const error = parseError(fixture('billion-laughs.xml'))
    expect(error.reason).toBe('entity expansion refused')
    // Generous: the refusal is a scan of the prolog, a millisecond or so.
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses external entities (XXE) too', () => {
    const xxe =
      '<?xml version="1.0"?><!-- hidden < behind a comment -->' +
      '<!DOCTYPE rss SYSTEM "rss.dtd" [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>' +
      '<rss><channel><title>&xxe;</title></channel></rss>'
    expect(parseError(xxe).reason).toBe('entity expansion refused')
  })

  it('never expands references to undeclared entities', () => {
    const feed = parseFeed('<rss><channel><title>&lol9; &amp; &eacute;</title></channel></rss>', {
      now,
    })
    expect(feed.title).toBe('&lol9; & é')
  })
})
