/**
 * What a program or an episode becomes in the catalogue index. Pure functions, no I/O: the sync
 * task and the reindex load documents (with `locale: 'all'`, relations populated) and pass them in.
 *
 * Payload's generated types describe one locale at a time; with `locale: 'all'` localized fields
 * arrive as `{ en, ar }` objects, so the inputs here are typed for that shape.
 */
import { lexicalToPlainText } from '../lib/lexical'
import { MAX_TEXT_LENGTH } from './indexDefinition'
import { LOCALES, type LocalizedText } from './locales'

type Localized<T = string> = T | Partial<Record<string, T | null>> | null | undefined

export interface CategorySource {
  id: number
  slug?: string | null
  name?: Localized
  updatedAt?: string
}

export interface ImageSource {
  id: number
  url?: string | null
  width?: number | null
  height?: number | null
  updatedAt?: string
}

export interface MediaFileSource {
  id: number
  url?: string | null
  mimeType?: string | null
  filesize?: number | null
  updatedAt?: string
}

export interface ProgramSource {
  id: number
  title?: Localized
  summary?: Localized
  description?: Localized<unknown>
  slug?: string | null
  format?: string | null
  language?: string | null
  tags?: string[] | null
  categories?: (number | CategorySource)[] | null
  coverImage?: number | ImageSource | null
  publishedAt?: string | null
  updatedAt: string
  featured?: boolean | null
  featuredRank?: number | null
  featuredUntil?: string | null
}

export interface EpisodeSource {
  id: number
  title?: Localized
  summary?: Localized
  description?: Localized<unknown>
  slug?: string | null
  program: number | ProgramSource
  seasonNumber?: number | null
  episodeNumber?: number | null
  durationSeconds?: number | null
  explicit?: boolean | null
  publishedAt?: string | null
  updatedAt: string
  thumbnail?: number | ImageSource | null
  /** An uploaded audio/video file (alternative to `enclosureUrl`). */
  media?: number | MediaFileSource | null
  enclosureUrl?: string | null
  mimeType?: string | null
  sizeBytes?: number | null
}

export interface CatalogueDoc {
  type: 'program' | 'episode'
  docId: number
  slug: string | null
  title: LocalizedText
  summary: LocalizedText
  description: LocalizedText
  format: string | null
  language: string | null
  tags: string[]
  categories: { slug: string; name: LocalizedText }[]
  program?: { id: string; docId: number; slug: string | null; title: LocalizedText }
  seasonNumber?: number | null
  episodeNumber?: number | null
  durationSeconds?: number | null
  explicit?: boolean
  publishedAt: string | null
  updatedAt: string
  featured: boolean
  featuredRank: number | null
  featuredUntil: string | null
  popularity: number
  image: { url: string; width: number | null; height: number | null } | null
  media?: { url: string; mimeType: string | null; sizeBytes: number | null } | null
}

export interface IndexRecord {
  /** Stable typed id: `program:42`, `episode:7`. */
  id: string
  /**
   * External version: the newest `updatedAt` (ms) among the document and everything it embeds, so
   * an edit to an embedded program or category also supersedes the older record.
   */
  version: number
  doc: CatalogueDoc
}

export const programIndexId = (id: number | string) => `program:${id}`
export const episodeIndexId = (id: number | string) => `episode:${id}`

function truncate(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text
}

/** `{ en, ar }` (or a plain string, read as the default locale) → trimmed, non-empty, bounded text. */
export function localizedText(
  value: Localized<unknown>,
  toText = (v: unknown) => v,
): LocalizedText {
  const byLocale: Partial<Record<string, unknown>> =
    value !== null && typeof value === 'object' && !('root' in (value as object))
      ? (value as Partial<Record<string, unknown>>)
      : { en: value }
  const out: LocalizedText = {}
  for (const locale of LOCALES) {
    const raw = toText(byLocale[locale])
    if (typeof raw === 'string' && raw.trim()) out[locale] = truncate(raw.trim())
  }
  return out
}

const richText = (value: Localized<unknown>) => localizedText(value, lexicalToPlainText)

