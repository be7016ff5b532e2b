/**
 * What a program or an episode becomes in the catalogue index. Pure functions, no I/O: the sync
 * task and the reindex load documents (with `locale: 'all'`, relations populated) and pass them in.
 *
 * Payload's generated types describe one locale at a time; with `locale: 'all'` localized fields
 * arrive as `{ en, ar }` objects, so the inputs here are typed for that shape.
 */
import { lexicalToPlainText } from '../lib/lexical'
import { DEFAULT_FILES_PATH, mediaFilePath } from '../media/publicUrl'
import { MAX_TEXT_LENGTH } from './indexDefinition'
import { LOCALES, type LocalizedText } from './locales'
import { MAX_INDEXED_INTEGER } from '../fields/nonNegativeInteger'

type Localized<T = string> = T | Partial<Record<string, T | null>> | null | undefined

export interface CategorySource {
  id: number
  slug?: string | null
  name?: Localized
  updatedAt?: string
}

interface StoredFile {
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
}

export interface ImageSource extends StoredFile {
  id: number
  /** Variants generated on upload (thumbnail, card, hero), absent when the original is smaller. */
  sizes?: Partial<Record<string, StoredFile | null>> | null
  updatedAt?: string
}

export interface MediaFileSource {
  id: number
  filename?: string | null
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
  /** Format and language as searchable words in each locale (see `labelsOf`). */
  labels: LocalizedText
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
  image: IndexedImage | null
  media?: {
    /** A host path (`/api/media/file/...`) for uploads, an absolute URL for external enclosures. */
    url: string
    mimeType: string | null
    sizeBytes: number | null
    durationSeconds: number | null
  } | null
}

export interface IndexedFile {
  /** Host path of the stored file; discovery turns it into a public URL (MEDIA_PUBLIC_URL). */
  url: string
  width: number | null
  height: number | null
  mimeType: string | null
}

