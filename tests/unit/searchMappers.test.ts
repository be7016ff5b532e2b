import { describe, expect, it } from '@jest/globals'

import { plainTextToLexical } from '../../src/lib/lexical'
import { MAX_TEXT_LENGTH } from '../../src/search/indexDefinition'
import {
  episodeToIndexRecord,
  type EpisodeSource,
  programToIndexRecord,
  type ProgramSource,
} from '../../src/search/mappers'

const program: ProgramSource = {
  id: 42,
  title: { en: 'Desert Cities', ar: 'مدن الصحراء' },
  summary: { en: 'How cities grew in the desert.', ar: null },
  description: {
    en: plainTextToLexical('First.\n\nSecond.'),
    ar: plainTextToLexical('أول.', 'rtl'),
  },
  slug: 'desert-cities',
  format: 'documentary',
  language: 'ar',
  tags: ['history'],
  categories: [
    {
      id: 1,
      slug: 'history',
      name: { en: 'History', ar: 'تاريخ' },
      updatedAt: '2026-01-03T00:00:00.000Z',
    },
    7, // not populated: skipped
  ],
  coverImage: {
    id: 9,
    filename: 'cover.jpg',
    mimeType: 'image/jpeg',
    width: 1600,
    height: 900,
    sizes: {
      hero: { filename: 'cover-1600x900.webp', width: 1600, height: 900, mimeType: 'image/webp' },
      thumbnail: {
        filename: 'cover-320x180.webp',
        width: 320,
        height: 180,
        mimeType: 'image/webp',
      },
      // Not generated (the original is too small for it): left out.
      huge: { filename: null, width: null, height: null, mimeType: null },
    },
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  publishedAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  featured: true,
  featuredRank: 2,
  featuredUntil: null,
}

const episode: EpisodeSource = {
  id: 7,
  title: { en: 'Episode 1: Sand', ar: 'الحلقة ١: الرمل' },
  summary: { en: 'Sand.' },
  description: null,
  slug: 'episode-1-sand',
  program,
  seasonNumber: 1,
  episodeNumber: 1,
  durationSeconds: 2700,
  explicit: false,
  publishedAt: '2025-05-02T10:00:00.000Z',
  updatedAt: '2026-01-01T12:00:00.000Z',
  enclosureUrl: 'https://media.example.com/a.mp3',
  mimeType: 'audio/mpeg',
  sizeBytes: 1000,
}

describe('programToIndexRecord', () => {
  it('maps a program to a typed id, localized text and filter keywords', () => {
    const { id, doc } = programToIndexRecord(program)
    expect(id).toBe('program:42')
    expect(doc).toMatchObject({
      type: 'program',
      docId: 42,
      slug: 'desert-cities',
      title: { en: 'Desert Cities', ar: 'مدن الصحراء' },
      summary: { en: 'How cities grew in the desert.' },
      description: { en: 'First.\n\nSecond.', ar: 'أول.' },
      format: 'documentary',
      language: 'ar',
      categories: [{ slug: 'history', name: { en: 'History', ar: 'تاريخ' } }],
      featured: true,
      featuredRank: 2,
      image: {
        url: '/api/media/file/cover.jpg',
        width: 1600,
        height: 900,
        mimeType: 'image/jpeg',
        // Smallest first.
        variants: [
          {
            name: 'thumbnail',
            url: '/api/media/file/cover-320x180.webp',
            width: 320,
            height: 180,
            mimeType: 'image/webp',
          },
          {
            name: 'hero',
            url: '/api/media/file/cover-1600x900.webp',
            width: 1600,
            height: 900,
            mimeType: 'image/webp',
          },
        ],
      },
    })
  })

  it('versions the record by the newest of the program and what it embeds', () => {
    expect(programToIndexRecord(program).version).toBe(Date.parse('2026-01-03T00:00:00.000Z'))
  })

  it('indexes a sparse program with only its required fields', () => {
    const { doc } = programToIndexRecord({
      id: 1,
      title: 'Only a title',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    expect(doc.title).toEqual({ en: 'Only a title' })
    expect(doc.categories).toEqual([])
    expect(doc.image).toBeNull()
    expect(doc.summary).toEqual({})
  })

  it('truncates oversized text', () => {
    const { doc } = programToIndexRecord({
      ...program,
      summary: { en: 'x'.repeat(MAX_TEXT_LENGTH + 500) },
    })
    expect(doc.summary.en).toHaveLength(MAX_TEXT_LENGTH)
  })

  it('leaves out a number the index cannot hold instead of failing the sync', () => {
    expect(programToIndexRecord({ ...program, featuredRank: 1e20 }).doc.featuredRank).toBeNull()
    expect(programToIndexRecord({ ...program, featuredRank: 3 }).doc.featuredRank).toBe(3)
  })
})

describe('episodeToIndexRecord', () => {
  it('carries the denormalised fields of its program', () => {
    const { id, doc } = episodeToIndexRecord(episode)
    expect(id).toBe('episode:7')
    expect(doc).toMatchObject({
      type: 'episode',
      format: 'documentary',
      language: 'ar',
      categories: [{ slug: 'history' }],
      program: {
        id: 'program:42',
        docId: 42,
        slug: 'desert-cities',
        title: { en: 'Desert Cities', ar: 'مدن الصحراء' },
      },
      durationSeconds: 2700,
      media: {
        url: 'https://media.example.com/a.mp3',
        mimeType: 'audio/mpeg',
        sizeBytes: 1000,
        durationSeconds: 2700,
      },
    })
    // No thumbnail of its own: the program's cover stands in.
    expect(doc.image?.url).toBe('/api/media/file/cover.jpg')
  })

  it('gets a newer version when its program or a category changes', () => {
    const before = episodeToIndexRecord(episode).version
    const renamed = { ...program, updatedAt: '2026-02-01T00:00:00.000Z' }
    expect(episodeToIndexRecord({ ...episode, program: renamed }).version).toBeGreaterThan(before)
  })

  it('prefers an uploaded file to the external enclosure', () => {
    const { doc } = episodeToIndexRecord({
      ...episode,
      media: { id: 3, filename: 'ep one.mp3', mimeType: 'audio/mpeg', filesize: 4242 },
    })
    expect(doc.media).toEqual({
      url: '/api/media/file/ep%20one.mp3',
      mimeType: 'audio/mpeg',
      sizeBytes: 4242,
      durationSeconds: 2700,
    })
  })

  it('refuses an episode whose program is not populated', () => {
    expect(() => episodeToIndexRecord({ ...episode, program: 42 })).toThrow(
      /program must be populated/,
    )
  })
})
