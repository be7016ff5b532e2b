/**
 * Writes the demo catalogue and the demo users through Payload's Local API (so hooks, validation and
 * versions behave exactly as for editors). Idempotent: anything that already exists (matched by
 * slug, guid or email) is left untouched, so seeding twice changes nothing.
 */
import { createHash } from 'node:crypto'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import sharp from 'sharp'

import type { Role } from '../../src/access/roles'
import { SKIP_SEARCH_SYNC } from '../../src/plugins/searchSync/types'
import { plainTextToLexical } from '../../src/lib/lexical'
import type { SeedCatalogue, SeedEpisode, SeedProgram } from './catalogue'

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.com', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@example.com', name: 'Demo Editor', role: 'editor' },
  { email: 'viewer@example.com', name: 'Demo Viewer', role: 'viewer' },
]

export interface SeedResult {
  created: { users: number; categories: number; programs: number; episodes: number; media: number }
  skipped: { users: number; categories: number; programs: number }
}

/**
 * Marks writes made by the seed. Search sync is skipped per document: the catalogue is indexed in
 * bulk afterwards (npm run dev, npm run reindex), far faster than 800 single jobs.
 */
export const SEED_CONTEXT = { seeding: true, [SKIP_SEARCH_SYNC]: true }

export async function seedDatabase(
  payload: Payload,
  { catalogue, password }: { catalogue: SeedCatalogue; password: string },
): Promise<SeedResult> {
  const result: SeedResult = {
    created: { users: 0, categories: 0, programs: 0, episodes: 0, media: 0 },
    skipped: { users: 0, categories: 0, programs: 0 },
  }

  for (const demo of DEMO_USERS) {
    const existing = await payload.count({
      collection: 'users',
      where: { email: { equals: demo.email } },
    })
    if (existing.totalDocs > 0) {
      result.skipped.users++
      continue
    }
    await payload.create({
      collection: 'users',
      data: { email: demo.email, name: demo.name, password, roles: [demo.role] },
      context: SEED_CONTEXT,
    })
    result.created.users++
  }

  const categoryIds = new Map<string, number>()
  for (const category of catalogue.categories) {
    const found = await payload.find({
      collection: 'categories',
      where: { slug: { equals: category.slug } },
      limit: 1,
      depth: 0,
    })
    if (found.docs[0]) {
      categoryIds.set(category.slug, found.docs[0].id)
      result.skipped.categories++
      continue
    }
    const parent = category.parentSlug ? categoryIds.get(category.parentSlug) : undefined
    const created = await payload.create({
      collection: 'categories',
      locale: 'en',
      data: {
        slug: category.slug,
        name: category.name.en,
        description: category.description.en,
        ...(parent ? { parent } : {}),
      },
      context: SEED_CONTEXT,
    })
    await payload.update({
      collection: 'categories',
      id: created.id,
      locale: 'ar',
      data: { name: category.name.ar, description: category.description.ar },
      context: SEED_CONTEXT,
    })
    categoryIds.set(category.slug, created.id)
    result.created.categories++
  }

  for (const program of catalogue.programs) {
    const exists = await payload.count({
      collection: 'programs',
      where: { slug: { equals: program.slug } },
    })
    if (exists.totalDocs > 0) {
      result.skipped.programs++
      continue
    }
    // One transaction per program: a program is seeded whole or not at all.
    const req = await createLocalReq({ context: SEED_CONTEXT }, payload)
    await initTransaction(req)
    try {
      const episodes = await seedProgram(payload, req, program, categoryIds)
      await commitTransaction(req)
      result.created.programs++
      result.created.media++
      result.created.episodes += episodes
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
  return result
}

/** The status fields a seed status maps to: `scheduled` is published with a future publishedAt. */
function statusData(status: SeedProgram['status'], publishedAt: string) {
  return status === 'draft'
    ? { _status: 'draft' as const }
    : { _status: 'published' as const, publishedAt }
}

async function seedProgram(
  payload: Payload,
  req: PayloadRequest,
  program: SeedProgram,
  categoryIds: Map<string, number>,
): Promise<number> {
  const cover = await payload.create({
    collection: 'media',
    req,
    locale: 'en',
    data: { alt: `Cover art for ${program.title.en}` },
    file: await coverImage(program.slug),
  })
  await payload.update({
    collection: 'media',
    id: cover.id,
    req,
    locale: 'ar',
    data: { alt: `صورة غلاف ${program.title.ar}` },
  })

  const isDraft = program.status === 'draft'
  const created = await payload.create({
    collection: 'programs',
    req,
    locale: 'en',
    draft: isDraft,
    data: {
      slug: program.slug,
      title: program.title.en,
      summary: program.summary.en,
      description: plainTextToLexical(program.description.en),
      format: program.format,
      language: program.language,
      categories: program.categorySlugs.map((slug) => categoryIds.get(slug)!).filter(Boolean),
      tags: program.tags,
      coverImage: cover.id,
      ...(program.featured
        ? {
            featured: true,
            featuredRank: program.featured.rank,
            featuredUntil: program.featured.untilISO ?? null,
          }
        : {}),
      ...statusData(program.status, program.publishedAt),
    },
  })
  await payload.update({
    collection: 'programs',
    id: created.id,
    req,
    locale: 'ar',
    draft: isDraft,
    data: {
      title: program.title.ar,
      summary: program.summary.ar,
      description: plainTextToLexical(program.description.ar, 'rtl'),
    },
  })

  for (const episode of program.episodes) {
    await seedEpisode(payload, req, created.id, episode)
  }
  return program.episodes.length
}

async function seedEpisode(
  payload: Payload,
  req: PayloadRequest,
  programId: number,
  episode: SeedEpisode,
) {
  const isDraft = episode.status === 'draft'
  const created = await payload.create({
    collection: 'episodes',
    req,
    locale: 'en',
    draft: isDraft,
    data: {
      program: programId,
      slug: episode.slug,
      guid: episode.guid,
      title: episode.title.en,
      summary: episode.summary.en,
      description: plainTextToLexical(episode.description.en),
      seasonNumber: episode.seasonNumber ?? null,
      episodeNumber: episode.episodeNumber,
      durationSeconds: episode.durationSeconds,
      explicit: episode.explicit,
      enclosureUrl: episode.enclosureUrl ?? null,
      mimeType: episode.mimeType ?? null,
      sizeBytes: episode.sizeBytes ?? null,
      ...statusData(episode.status, episode.publishedAt),
    },
  })
  await payload.update({
    collection: 'episodes',
    id: created.id,
    req,
    locale: 'ar',
    draft: isDraft,
    data: {
      title: episode.title.ar,
      summary: episode.summary.ar,
      description: plainTextToLexical(episode.description.ar, 'rtl'),
    },
  })
}

/** A deterministic gradient cover per program, so the demo has real images without any download. */
async function coverImage(slug: string) {
  const digest = createHash('sha256').update(slug).digest()
  const hue = (digest[0]! / 255) * 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue.toFixed(0)},70%,45%)"/>
      <stop offset="1" stop-color="hsl(${((hue + 60) % 360).toFixed(0)},70%,25%)"/>
    </linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    <circle cx="${400 + digest[1]! * 3}" cy="${200 + digest[2]!}" r="${120 + digest[3]!}" fill="white" fill-opacity="0.12"/>
  </svg>`
  const data = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
  return { data, mimetype: 'image/jpeg', name: `cover-${slug}.jpg`, size: data.length }
}
