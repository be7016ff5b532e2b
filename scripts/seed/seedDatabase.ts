/**
 * Writes the demo catalogue and the demo users through Payload's Local API (so hooks, validation and
 * versions behave exactly as for editors). Idempotent: anything that already exists (matched by
 * slug, guid or email) is left untouched, so seeding twice changes nothing.
 */
import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'
import sharp from 'sharp'

import type { Role } from '../../src/access/roles'
import { inTransaction } from '../../src/db/inTransaction'
import { SKIP_SEARCH_SYNC } from '../../src/search/syncTask'
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
/**
 * A fresh context per call: Payload uses the object passed as the request's context and hooks write
 * flags into it, so a shared object would carry one operation's flags into the next.
 */
const seedContext = () => ({ seeding: true, [SKIP_SEARCH_SYNC]: true })

export async function seedDatabase(
  payload: Payload,
  {
    catalogue,
    password,
    onProgress,
  }: {
    catalogue: SeedCatalogue
    password: string
    /** Called after each program (the seed's long part): programs done so far, and the total. */
    onProgress?: (done: number, total: number) => void
  },
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
      context: seedContext(),
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
      locale: 'all',
    })
    const existing = found.docs[0]
    if (existing) {
      categoryIds.set(category.slug, existing.id)
      result.skipped.categories++
      // A category a feed import created first (English name only, flagged for review) gets the
      // catalogue's names where it has none; names an editor wrote are kept.
      const names = (existing.name ?? {}) as unknown as Partial<Record<'en' | 'ar', string>>
      for (const locale of ['en', 'ar'] as const) {
        if (names[locale]) continue
        await payload.update({
          collection: 'categories',
          id: existing.id,
          locale,
          data: { name: category.name[locale], description: category.description[locale] },
        })
      }
      continue
    }
    const parent = category.parentSlug ? categoryIds.get(category.parentSlug) : undefined
    const created = await createInBothLocales(payload, {
      collection: 'categories',
      en: {
        slug: category.slug,
        name: category.name.en,
        description: category.description.en,
        ...(parent ? { parent } : {}),
      },
      ar: { name: category.name.ar, description: category.description.ar },
    })
    categoryIds.set(category.slug, created.id)
    result.created.categories++
  }

  const total = catalogue.programs.length
  for (const [done, program] of catalogue.programs.entries()) {
    const exists = await payload.count({
      collection: 'programs',
      where: { slug: { equals: program.slug } },
    })
    if (exists.totalDocs > 0) {
      result.skipped.programs++
      onProgress?.(done + 1, total)
      continue
    }
    // One transaction per program: a program is seeded whole or not at all.
    const episodes = await inTransaction(
      payload,
      (req) => seedProgram(payload, req, program, categoryIds),
      seedContext(),
    )
    result.created.programs++
    result.created.media++
    result.created.episodes += episodes
    onProgress?.(done + 1, total)
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
  const cover = await createInBothLocales(payload, {
    collection: 'media',
    req,
    en: { alt: `Cover art for ${program.title.en}` },
    ar: { alt: `صورة غلاف ${program.title.ar}` },
    file: await coverImage(program.slug),
  })

  const created = await createInBothLocales(payload, {
    collection: 'programs',
    req,
    draft: program.status === 'draft',
    en: {
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
    ar: {
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
  await createInBothLocales(payload, {
    collection: 'episodes',
    req,
    draft: episode.status === 'draft',
    en: {
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
    ar: {
      title: episode.title.ar,
      summary: episode.summary.ar,
      description: plainTextToLexical(episode.description.ar, 'rtl'),
    },
  })
}

interface BilingualDocument {
  collection: 'categories' | 'media' | 'programs' | 'episodes'
  /** All fields, localized ones in English. */
  en: Record<string, unknown>
  /** The Arabic values of the localized fields. */
  ar: Record<string, unknown>
  /** The per-program transaction; without it the write stands alone (with the seed's context). */
  req?: PayloadRequest
  draft?: boolean
  file?: { data: Buffer; mimetype: string; name: string; size: number }
}

/**
 * Creates a document in English, then adds its Arabic translation: Payload writes one locale per
 * operation, as an editor switching locales in the admin panel does. The data is typed loosely
 * (`never`) because one helper serves four collections with different generated types.
 */
async function createInBothLocales(
  payload: Payload,
  { collection, en, ar, req, draft = false, file }: BilingualDocument,
): Promise<{ id: number }> {
  const scope = req ? { req } : { context: seedContext() }
  const created = await payload.create({
    collection,
    locale: 'en',
    draft,
    data: en as never,
    ...(file ? { file } : {}),
    ...scope,
  })
  await payload.update({
    collection,
    id: created.id,
    locale: 'ar',
    draft,
    data: ar as never,
    ...scope,
  })
  return { id: created.id as number }
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
