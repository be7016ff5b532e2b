/**
 * A parsed feed → a program and its episodes, through Payload's Local API (hooks, validation,
 * versions and the search-sync outbox behave exactly as for editors).
 *
 * - Idempotent: episodes are matched by their external id (`guid`, unique per program). An item
 *   whose feed-owned fields are unchanged (same fingerprint) is not written at all, so a re-import
 *   changes nothing; an edited item is updated; nothing is ever duplicated.
 * - Feed-owned fields only: title, summary, description, date, duration, enclosure, numbering,
 *   explicit, and the Podcasting 2.0 links (transcript URL and type, chapters URL, people).
 *   Whatever editors set beyond those (slug, thumbnail, categories, the transcript text, status
 *   of existing episodes) is kept. The transcript file is not fetched into `transcript`: that is
 *   one more outbound request per episode, hundreds per feed, and the text is the editors'.
 * - One transaction per batch: a failure rolls back the batch in progress; batches before it stay,
 *   and the next run picks up from there (it is idempotent).
 */
import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { inTransaction } from '../db/inTransaction'
import { isHttpUrl } from '../lib/isHttpUrl'
import { normalizeLanguageCode } from '../lib/languageCodes'
import { plainTextToLexical } from '../lib/lexical'
import { slugify } from '../lib/slugify'
import type { Episode } from '../payload-types'
import { SEARCH_SYNC_IN_BACKGROUND } from '../search/syncTask'
import { attachFeedCover, type CoverOutcome } from './feedCover'
import type { ParsedFeed, ParsedItem } from './parse/parseFeed'
import { slugOf } from '../lib/catalogueSlugs'

export const IMPORT_BATCH = 100

export interface ImportOptions {
  /**
   * Where the feed came from (its URL, or `file://` for a file): the program created from a feed
   * records it, and a later import of the same feed without `programId` finds that program again.
   */
  sourceUrl: string
  /** Existing program to import into; else the feed's program (by sourceUrl), else a new one. */
  programId?: number | null
  /** Publish new episodes (and a new program), or leave them as drafts. */
  publish: boolean
  /** Used when the feed declares no language. */
  language?: string | null
  defaultCategoryId?: number | null
  kind: 'podcast' | 'youtube' | 'feed'
  /** For the artwork download (see fetchFeed). @default the `ingestion.allowPrivateNetworks` option */
  allowPrivateNetworks?: boolean
  onProgress?: (progress: { done: number; total: number }) => void
}

export interface ImportResult {
  programId: number
  programCreated: boolean
  seen: number
  created: number
  updated: number
  unchanged: number
  skipped: Record<string, number>
  /** What happened to the feed's artwork (the program's cover). */
  cover: CoverOutcome
}

type Locale = 'en' | 'ar'

/**
 * A fresh context per call: Payload uses the object passed as the request's context, and hooks
 * (the storage plugin's among them) write flags into it, so one shared object would carry one
 * operation's flags into the next (seen: uploads silently skipped). An import's search syncs run
 * in the background lane, behind editors' changes.
 */
const ingestContext = () => ({ ingest: true, [SEARCH_SYNC_IN_BACKGROUND]: true })

/** Feed text goes into the Arabic locale for Arabic feeds, the default (English) one otherwise. */
const localeFor = (language: string): Locale => (language === 'ar' ? 'ar' : 'en')

const wholeOrNull = (value: number | null) =>
  value !== null && Number.isInteger(value) && value >= 0 ? value : null

/** The episode fields the feed owns, in the order they are fingerprinted. */
function episodeFields(item: ParsedItem, direction: 'ltr' | 'rtl') {
  const enclosure = item.enclosure && isHttpUrl(item.enclosure.url) ? item.enclosure : null
  return {
    title: item.title.slice(0, 500),
    summary: item.summary,
    description: item.description ? plainTextToLexical(item.description, direction) : null,
    publishedAt: item.publishedAt,
    durationSeconds: wholeOrNull(item.durationSeconds),
    enclosureUrl: enclosure?.url ?? null,
    mimeType: enclosure?.mimeType ?? null,
    sizeBytes: wholeOrNull(enclosure?.sizeBytes ?? null),
    seasonNumber: wholeOrNull(item.seasonNumber),
    episodeNumber: wholeOrNull(item.episodeNumber),
    explicit: item.explicit ?? false,
    transcriptUrl: item.transcript?.url ?? null,
    transcriptType: item.transcript?.type?.slice(0, 100) ?? null,
    chaptersUrl: item.chaptersUrl,
    people: item.people.map(({ name, role, href }) => ({ name, role, href })),
  }
}

type EpisodeFields = ReturnType<typeof episodeFields>

/**
 * The fingerprint of what the feed says. The Podcasting 2.0 fields count only when the item has
 * any, so that episodes imported before they were read are not all rewritten on the next import.
 */
export function episodeFingerprint(fields: EpisodeFields): string {
  if (fields.transcriptUrl || fields.chaptersUrl || fields.people.length > 0) {
    return fingerprint(fields)
  }
  const podcastingKeys = new Set(['transcriptUrl', 'transcriptType', 'chaptersUrl', 'people'])
  return fingerprint(
    Object.fromEntries(Object.entries(fields).filter(([key]) => !podcastingKeys.has(key))),
  )
}

export function fingerprint(fields: unknown): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 32)
}

