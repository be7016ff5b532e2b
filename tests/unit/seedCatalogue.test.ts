import { describe, expect, it } from '@jest/globals'

import {
  buildCatalogue,
  type Localized,
  type SeedCatalogue,
  type SeedEpisode,
  type SeedProgram,
} from '../../scripts/seed/catalogue'

const ARABIC_LETTER = /[\u0600-\u06FF]/

const catalogue: SeedCatalogue = buildCatalogue()
const programs: SeedProgram[] = catalogue.programs
const allEpisodes: SeedEpisode[] = programs.flatMap((program) => program.episodes)

function localizedFields(c: SeedCatalogue): Array<{ where: string; value: Localized }> {
  const out: Array<{ where: string; value: Localized }> = []
  for (const category of c.categories) {
    out.push({ where: `category ${category.slug} name`, value: category.name })
    out.push({ where: `category ${category.slug} description`, value: category.description })
  }
  for (const program of c.programs) {
    out.push({ where: `program ${program.slug} title`, value: program.title })
    out.push({ where: `program ${program.slug} summary`, value: program.summary })
    out.push({ where: `program ${program.slug} description`, value: program.description })
    for (const episode of program.episodes) {
      out.push({ where: `episode ${episode.guid} title`, value: episode.title })
      out.push({ where: `episode ${episode.guid} summary`, value: episode.summary })
      out.push({ where: `episode ${episode.guid} description`, value: episode.description })
    }
  }
  return out
}

function collectStrings(value: unknown, path: string, out: Array<{ path: string; value: string }>) {
  if (typeof value === 'string') {
    out.push({ path, value })
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectStrings(item, `${path}[${i}]`, out))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectStrings(item, `${path}.${key}`, out)
  }
}

describe('buildCatalogue', () => {
  it('returns a deep-equal catalogue every time it is called', () => {
    expect(buildCatalogue()).toStrictEqual(buildCatalogue())
  })

  it('contains at least 30 published programs', () => {
    expect(programs.filter((p) => p.status === 'published').length).toBeGreaterThanOrEqual(30)
  })

  it('contains at least 600 published episodes that belong to published programs', () => {
    const count = programs
      .filter((p) => p.status === 'published')
      .flatMap((p) => p.episodes)
      .filter((e) => e.status === 'published').length
    expect(count).toBeGreaterThanOrEqual(600)
  })

  it('defines at least 8 categories', () => {
    expect(catalogue.categories.length).toBeGreaterThanOrEqual(8)
  })

  it('gives every program a unique slug', () => {
    const slugs = programs.map((p) => p.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
  })

  it('gives every episode a globally unique guid', () => {
    const guids = allEpisodes.map((e) => e.guid)
    expect(new Set(guids).size).toBe(guids.length)
  })

  it('gives every episode a URL-safe slug that is unique within its program', () => {
    for (const program of programs) {
      const slugs = program.episodes.map((e) => e.slug)
      expect(new Set(slugs).size).toBe(slugs.length)
      for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })

  it('only assigns programs to categories that exist', () => {
    const known = new Set(catalogue.categories.map((c) => c.slug))
    for (const program of programs) {
      expect(program.categorySlugs.length).toBeGreaterThanOrEqual(1)
      for (const slug of program.categorySlugs) expect(known.has(slug)).toBe(true)
    }
  })

  it('lists every parent category before the categories that refer to it', () => {
    const seen = new Set<string>()
    for (const category of catalogue.categories) {
      if (category.parentSlug !== undefined) expect(seen.has(category.parentSlug)).toBe(true)
      seen.add(category.slug)
    }
    expect(catalogue.categories.some((c) => c.parentSlug !== undefined)).toBe(true)
  })

  it('includes draft and scheduled items at both the program and the episode level', () => {
    const programStatuses = new Set(programs.map((p) => p.status))
    const episodeStatuses = new Set(allEpisodes.map((e) => e.status))
    for (const status of ['draft', 'scheduled'] as const) {
      expect(programStatuses.has(status)).toBe(true)
      expect(episodeStatuses.has(status)).toBe(true)
    }
  })

  it('features exactly five programs with unique ranks', () => {
    const ranks = programs.flatMap((p) => (p.featured ? [p.featured.rank] : []))
    expect(ranks).toHaveLength(5)
    expect(new Set(ranks).size).toBe(5)
  })

  it('gives every episode a non-negative integer duration', () => {
    for (const episode of allEpisodes) {
      expect(Number.isInteger(episode.durationSeconds)).toBe(true)
      expect(episode.durationSeconds).toBeGreaterThanOrEqual(0)
    }
  })

  it('uses two-letter lowercase language codes', () => {
    for (const program of programs) expect(program.language).toMatch(/^[a-z]{2}$/)
  })

  it('writes Arabic letters in every Arabic string and none in any English string', () => {
    const wrong = localizedFields(catalogue).filter(
      ({ value }) => !ARABIC_LETTER.test(value.ar) || ARABIC_LETTER.test(value.en),
    )
    expect(wrong.map(({ where }) => where)).toEqual([])
  })

  it('never contains an empty string', () => {
    const strings: Array<{ path: string; value: string }> = []
    collectStrings(catalogue, 'catalogue', strings)
    expect(strings.length).toBeGreaterThan(0)
    expect(strings.filter(({ value }) => value.trim() === '').map(({ path }) => path)).toEqual([])
  })
})