const populated = <T extends { id: number }>(value: number | T | null | undefined): T | null =>
  value !== null && typeof value === 'object' ? value : null

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) || 0 : 0)

function categoriesOf(program: ProgramSource) {
  return (program.categories ?? [])
    .map((c) => populated(c))
    .filter((c): c is CategorySource => c !== null && Boolean(c.slug))
    .map((c) => ({ slug: c.slug as string, name: localizedText(c.name) }))
}

function imageOf(image: number | ImageSource | null | undefined) {
  const doc = populated(image ?? null)
  return doc?.url ? { url: doc.url, width: doc.width ?? null, height: doc.height ?? null } : null
}

function embeddedVersions(program: ProgramSource): number[] {
  const categories = (program.categories ?? []).map((c) => populated(c)?.updatedAt)
  return [program.updatedAt, populated(program.coverImage ?? null)?.updatedAt, ...categories].map(
    time,
  )
}

export function programToIndexRecord(program: ProgramSource): IndexRecord {
  return {
    id: programIndexId(program.id),
    version: Math.max(...embeddedVersions(program)),
    doc: {
      type: 'program',
      docId: program.id,
      slug: program.slug ?? null,
      title: localizedText(program.title),
      summary: localizedText(program.summary),
      description: richText(program.description),
      format: program.format ?? null,
      language: program.language ?? null,
      tags: program.tags ?? [],
      categories: categoriesOf(program),
      publishedAt: program.publishedAt ?? null,
      updatedAt: program.updatedAt,
      featured: Boolean(program.featured),
      featuredRank: program.featuredRank ?? null,
      featuredUntil: program.featuredUntil ?? null,
      popularity: 0,
      image: imageOf(program.coverImage),
    },
  }
}

/** What a player needs: the uploaded file when there is one, else the external enclosure. */
function mediaOf(episode: EpisodeSource): CatalogueDoc['media'] {
  const upload = populated(episode.media ?? null)
  if (upload?.url) {
    return {
      url: upload.url,
      mimeType: upload.mimeType ?? null,
      sizeBytes: upload.filesize ?? null,
    }
  }
  if (!episode.enclosureUrl) return null
  return {
    url: episode.enclosureUrl,
    mimeType: episode.mimeType ?? null,
    sizeBytes: episode.sizeBytes ?? null,
  }
}

/**
 * An episode carries what search and filters need from its program: title, slug, format,
 * language and categories. `episode.program` must be populated (with its categories).
 */
export function episodeToIndexRecord(episode: EpisodeSource): IndexRecord {
  const program = populated(episode.program)
  if (!program) throw new Error(`episode ${episode.id}: its program must be populated to index it`)
  const thumbnail = populated(episode.thumbnail ?? null)
  return {
    id: episodeIndexId(episode.id),
    version: Math.max(
      time(episode.updatedAt),
      time(thumbnail?.updatedAt),
      time(populated(episode.media ?? null)?.updatedAt),
      ...embeddedVersions(program),
    ),
    doc: {
      type: 'episode',
      docId: episode.id,
      slug: episode.slug ?? null,
      title: localizedText(episode.title),
      summary: localizedText(episode.summary),
      description: richText(episode.description),
      format: program.format ?? null,
      language: program.language ?? null,
      tags: program.tags ?? [],
      categories: categoriesOf(program),
      program: {
        id: programIndexId(program.id),
        docId: program.id,
        slug: program.slug ?? null,
        title: localizedText(program.title),
      },
      seasonNumber: episode.seasonNumber ?? null,
      episodeNumber: episode.episodeNumber ?? null,
      durationSeconds: episode.durationSeconds ?? null,
      explicit: Boolean(episode.explicit),
      publishedAt: episode.publishedAt ?? null,
      updatedAt: episode.updatedAt,
      featured: false,
      featuredRank: null,
      featuredUntil: null,
      popularity: 0,
      image: imageOf(episode.thumbnail) ?? imageOf(program.coverImage),
      media: mediaOf(episode),
    },
  }
}
