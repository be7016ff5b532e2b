import { describe, expect, it } from '@jest/globals'

import { toImage, toItem } from '../../../src/discovery/shape'
import { activateMediaMeshOptions } from '../../../src/lib/mediaMeshOptions'
import { sanitizeOptions } from '../../../src/plugins/types'

const variant = (name: string, width: number, height: number) => ({
  name,
  url: `/api/media/file/cover-${width}x${height}.webp`,
  width,
  height,
  mimeType: 'image/webp',
})

const image = {
  url: '/api/media/file/cover.jpg',
  width: 3000,
  height: 2000,
  mimeType: 'image/jpeg',
  variants: [variant('thumbnail', 320, 180), variant('card', 640, 360), variant('hero', 1600, 900)],
}

const origin = 'https://cdn.example.com'
activateMediaMeshOptions(
  sanitizeOptions({ cursorSecret: 'a-cursor-secret-for-tests', media: { publicUrl: origin } }),
)

describe('public images', () => {
  it('chooses the variant for the use, with absolute URLs and every variant in srcset', () => {
    const card = toImage(image, 'card')!
    expect(card).toMatchObject({
      url: `${origin}/api/media/file/cover-640x360.webp`,
      width: 640,
      height: 360,
      mimeType: 'image/webp',
    })
    expect(card.srcset.map((entry) => entry.width)).toEqual([320, 640, 1600])
    expect(card.srcset.every((entry) => entry.url.startsWith(`${origin}/api/media/file/`))).toBe(
      true,
    )
    expect(toImage(image, 'hero')!.width).toBe(1600)
  })

  it('falls back to the largest variant there is, then to the original', () => {
    const small = { ...image, variants: [variant('thumbnail', 320, 180)] }
    expect(toImage(small, 'hero')!.width).toBe(320)
    const tiny = { ...image, width: 64, height: 36, variants: [] }
    const shown = toImage(tiny, 'card')!
    expect(shown).toMatchObject({ url: `${origin}/api/media/file/cover.jpg`, width: 64 })
    expect(shown.srcset).toEqual([
      { url: shown.url, width: 64, height: 36, mimeType: 'image/jpeg' },
    ])
  })

  it('reads records indexed before variants existed', () => {
    const legacy = { url: '/api/media/file/old.jpg', width: 100, height: 50 }
    expect(toImage(legacy, 'card')).toMatchObject({ url: `${origin}/api/media/file/old.jpg` })
    expect(toImage(null, 'card')).toBeNull()
  })
})

describe('player media', () => {
  const episode = {
    type: 'episode' as const,
    docId: 7,
    durationSeconds: 90,
    program: { id: 'program:1', docId: 1, slug: 'p', title: { en: 'P' } },
  }

  it('makes uploaded files absolute and leaves external enclosures as they are', () => {
    const uploaded = toItem(
      {
        ...episode,
        media: {
          url: '/api/media/file/a.mp3',
          mimeType: 'audio/mpeg',
          sizeBytes: 5,
          durationSeconds: 90,
        },
      },
      'en',
    )
    expect(uploaded.media?.url).toBe(`${origin}/api/media/file/a.mp3`)
    const external = toItem(
      {
        ...episode,
        media: {
          url: 'https://cdn.example.com/a.mp3',
          mimeType: null,
          sizeBytes: null,
          durationSeconds: null,
        },
      },
      'en',
    )
    // The episode's duration stands in when the media record has none.
    expect(external.media).toEqual({
      url: 'https://cdn.example.com/a.mp3',
      mimeType: null,
      sizeBytes: null,
      durationSeconds: 90,
    })
  })

  it('gives episodes without media a null, and programs no media field', () => {
    expect(toItem(episode, 'en').media).toBeNull()
    expect('media' in toItem({ type: 'program', docId: 1 }, 'en')).toBe(false)
  })
})
