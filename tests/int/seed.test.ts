import { describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { buildCatalogue, type SeedCatalogue } from '../../scripts/seed/catalogue'
import { seedDatabase } from '../../scripts/seed/seedDatabase'
import { testPayload, uniqueTag } from './helpers/payload'

/** A slice of the real catalogue: the same code path, a fraction of the time. */
function smallCatalogue(): SeedCatalogue {
  const full = buildCatalogue()
  const draft = full.programs.find((p) => p.status === 'draft')!
  // Slugs of their own: other test files seed the full demo catalogue into the same database.
  const tag = uniqueTag()
  const programs = [
    ...full.programs.filter((p) => p.status === 'published').slice(0, 2),
    draft,
  ].map((p) => ({
    ...p,
    slug: `${p.slug}-${tag}`,
    episodes: p.episodes.slice(-4).map((e) => ({ ...e, guid: e.guid && `${e.guid}-${tag}` })),
  }))
  const needed = new Set(programs.flatMap((p) => p.categorySlugs))
  for (const category of full.categories) {
    if (needed.has(category.slug) && category.parentSlug) needed.add(category.parentSlug)
  }
  return { categories: full.categories.filter((c) => needed.has(c.slug)), programs }
}

async function snapshot(payload: Payload) {
  const counts: Record<string, number> = {}
  for (const collection of ['programs', 'episodes', 'categories', 'media', 'users'] as const) {
    counts[collection] = (await payload.count({ collection })).totalDocs
  }
  counts.episodeVersions = (await payload.countVersions({ collection: 'episodes' })).totalDocs
  return counts
}

describe('seeding', () => {
  it('writes the catalogue in both languages, and a second run changes nothing', async () => {
    const payload = await testPayload()
    const catalogue = smallCatalogue()
    const first = await seedDatabase(payload, { catalogue, password: 'seed-test-password' })
    expect(first.created.programs).toBe(3)
    expect(first.created.episodes).toBe(12)

    const after = await snapshot(payload)
    const second = await seedDatabase(payload, { catalogue, password: 'seed-test-password' })
    expect(second.created).toEqual({ users: 0, categories: 0, programs: 0, episodes: 0, media: 0 })
    expect(await snapshot(payload)).toEqual(after)

    const [published] = catalogue.programs
    const stored = await payload.find({
      collection: 'programs',
      where: { slug: { equals: published!.slug } },
      locale: 'all',
      depth: 0,
    })
    const doc = stored.docs[0] as unknown as { title: { en: string; ar: string }; _status: string }
    expect(doc.title).toEqual({ en: published!.title.en, ar: published!.title.ar })
    expect(doc._status).toBe('published')

    const draft = catalogue.programs[2]!
    const hidden = await payload.find({
      collection: 'programs',
      where: { slug: { equals: draft.slug } },
      overrideAccess: false,
    })
    expect(hidden.totalDocs).toBe(0)
  })

  it('creates the demo users with their roles', async () => {
    const payload = await testPayload()
    const users = await payload.find({
      collection: 'users',
      where: { email: { in: ['admin@example.com', 'editor@example.com', 'viewer@example.com'] } },
      sort: 'email',
    })
    expect(users.docs.map((u) => [u.email, u.roles])).toEqual([
      ['admin@example.com', ['admin']],
      ['editor@example.com', ['editor']],
      ['viewer@example.com', ['viewer']],
    ])
  })
})
