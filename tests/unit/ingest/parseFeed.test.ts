import { describe, expect, it } from '@jest/globals'

import { parseFeed } from '../../../src/ingest/parse/parseFeed'
import { parseExplicit } from '../../../src/ingest/parse/parseExplicit'

const now = new Date('2025-06-01T00:00:00Z')

/** A one-channel RSS document around `body`, with `attributes` on <rss>. */
function rss(body: string, attributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${attributes}><channel>${body}</channel></rss>`
}

const ITUNES = 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'

describe('explicit values', () => {
  it.each([
    ['yes', true],
    ['true', true],
    ['explicit', true],
    [' Yes ', true],
    ['TRUE', true],
    ['no', false],
    ['false', false],
    ['clean', false],
    ['No', false],
    ['', null],
    ['maybe', null],
  ])('reads %p as %p', (input, expected) => {
    expect(parseExplicit(input)).toBe(expected)
  })

  it('applies to the channel and to items, warning about unknown values', () => {
    const feed = parseFeed(
      rss(
        '<itunes:explicit>yes</itunes:explicit>' +
          '<item><guid>a</guid><title>A</title><itunes:explicit>clean</itunes:explicit></item>' +
          '<item><guid>b</guid><title>B</title><itunes:explicit>sometimes</itunes:explicit></item>' +
          '<item><guid>c</guid><title>C</title></item>',
        ITUNES,
      ),
      { now },
    )
    expect(feed.explicit).toBe(true)
    expect(feed.items.map((item) => item.explicit)).toEqual([false, null, null])
    expect(feed.warnings).toEqual(['item "b": unknown explicit value "sometimes"; ignored'])
  })
})

describe('language normalisation', () => {
  it.each([
    ['en-us', 'en'],
    ['AR', 'ar'],
    ['ar-EG', 'ar'],
    [' fr_CA ', 'fr'],
  ])('normalises <language>%s</language> to %p', (language, expected) => {
    expect(parseFeed(rss(`<language>${language}</language>`), { now }).language).toBe(expected)
  })

  it('is null, with a warning, when the code is unknown or missing', () => {
    const unknown = parseFeed(rss('<language>english</language>'), { now })
    expect(unknown.language).toBeNull()
    expect(unknown.warnings).toEqual(['feed: unknown language "english"; ignored'])
    expect(parseFeed(rss('<title>t</title>'), { now }).language).toBeNull()
  })

  it('reads dc:language and Atom xml:lang', () => {
    expect(
      parseFeed(
        rss('<dc:language>ar-SA</dc:language>', 'xmlns:dc="http://purl.org/dc/elements/1.1/"'),
        { now },
      ).language,
    ).toBe('ar')
    expect(
      parseFeed('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="AR"><title>t</title></feed>', {
        now,
      }).language,
    ).toBe('ar')
  })
})

describe('namespaces', () => {
  const item = '<item><guid>1</guid><title>T</title><PREFIX:duration>1:00</PREFIX:duration></item>'
  const duration = (attributes: string, prefix: string) =>
    parseFeed(rss(item.replaceAll('PREFIX', prefix), attributes), { now }).items[0]?.durationSeconds

  it('matches iTunes elements by URI, whatever its casing or scheme and whatever the prefix', () => {
    expect(duration(ITUNES, 'itunes')).toBe(60)
    expect(duration('xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"', 'itunes')).toBe(60)
    expect(duration('xmlns:it="https://itunes.com/dtds/podcast-1.0.dtd/"', 'it')).toBe(60)
  })

  it('falls back to the conventional itunes: prefix when the declaration is missing or wrong', () => {
    expect(duration('', 'itunes')).toBe(60)
    expect(duration('xmlns:itunes="http://example.com/not-itunes"', 'itunes')).toBe(60)
  })

  it('does not take an unrelated prefix for iTunes', () => {
    expect(duration('xmlns:foo="http://example.com/foo"', 'foo')).toBeNull()
  })

  it('matches element names case-insensitively', () => {
    const feed = parseFeed(
      rss(
        '<item><GUID>1</GUID><Title>T</Title><pubdate>Tue, 01 Oct 2019 14:30:00 GMT</pubdate>' +
          '<itunes:Duration>90</itunes:Duration></item>',
        ITUNES,
      ),
      { now },
    )
    expect(feed.items[0]).toMatchObject({
      externalId: '1',
      title: 'T',
      publishedAt: '2019-10-01T14:30:00.000Z',
      durationSeconds: 90,
    })
  })
})

describe('sloppy documents', () => {
  it('repairs bare ampersands and accepts a BOM and blank lines before the declaration', () => {
    const feed = parseFeed(
      '\uFEFF\n\n' +
        rss(
          '<title>Q&A & more</title><item><title>R&D</title><link>https://x.test/?a=1&b=2</link></item>',
        ),
      { now },
    )
    expect(feed.title).toBe('Q&A & more')
    expect(feed.items[0]).toMatchObject({ title: 'R&D', link: 'https://x.test/?a=1&b=2' })
  })

  it('strips HTML and decodes entities in titles, in CDATA or escaped', () => {
    const feed = parseFeed(
      rss(
        '<item><guid>1</guid><title><![CDATA[<b>Bold</b> &amp; <i>brave</i>]]></title></item>' +
          '<item><guid>2</guid><title>&lt;em&gt;Escaped&lt;/em&gt; &amp;amp; &#039;quoted&#039;</title></item>' +
          '<item><guid>3</guid><title>  Spaced\n   out  </title></item>',
      ),
      { now },
    )
    expect(feed.items.map((item) => item.title)).toEqual([
      'Bold & brave',
      "Escaped & 'quoted'",
      'Spaced out',
    ])
  })

  it('reads raw (unescaped) HTML elements inside a description', () => {
    const feed = parseFeed(
      rss(
        '<item><guid>1</guid><title>T</title><description><p>One</p><p>Two</p></description></item>',
      ),
      { now },
    )
    expect(feed.items[0]?.description).toBe('One\n\nTwo')
  })

  it('reads RSS 1.0 (RDF), whose items are siblings of the channel', () => {
    const feed = parseFeed(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"' +
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        '<channel rdf:about="https://x.test/"><title>RDF</title><link>https://x.test/</link></channel>' +
        '<item rdf:about="https://x.test/1"><title>One</title><link>https://x.test/1</link>' +
        '<dc:date>2019-10-01T14:30:00Z</dc:date></item></rdf:RDF>',
      { now },
    )
    expect(feed).toMatchObject({ kind: 'rss', title: 'RDF', link: 'https://x.test/' })
    expect(feed.items[0]).toMatchObject({
      externalId: 'https://x.test/1',
      publishedAt: '2019-10-01T14:30:00.000Z',
    })
  })
})

describe('items', () => {
  it('skips items with nothing to show and items with no stable id, counting why', () => {
    const feed = parseFeed(
      rss(
        '<item><description>only text</description></item>' +
          '<item><guid>g</guid></item>' +
          '<item><title>Title only</title></item>' +
          '<item><title>Fine</title><guid>ok</guid></item>' +
          '<item><title>Again</title><guid>ok</guid></item>',
      ),
      { now },
    )
    expect(feed.items.map((item) => item.externalId)).toEqual(['ok'])
    expect(feed.skipped).toEqual({
      'no title or link or enclosure': 2,
      'no stable id': 1,
      'duplicate guid': 1,
    })
  })

  it('prefers podcast:guid, then guid, then the enclosure URL, then the link', () => {
    const feed = parseFeed(
      rss(
        '<item><podcast:guid>pg</podcast:guid><guid>g1</guid><title>1</title></item>' +
          '<item><guid>g2</guid><title>2</title><link>https://x.test/2</link></item>' +
          '<item><title>3</title><link>https://x.test/3</link><enclosure url="https://cdn.test/3.mp3"/></item>' +
          '<item><title>4</title><link>https://x.test/4</link></item>',
        'xmlns:podcast="https://podcastindex.org/namespace/1.0"',
      ),
      { now },
    )
    expect(feed.items.map((item) => item.externalId)).toEqual([
      'pg',
      'g2',
      'https://cdn.test/3.mp3',
      'https://x.test/4',
    ])
  })

  it('uses a permalink guid as the link, but not one marked isPermaLink="false"', () => {
    const feed = parseFeed(
      rss(
        '<item><title>1</title><guid>https://x.test/1</guid></item>' +
          '<item><title>2</title><guid isPermaLink="false">https://x.test/2</guid></item>',
      ),
      { now },
    )
    expect(feed.items.map((item) => item.link)).toEqual(['https://x.test/1', null])
  })

  it('titles an untitled item from its description, with a warning', () => {
    const feed = parseFeed(
      rss(
        '<item><enclosure url="https://cdn.test/a.mp3" type="audio/mpeg"/><description>A short note</description></item>',
      ),
      { now },
    )
    expect(feed.items[0]?.title).toBe('A short note')
    expect(feed.warnings).toEqual(['item "https://cdn.test/a.mp3": no title; used the description'])
  })

  it('resolves relative URLs against the channel link and refuses non-http ones', () => {
    const feed = parseFeed(
      rss(
        '<link>https://x.test/show/</link>' +
          '<item><title>1</title><link>javascript:alert(1)</link><enclosure url="media/1.mp3" length="1"/></item>',
      ),
      { now },
    )
    expect(feed.items[0]).toMatchObject({
      link: null,
      enclosure: { url: 'https://x.test/show/media/1.mp3', mimeType: null, sizeBytes: null },
    })
  })

  it('summarises long descriptions to about 300 characters on a word boundary', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')
    const feed = parseFeed(
      rss(`<item><guid>1</guid><title>T</title><description>${words}</description></item>`),
      { now },
    )
    const summary = feed.items[0]?.summary ?? ''
    expect(summary.length).toBeLessThanOrEqual(300)
    expect(summary.length).toBeGreaterThan(250)
    expect(summary).toMatch(/ word\d+…$/)
    expect(feed.items[0]?.description).toBe(words)
  })

  it('tells podcasts from plain RSS', () => {
    expect(
      parseFeed(
        rss('<title>Blog</title><item><title>Post</title><link>https://x.test/</link></item>'),
        { now },
      ).kind,
    ).toBe('rss')
    expect(
      parseFeed(rss('<item><title>Ep</title><enclosure url="https://cdn.test/1.mp3"/></item>'), {
        now,
      }).kind,
    ).toBe('podcast')
    expect(parseFeed(rss('<itunes:author>Me</itunes:author>', ITUNES), { now }).kind).toBe(
      'podcast',
    )
  })

  it('judges future dates against options.now', () => {
    const xml = rss(
      '<item><guid>1</guid><title>T</title><pubDate>Tue, 03 Jun 2025 06:00:00 GMT</pubDate></item>',
    )
    expect(parseFeed(xml, { now }).items[0]?.publishedAt).toBeNull()
    expect(parseFeed(xml, { now: new Date('2025-06-01T12:00:00Z') }).items[0]?.publishedAt).toBe(
      '2025-06-03T06:00:00.000Z',
    )
  })
})