export interface IndexedImage extends IndexedFile {
  /** The generated variants, by name, smallest first. */
  variants: (IndexedFile & { name: string })[]
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
/**
 * A whole number the index can hold (a 32-bit `integer`), or null: a value stored before the
 * fields had an upper bound must not fail the document's sync, or a whole reindex.
 */
function indexableInteger(value: number | null | undefined): number | null {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    Math.abs(value) <= MAX_INDEXED_INTEGER
    ? value
    : null
}

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

/**
 * Words people use for each format, in both languages (plural and common Arabic forms included:
 * the Arabic stemmer does not relate broken plurals such as وثائقيات/وثائقي or مسلسلات/مسلسل).
 */
export const FORMAT_WORDS: Record<string, LocalizedText> = {
  podcast: { en: 'podcast podcasts', ar: 'بودكاست بودكاستات بث صوتي' },
  documentary: {
    en: 'documentary documentaries doc',
    ar: 'وثائقي وثائقية وثائقيات فيلم وثائقي أفلام وثائقية',
  },
  series: { en: 'series', ar: 'مسلسل مسلسلات سلسلة' },
  show: { en: 'show shows programme', ar: 'برنامج برامج' },
}

const languageNames = Object.fromEntries(
  LOCALES.map((locale) => [locale, new Intl.DisplayNames([locale], { type: 'language' })]),
)

/** A language code's name in each locale ("Arabic", "العربية"); nothing for an unknown code. */
function languageWords(code: string | null | undefined): LocalizedText {
  if (!code) return {}
  const out: LocalizedText = {}
  for (const locale of LOCALES) {
    try {
      const name = languageNames[locale]!.of(code)
      if (name && name !== code) out[locale] = name
    } catch {
      // Not a valid language code: no words.
    }
  }
  return out
}

/** The searchable words for a format and a language, per locale. */
export function labelsOf(format: string | null | undefined, language: string | null | undefined) {
  const formatWords = (format && FORMAT_WORDS[format]) || {}
  const languageText = languageWords(language)
  const out: LocalizedText = {}
  for (const locale of LOCALES) {
    const words = [formatWords[locale], languageText[locale]].filter(Boolean).join(' ')
    if (words) out[locale] = words
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

function fileOf(file: StoredFile | null | undefined, filesPath: string): IndexedFile | null {
  if (!file?.filename) return null
  return {
    url: mediaFilePath(file.filename, filesPath),
    width: file.width ?? null,
    height: file.height ?? null,
    mimeType: file.mimeType ?? null,
  }
}

function imageOf(
  image: number | ImageSource | null | undefined,
  filesPath: string,
): IndexedImage | null {
  const doc = populated(image ?? null)
  const original = fileOf(doc, filesPath)
  if (!doc || !original) return null
  const variants = Object.entries(doc.sizes ?? {})
    .map(([name, size]) => {
      const file = fileOf(size, filesPath)
      return file ? { name, ...file } : null
    })
    .filter((variant): variant is IndexedFile & { name: string } => variant !== null)
    .sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
  return { ...original, variants }
}

function embeddedVersions(program: ProgramSource): number[] {
  const categories = (program.categories ?? []).map((c) => populated(c)?.updatedAt)
  return [program.updatedAt, populated(program.coverImage ?? null)?.updatedAt, ...categories].map(
    time,
  )
}

/**
 * `filesPath`: where the host serves stored files (`media.filesPath` of MediaMesh's options);
 * the default is Payload's under the default API route and media slug.
 */
export function programToIndexRecord(
  program: ProgramSource,
  filesPath = DEFAULT_FILES_PATH,
): IndexRecord {
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
      labels: labelsOf(program.format, program.language),
      categories: categoriesOf(program),
      publishedAt: program.publishedAt ?? null,
      updatedAt: program.updatedAt,
      featured: Boolean(program.featured),
      featuredRank: indexableInteger(program.featuredRank),
      featuredUntil: program.featuredUntil ?? null,
      popularity: 0,
      image: imageOf(program.coverImage, filesPath),
    },
  }
}

/** What a player needs: the uploaded file when there is one, else the external enclosure. */
function mediaOf(episode: EpisodeSource, filesPath: string): CatalogueDoc['media'] {
  const upload = populated(episode.media ?? null)
  const durationSeconds = indexableInteger(episode.durationSeconds)
  if (upload?.filename) {
    return {
      url: mediaFilePath(upload.filename, filesPath),
      mimeType: upload.mimeType ?? null,
      sizeBytes: upload.filesize ?? null,
      durationSeconds,
    }
  }
  if (!episode.enclosureUrl) return null
  return {
    url: episode.enclosureUrl,
    mimeType: episode.mimeType ?? null,
    sizeBytes: episode.sizeBytes ?? null,
    durationSeconds,
  }
}

/**
 * An episode carries what search and filters need from its program: title, slug, format,
 * language and categories. `episode.program` must be populated (with its categories).
 */
export function episodeToIndexRecord(
  episode: EpisodeSource,
  filesPath = DEFAULT_FILES_PATH,
): IndexRecord {
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
      labels: labelsOf(program.format, program.language),
      categories: categoriesOf(program),
      program: {
        id: programIndexId(program.id),
        docId: program.id,
        slug: program.slug ?? null,
        title: localizedText(program.title),
      },
      seasonNumber: indexableInteger(episode.seasonNumber),
      episodeNumber: indexableInteger(episode.episodeNumber),
      durationSeconds: indexableInteger(episode.durationSeconds),
      explicit: Boolean(episode.explicit),
      publishedAt: episode.publishedAt ?? null,
      updatedAt: episode.updatedAt,
      featured: false,
      featuredRank: null,
      featuredUntil: null,
      popularity: 0,
      image: imageOf(episode.thumbnail, filesPath) ?? imageOf(program.coverImage, filesPath),
      media: mediaOf(episode, filesPath),
    },
  }
}