/** Finds or creates the categories of the feed's paths; new ones are flagged for review. */
async function mapCategories(payload: Payload, paths: string[][], req: PayloadRequest) {
  const ids = new Set<number>()
  for (const path of paths) {
    let parent: number | null = null
    for (const name of path) {
      const slug = slugify(name)
      if (!slug) break
      const found = await payload.find({
        collection: slugOf(payload, 'categories'),
        where: { slug: { equals: slug } },
        depth: 0,
        limit: 1,
        req,
      })
      const category: { id: number } =
        found.docs[0] ??
        (await payload.create({
          collection: slugOf(payload, 'categories'),
          data: { name, slug, parent, needsReview: true },
          req,
          context: ingestContext(),
        }))
      parent = category.id
    }
    if (parent !== null) ids.add(parent)
  }
  return [...ids]
}

async function createProgram(
  payload: Payload,
  feed: ParsedFeed,
  options: ImportOptions,
  language: string,
): Promise<number> {
  const locale = localeFor(language)
  return inTransaction(
    payload,
    async (req) => {
      const categories = await mapCategories(payload, feed.categories, req)
      if (options.defaultCategoryId) categories.push(options.defaultCategoryId)
      const title = feed.title?.trim() || 'Untitled feed'
      const program = await payload.create({
        collection: slugOf(payload, 'programs'),
        locale,
        draft: !options.publish,
        data: {
          title,
          summary: feed.description?.slice(0, 300) ?? null,
          description: feed.description
            ? plainTextToLexical(feed.description, locale === 'ar' ? 'rtl' : 'ltr')
            : null,
          format: options.kind === 'youtube' ? 'show' : 'podcast',
          language,
          categories: [...new Set(categories)],
          sourceUrl: options.sourceUrl,
          guid: 'feed',
          _status: options.publish ? 'published' : 'draft',
        },
        req,
        context: ingestContext(),
      })
      return program.id
    },
    ingestContext(),
  )
}

async function programOfFeed(payload: Payload, sourceUrl: string): Promise<number | null> {
  const found = await payload.find({
    collection: slugOf(payload, 'programs'),
    where: { and: [{ sourceUrl: { equals: sourceUrl } }, { guid: { equals: 'feed' } }] },
    depth: 0,
    limit: 1,
    draft: true,
    overrideAccess: true,
  })
  return found.docs[0]?.id ?? null
}

export async function importFeed(
  payload: Payload,
  feed: ParsedFeed,
  options: ImportOptions,
): Promise<ImportResult> {
  const language =
    feed.language ?? normalizeLanguageCode(options.language ?? '') ?? options.language ?? 'en'
  const locale = localeFor(language)
  const direction = locale === 'ar' ? 'rtl' : 'ltr'

  const feedProgram = options.programId ?? (await programOfFeed(payload, options.sourceUrl))
  const programCreated = !feedProgram
  const programId = feedProgram ?? (await createProgram(payload, feed, options, language))

  const existing = new Map<string, { id: number; ingestHash: string | null }>()
  const stored = await payload.find({
    collection: slugOf(payload, 'episodes'),
    where: { program: { equals: programId } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { guid: true, ingestHash: true },
    overrideAccess: true,
  })
  for (const doc of stored.docs as Pick<Episode, 'id' | 'guid' | 'ingestHash'>[]) {
    if (doc.guid) existing.set(doc.guid, { id: doc.id, ingestHash: doc.ingestHash ?? null })
  }

  const result: ImportResult = {
    programId,
    programCreated,
    seen: feed.items.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: { ...feed.skipped },
    cover: 'none',
  }
  const items = feed.items
  for (let start = 0; start < items.length; start += IMPORT_BATCH) {
    const batch = items.slice(start, start + IMPORT_BATCH)
    const counts = await inTransaction(
      payload,
      async (req) => {
        const batchCounts = { created: 0, updated: 0, unchanged: 0 }
        for (const item of batch) {
          const fields = episodeFields(item, direction)
          const ingestHash = episodeFingerprint(fields)
          const known = existing.get(item.externalId)
          if (known?.ingestHash === ingestHash) {
            batchCounts.unchanged++
            continue
          }
          if (known) {
            await payload.update({
              collection: slugOf(payload, 'episodes'),
              id: known.id,
              locale,
              data: { ...fields, ingestHash },
              req,
              context: ingestContext(),
              overrideAccess: true,
            })
            batchCounts.updated++
          } else {
            const created = await payload.create({
              collection: slugOf(payload, 'episodes'),
              locale,
              draft: !options.publish,
              data: {
                ...fields,
                program: programId,
                guid: item.externalId,
                ingestHash,
                _status: options.publish ? 'published' : 'draft',
              },
              req,
              context: ingestContext(),
              overrideAccess: true,
            })
            existing.set(item.externalId, { id: created.id, ingestHash })
            batchCounts.created++
          }
        }
        return batchCounts
      },
      ingestContext(),
    )
    result.created += counts.created
    result.updated += counts.updated
    result.unchanged += counts.unchanged
    options.onProgress?.({
      done: Math.min(start + batch.length, items.length),
      total: items.length,
    })
  }
  result.cover = await attachFeedCover(payload, programId, feed.imageUrl, {
    allowPrivateNetworks: options.allowPrivateNetworks,
  })
  return result
}
