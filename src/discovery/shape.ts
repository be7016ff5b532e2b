/**
 * Index records → public JSON. Pure, with an explicit allow-list: a field is public only because it
 * is copied here (and listed in the response schemas).
 */
import type { estypes } from '@elastic/elasticsearch'

import { publicMediaUrl } from '../media/publicUrl'
import type { CatalogueDoc, IndexedFile, IndexedImage } from '../search/mappers'
import type { Locale, LocalizedText } from '../search/locales'
import { DURATION_BUCKETS } from './query/searchRequest'
import type { CatalogueItem, SearchResponse } from './schemas'

type Source = Partial<CatalogueDoc>

/** The text in the requested language, else in the other one, else null. */
export function pick(text: LocalizedText | undefined | null, locale: Locale): string | null {
  if (!text) return null
  return text[locale] ?? text[locale === 'en' ? 'ar' : 'en'] ?? null
}

/** Which image variant suits where an item is shown. */
export type ImageUse = 'card' | 'hero'

const publicFile = (file: IndexedFile) => ({
  url: publicMediaUrl(file.url),
  width: file.width,
  height: file.height,
  mimeType: file.mimeType,
})

/** The variant named `use`, else the largest there is, else the original; plus the srcset list. */
export function toImage(
  image: Partial<IndexedImage> | null | undefined,
  use: ImageUse,
): CatalogueItem['image'] {
  if (!image?.url) return null
  const original = publicFile(image as IndexedFile)
  const variants = (image.variants ?? []).map((variant) => ({
    name: variant.name,
    file: publicFile(variant),
  }))
  const chosen = variants.find((variant) => variant.name === use) ?? variants.at(-1)
  return {
    ...(chosen?.file ?? original),
    srcset: variants.length ? variants.map((variant) => variant.file) : [original],
  }
}

export function toItem(source: Source, locale: Locale, use: ImageUse = 'card'): CatalogueItem {
  const type = source.type === 'episode' ? 'episode' : 'program'
  const item: CatalogueItem = {
    type,
    id: `${type}:${source.docId}`,
    slug: source.slug ?? null,
    title: pick(source.title, locale),
    summary: pick(source.summary, locale),
    format: (source.format as CatalogueItem['format']) ?? null,
    durationSeconds: source.durationSeconds ?? null,
    language: source.language ?? null,
    categories: (source.categories ?? []).map((c) => ({
      slug: c.slug,
      name: pick(c.name, locale),
    })),
    image: toImage(source.image, use),
    publishedAt: source.publishedAt ?? null,
  }
  if (type === 'episode' && source.program) {
    item.program = {
      id: source.program.id,
      slug: source.program.slug,
      title: pick(source.program.title, locale),
    }
  }
  if (type === 'episode') {
    const media = source.media
    item.media = media
      ? {
          url: publicMediaUrl(media.url),
          mimeType: media.mimeType ?? null,
          sizeBytes: media.sizeBytes ?? null,
          durationSeconds: media.durationSeconds ?? source.durationSeconds ?? null,
        }
      : null
  }
  return item
}

/** Fragments per public field, preferring the requested language's. */
export function toHighlights(
  highlight: Record<string, string[]> | undefined,
  locale: Locale,
): Record<string, string[]> {
  if (!highlight) return {}
  const other = locale === 'en' ? 'ar' : 'en'
  const out: Record<string, string[]> = {}
  for (const field of ['title', 'summary', 'description']) {
    const candidates = [`${field}.${locale}`, `${field}.${other}`]
    const found = candidates.map((name) => highlight[name]).find((fragments) => fragments?.length)
    if (found) out[field] = found
  }
  return out
}

type TermsAgg = { values?: { buckets?: { key: string | number; doc_count: number }[] } }

function termBuckets(agg: unknown): { value: string; count: number }[] {
  return ((agg as TermsAgg | undefined)?.values?.buckets ?? []).map((bucket) => ({
    value: String(bucket.key),
    count: bucket.doc_count,
  }))
}

export function toFacets(
  aggregations: Record<string, unknown> | undefined,
  categoryNames: ReadonlyMap<string, LocalizedText>,
  locale: Locale,
): SearchResponse['facets'] {
  const durations = new Map(
    termBuckets(aggregations?.duration).map((bucket) => [bucket.value, bucket.count]),
  )
  return {
    type: termBuckets(aggregations?.type),
    format: termBuckets(aggregations?.format),
    language: termBuckets(aggregations?.language),
    category: termBuckets(aggregations?.category).map((bucket) => ({
      ...bucket,
      name: pick(categoryNames.get(bucket.value), locale),
    })),
    duration: DURATION_BUCKETS.map(({ key, from, to }) => ({
      value: key,
      count: durations.get(key) ?? 0,
      minDuration: from ?? null,
      // Buckets exclude their upper bound; maxDuration is inclusive.
      maxDuration: to === undefined ? null : to - 1,
    })),
  }
}

export type Hit = estypes.SearchHit<Source>

export const sourceOf = (hit: Hit): Source => hit._source ?? {}
