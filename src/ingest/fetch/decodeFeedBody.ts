/**
 * Turns a feed's bytes into text. The encoding comes from, in order: a byte order mark, the charset
 * in the Content-Type header (RFC 7303: it outranks the document), the XML declaration
 * (`<?xml version="1.0" encoding="ISO-8859-1"?>`), then UTF-8, the XML default. Unknown labels fall
 * back to UTF-8 rather than failing: a feed with a few mangled accents is better than no feed.
 */
export function decodeFeedBody(body: Uint8Array, contentType: string | null): string {
  const label =
    encodingFromBom(body) ??
    charsetParameter(contentType) ??
    encodingFromXmlDeclaration(body) ??
    'utf-8'
  const decoder = decoderFor(label)
  if (decoder.encoding === 'windows-1252') return decodeWindows1252(body)
  return decoder.decode(body)
}

function encodingFromBom(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8'
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be'
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le'
  return undefined
}

function charsetParameter(contentType: string | null): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]
}

function encodingFromXmlDeclaration(body: Uint8Array): string | undefined {
  // The declaration is ASCII, so reading the head as latin1 finds it whatever the real encoding.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 512)).toString(
    'latin1',
  )
  const label = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1]
  // A declaration readable as ASCII cannot be UTF-16 (that needs a BOM): the label is wrong.
  if (label && /^utf-?16/i.test(label)) return 'utf-8'
  return label
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label)
  } catch {
    return new TextDecoder('utf-8')
  }
}

/**
 * WHATWG maps the labels latin1, iso-8859-1 and ascii to windows-1252, but Node 20's TextDecoder
 * decodes it as plain Latin-1, turning bytes 0x80-0x9F (curly quotes, dashes, the euro sign, common
 * in feeds written on Windows) into invisible control characters (nodejs/node#56542).
 */
function decodeWindows1252(body: Uint8Array): string {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(windows1252High[c.charCodeAt(0) - 0x80]))
}

/** Code points for bytes 0x80-0x9F; the five bytes windows-1252 leaves undefined map to themselves. */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]
