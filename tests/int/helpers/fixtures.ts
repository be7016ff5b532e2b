import sharp from 'sharp'
import type { Payload } from 'payload'

import type { Category, Episode, Media, Program } from '../../../src/payload-types'
import { uniqueTag } from './payload'

const HOUR = 60 * 60 * 1000
export const past = (hours = 24) => new Date(Date.now() - hours * HOUR).toISOString()
export const future = (hours = 24) => new Date(Date.now() + hours * HOUR).toISOString()

type Status = 'published' | 'draft'

export async function makeCategory(
  payload: Payload,
  data: Partial<Category> = {},
): Promise<Category> {
  const tag = uniqueTag()
  return payload.create({ collection: 'categories', data: { name: `Category ${tag}`, ...data } })
}

export async function makeProgram(
  payload: Payload,
  status: Status = 'published',
  data: Partial<Program> = {},
): Promise<Program> {
  const tag = uniqueTag()
  return payload.create({
    collection: 'programs',
    draft: status === 'draft',
    data: {
      title: `Program ${tag}`,
      format: 'podcast',
      language: 'en',
      _status: status,
      ...(status === 'published' ? { publishedAt: past() } : {}),
      ...data,
    },
  })
}

export async function makeEpisode(
  payload: Payload,
  program: Program | number,
  status: Status = 'published',
  data: Partial<Episode> = {},
): Promise<Episode> {
  const tag = uniqueTag()
  return payload.create({
    collection: 'episodes',
    draft: status === 'draft',
    data: {
      title: `Episode ${tag}`,
      program: typeof program === 'number' ? program : program.id,
      _status: status,
      ...(status === 'published' ? { publishedAt: past() } : {}),
      ...data,
    },
  })
}

/**
 * A real PNG, generated so that Payload's type sniffing and sharp resizing run for real. Each call
 * has its own colour, so its bytes are new: identical bytes uploaded again reuse the stored file.
 */
export async function pngBytes(width = 64, height = 36): Promise<Buffer> {
  const n = Math.floor(Math.random() * 0xffffff)
  const background = { r: n >> 16, g: (n >> 8) & 0xff, b: n & 0xff }
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()
}

export async function makeImage(payload: Payload, data: Partial<Media> = {}): Promise<Media> {
  const tag = uniqueTag()
  const buffer = await pngBytes()
  return payload.create({
    collection: 'media',
    data: { alt: `Image ${tag}`, ...data },
    file: { data: buffer, mimetype: 'image/png', name: `image-${tag}.png`, size: buffer.length },
  })
}
