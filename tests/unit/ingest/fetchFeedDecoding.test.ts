import { describe, expect, it } from '@jest/globals'

import { decodeFeedBody } from '../../../src/ingest/fetch/decodeFeedBody'
import { isFeedContentType } from '../../../src/ingest/fetch/isFeedContentType'

describe('isFeedContentType', () => {
  it.each([
    'application/rss+xml',
    'application/atom+xml',
    'application/rdf+xml',
    'application/x-rss+xml',
    'application/xml',
    'text/xml; charset=utf-8',
    'TEXT/XML',
    'text/plain',
    'application/octet-stream',
    'application/rss',
    'text/x-rss',
    '',
    null,
    undefined,
  ])('accepts %p', (contentType) => {
    expect(isFeedContentType(contentType)).toBe(true)
  })

  it.each([
    'text/html',
    'text/html; charset=utf-8',
    'application/xhtml+xml',
    'application/json',
    'application/feed+json',
    'image/png',
    'audio/mpeg',
    'video/mp4',
    'application/pdf',
  ])('refuses %p', (contentType) => {
    expect(isFeedContentType(contentType)).toBe(false)
  })
})

describe('decodeFeedBody', () => {
  const title = 'Café Society — Ép. Über'
  const xml = (declaration: string) => `${declaration}<rss><title>${title}</title></rss>`

  it('decodes UTF-8 when nothing says otherwise', () => {
    expect(decodeFeedBody(Buffer.from(xml('')), null)).toBe(xml(''))
  })

  it('honours the charset in the Content-Type', () => {
    const body = Buffer.from(xml('').replace('—', '-'), 'latin1')
    expect(decodeFeedBody(body, 'text/xml; charset="iso-8859-1"')).toBe(xml('').replace('—', '-'))
  })

  it('decodes windows-1252 punctuation that latin1 lacks', () => {
    const body = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x97]) // “Hi” —
    expect(decodeFeedBody(body, 'text/xml; charset=windows-1252')).toBe('“Hi” —')
    // Feeds declaring ISO-8859-1 often contain them too; WHATWG decodes that label as windows-1252.
    expect(
      decodeFeedBody(Buffer.from([0x80, 0x20, 0xe9, 0x81]), 'text/xml; charset=ISO-8859-1'),
    ).toBe('€ é\x81')
  })

  it('uses the XML declaration when the header has no charset', () => {
    const text = xml('<?xml version="1.0" encoding="ISO-8859-1"?>').replace('—', '-')
    expect(decodeFeedBody(Buffer.from(text, 'latin1'), 'application/rss+xml')).toBe(text)
  })

  it('lets the header charset outrank the XML declaration', () => {
    const text = xml('<?xml version="1.0" encoding="ISO-8859-1"?>')
    expect(decodeFeedBody(Buffer.from(text), 'text/xml; charset=utf-8')).toBe(text)
  })

  it('lets a byte order mark outrank everything', () => {
    const text = xml('<?xml version="1.0" encoding="UTF-16"?>')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(decodeFeedBody(utf16, 'text/xml; charset=iso-8859-1')).toBe(text)
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
    expect(decodeFeedBody(utf8, null)).toBe(text)
  })

  it('reads an ASCII-readable declaration claiming UTF-16 as UTF-8', () => {
    const text = xml('<?xml version="1.0" encoding="UTF-16"?>')
    expect(decodeFeedBody(Buffer.from(text), null)).toBe(text)
  })

  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodeFeedBody(Buffer.from(xml('')), 'text/xml; charset=klingon')).toBe(xml(''))
    const declared = xml('<?xml version="1.0" encoding="x-unknown"?>')
    expect(decodeFeedBody(Buffer.from(declared), null)).toBe(declared)
  })
})
