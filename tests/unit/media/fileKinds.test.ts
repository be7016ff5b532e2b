import { describe, expect, it } from '@jest/globals'

import {
  allowedFileType,
  contentAddressedName,
  isContentAddressed,
} from '../../../src/media/fileKinds'

const HASH = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'

describe('allowed file types', () => {
  it.each([
    ['image/jpeg', 'image', 'jpg'],
    ['image/png', 'image', 'png'],
    ['audio/mpeg', 'audio', 'mp3'],
    ['audio/x-m4a', 'audio', 'm4a'],
    ['audio/ogg; codecs=opus', 'audio', 'opus'],
    ['video/mp4', 'video', 'mp4'],
    ['video/quicktime', 'video', 'mov'],
  ])('accepts %s as %s stored with .%s', (mime, kind, extension) => {
    expect(allowedFileType(mime)).toEqual({ kind, extension })
  })

  it.each([
    ['application/pdf'],
    ['application/zip'],
    ['image/svg+xml'],
    ['text/html'],
    [undefined],
  ])('refuses %s', (mime) => {
    expect(allowedFileType(mime)).toBeNull()
  })
})

describe('content-addressed names', () => {
  it('keeps a readable stem, adds the hash prefix and the extension of the real type', () => {
    expect(contentAddressedName('Episode 1 — Café.MP3', HASH, 'mp3')).toBe(
      'episode-1-cafe-0123456789abcdef.mp3',
    )
    expect(contentAddressedName('cover.mp3', HASH, 'png')).toBe('cover-0123456789abcdef.png')
  })

  it('falls back to "file" for names with nothing usable, and bounds the stem', () => {
    expect(contentAddressedName('حلقة.mp3', HASH, 'mp3')).toBe('file-0123456789abcdef.mp3')
    expect(contentAddressedName(`${'a'.repeat(300)}.png`, HASH, 'png')).toBe(
      `${'a'.repeat(60)}-0123456789abcdef.png`,
    )
  })

  it('recognises such names, their variants and de-duplicated copies, and nothing else', () => {
    const name = contentAddressedName('cover.png', HASH, 'png')
    expect(isContentAddressed(name)).toBe(true)
    expect(isContentAddressed('cover-0123456789abcdef-640x360.webp')).toBe(true)
    expect(isContentAddressed('cover-0123456789abcdef-1.png')).toBe(true)
    expect(isContentAddressed('cover-0123456789abcdef-1-640x360.webp')).toBe(true)
    expect(isContentAddressed('cover.png')).toBe(false)
    expect(isContentAddressed('cover-640x360.webp')).toBe(false)
    expect(isContentAddressed('cover-0123456789ABCDEF.png')).toBe(false)
  })
})
