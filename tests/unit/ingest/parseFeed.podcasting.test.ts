import { describe, expect, it } from '@jest/globals'

import { parseFeed } from '../../../src/ingest/parse/parseFeed'

const now = new Date('2025-06-01T00:00:00Z')
const NAMESPACES =
  'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" ' +
  'xmlns:podcast="https://podcastindex.org/namespace/1.0"'

function feed(channel: string, ...items: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${NAMESPACES}><channel>` +
    `<title>Show</title><link>https://show.example/</link>${channel}` +
    items
      .map((item, i) => `<item><guid>ep-${i}</guid><title>Episode ${i}</title>${item}</item>`)
      .join('') +
    '</channel></rss>'
  )
}

const items = (xml: string) => parseFeed(xml, { now }).items

describe('feed durations', () => {
  it.each([
    ['00:60:05', 3605],
    ['1:75', 135],
    ['01:02:03', 3723],
    ['3600', 3600],
  ])('stores the length %p as %p seconds', (duration, seconds) => {
    const [item] = items(feed('', `<itunes:duration>${duration}</itunes:duration>`))
    expect(item?.durationSeconds).toBe(seconds)
  })

  it.each(['about an hour', '1:xx', '0', '00:00:00', ''])(
    'stores %p as unknown (null), never as zero, and says why',
    (duration) => {
      const parsed = parseFeed(feed('', `<itunes:duration>${duration}</itunes:duration>`), { now })
      expect(parsed.items[0]?.durationSeconds).toBeNull()
      if (duration !== '') expect(parsed.warnings.join('\n')).toMatch(/duration/)
    },
  )
})

describe('Podcasting 2.0 tags', () => {
  it('keeps the most useful transcript: captions before text, whatever the order in the feed', () => {
    const [item] = items(
      feed(
        '',
        '<podcast:transcript url="https://show.example/ep0.json" type="application/json" />' +
          '<podcast:transcript url="https://show.example/ep0.txt" type="text/plain" />' +
          '<podcast:transcript url="/ep0.vtt" type="text/VTT" language="en" rel="captions" />',
      ),
    )
    expect(item?.transcript).toEqual({ url: 'https://show.example/ep0.vtt', type: 'text/vtt' })
  })

  it('reads an SRT transcript and the chapters file', () => {
    const [item] = items(
      feed(
        '',
        '<podcast:transcript url="https://show.example/ep0.srt" type="application/x-subrip" />' +
          '<podcast:chapters url="https://show.example/ep0.chapters.json" type="application/json+chapters" />',
      ),
    )
    expect(item?.transcript).toEqual({
      url: 'https://show.example/ep0.srt',
      type: 'application/x-subrip',
    })
    expect(item?.chaptersUrl).toBe('https://show.example/ep0.chapters.json')
  })

  it('ignores transcript and chapter links that are not http(s), with a warning', () => {
    const parsed = parseFeed(
      feed(
        '',
        '<podcast:transcript url="javascript:alert(1)" type="text/plain" />' +
          '<podcast:chapters url="file:///etc/passwd" />',
      ),
      { now },
    )
    expect(parsed.items[0]).toMatchObject({ transcript: null, chaptersUrl: null })
    expect(parsed.warnings.join('\n')).toMatch(/podcast:transcript without an http\(s\) url/)
  })

  it("reads people with their role (host by default) and link; an item's own replace the channel's", () => {
    const [first, second] = items(
      feed(
        '<podcast:person href="https://show.example/hosts/ada">Ada Host</podcast:person>',
        '',
        '<podcast:person role="Guest" href="mailto:guest@example.com">سارة الضيفة</podcast:person>' +
          '<podcast:person role="host">  </podcast:person>',
      ),
    )
    expect(first?.people).toEqual([
      { name: 'Ada Host', role: 'host', href: 'https://show.example/hosts/ada' },
    ])
    expect(second?.people).toEqual([{ name: 'سارة الضيفة', role: 'guest', href: null }])
  })

  it('leaves the fields empty for a feed without them', () => {
    const [item] = items(feed('', ''))
    expect(item).toMatchObject({ transcript: null, chaptersUrl: null, people: [] })
  })
})
