/**
 * Every discovery request is validated by these schemas, and the OpenAPI document is generated from
 * them (src/discovery/openapi.ts): one source of truth. Parsing also normalises (trimmed text,
 * lower-cased and sorted multi-values, ISO dates), so equivalent requests share one cache entry.
 *
 * Response schemas are `strict()`: they are the public field allow-list, and tests parse real
 * responses with them, so an internal field that leaks into a response fails a test.
 */
import { z } from 'zod'

import { normalizeLanguageCode } from '../lib/languageCodes'
import { PROGRAM_FORMATS } from '../lib/programFormats'
import { isValidSlug, normalizeSlug } from '../lib/slugify'
import { LOCALES } from '../search/locales'

export const MAX_QUERY_LENGTH = 200
export const MAX_LIMIT = 50
export const MAX_MULTI_VALUES = 20

/** Typed public ids: `program:42`, `episode:7`. */
export const TYPED_ID = /^(program|episode):([1-9]\d{0,9})$/

/** A parameter that may repeat (`category=a&category=b`): always an array, sorted, de-duplicated. */
function many<T extends z.ZodType<string>>(item: T, description: string) {
  return z
    .preprocess(
      (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
      z
        .array(item)
        .max(MAX_MULTI_VALUES, `at most ${MAX_MULTI_VALUES} values`)
        .transform((values) => [...new Set(values)].sort()),
    )
    .optional()
    .describe(`${description} Repeat the parameter for several values (any of them matches).`)
}

/** One slug rule with the CMS (src/lib/slugify.ts): letters of any script, digits, single hyphens. */
const slug = z.preprocess(
  (value) => (typeof value === 'string' ? normalizeSlug(value) : value),
  z.string().refine(isValidSlug, 'must be a slug'),
)

const language = z.preprocess(
  (value) => (typeof value === 'string' ? (normalizeLanguageCode(value) ?? value) : value),
  z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 language code')
    .describe('ISO 639-1 code (en, ar, ...)'),
)

/** `2024-05-01` or a full ISO 8601 timestamp; normalised to an ISO timestamp (UTC). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
    message: 'must be an ISO 8601 date or date-time',
    abort: true,
  })
  .refine(isRealDate, 'must be a real date')
  .transform((value) => new Date(value).toISOString())

/** Date.parse rolls 2024-02-30 over to March: the calendar date must survive the round trip. */
function isRealDate(value: string): boolean {
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(time)) return false
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day
}

/** Integer query parameters arrive as strings; only plain digits are accepted. */
const integer = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
    z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  )

export const localeParam = z
  .enum(LOCALES)
  .default('en')
  .describe('Language of titles and summaries in the response (falls back to the other).')

const limit = (fallback: number) =>
  integer(1, MAX_LIMIT).default(fallback).describe(`Results per page, 1–${MAX_LIMIT}.`)

const cursor = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'malformed cursor')
  .optional()
  .describe('`nextCursor` from the previous page. Only valid with the same query and filters.')

export const SORTS = ['relevance', 'newest', 'oldest', 'duration'] as const

export const searchQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`)
      .optional()
      .describe('Words to search for, in English or Arabic. Empty: browse with the filters.'),
    type: z
      .enum(['program', 'episode', 'all'])
      .default('all')
      .describe('Programs, episodes, or both.'),
    format: many(z.enum(PROGRAM_FORMATS), 'Program format.'),
    category: many(slug, 'Category slug.'),
    language: many(language, 'Content language.'),
    minDuration: integer(0, 1_000_000).optional().describe('Shortest duration, in seconds.'),
    maxDuration: integer(0, 1_000_000).optional().describe('Longest duration, in seconds.'),
    publishedAfter: isoDate.optional().describe('Published at or after (ISO 8601).'),
    publishedBefore: isoDate.optional().describe('Published at or before (ISO 8601).'),
    sort: z
      .enum(SORTS)
      .default('relevance')
      .describe(
        'relevance (newest first without `q`), newest, oldest, or duration (longest first).',
      ),
    locale: localeParam,
    understand: z
      .enum(['on', 'off'])
      .default('on')
      .describe(
        'on: words of `q` that name a format, type, language, category, duration or recency become filters (see `interpretation`); explicit parameters win. off: `q` is searched as typed.',
      ),
    limit: limit(20),
    cursor,
  })
  .superRefine((value, ctx) => {
    if (
      value.minDuration !== undefined &&
      value.maxDuration !== undefined &&
      value.minDuration > value.maxDuration
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['minDuration'],
        message: 'must not exceed maxDuration',
      })
    }
    if (
      value.publishedAfter &&
      value.publishedBefore &&
      value.publishedAfter > value.publishedBefore
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['publishedAfter'],
        message: 'must not be later than publishedBefore',
      })
    }
  })
export type SearchParams = z.output<typeof searchQuery>

export const suggestQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(100, 'at most 100 characters')
    .describe('What the user has typed so far.'),
  locale: localeParam,
  limit: integer(1, 20).default(8).describe('Suggestions to return, 1–20.'),
})
export type SuggestParams = z.output<typeof suggestQuery>

export const featuredQuery = z.strictObject({ locale: localeParam, limit: limit(10) })
export type FeaturedParams = z.output<typeof featuredQuery>

export const TRENDING_WINDOWS = ['1h', '24h', '7d'] as const
export const trendingQuery = z.strictObject({
  locale: localeParam,
  limit: limit(10),
  window: z
    .enum(TRENDING_WINDOWS)
    .default('24h')
    .describe('Period the signals are counted over; recent signals weigh more.'),
})
export type TrendingParams = z.output<typeof trendingQuery>

export const categoriesQuery = z.strictObject({ locale: localeParam })
export type CategoriesParams = z.output<typeof categoriesQuery>

export const programQuery = z.strictObject({
  locale: localeParam,
  limit: limit(20),
  cursor,
})
export type ProgramParams = z.output<typeof programQuery>

export const relatedQuery = z.strictObject({ locale: localeParam, limit: limit(6) })
export type RelatedParams = z.output<typeof relatedQuery>

export const episodeQuery = z.strictObject({
  locale: localeParam,
  program: slug
    .optional()
    .describe('Program slug: episode slugs are unique per program; this picks among equal ones.'),
})
export type EpisodeParams = z.output<typeof episodeQuery>

export const relatedEpisodesQuery = episodeQuery.extend({ limit: limit(6) })
export type RelatedEpisodesParams = z.output<typeof relatedEpisodesQuery>

export const slugPath = z.strictObject({ slug })
export const idOrSlugPath = z.strictObject({
  idOrSlug: z
    .string()
    .transform(normalizeSlug)
    .refine((value) => TYPED_ID.test(value) || isValidSlug(value), 'must be episode:<id> or a slug')
    .describe('A typed id (`episode:7`) or an episode slug.'),
})

export const eventBody = z
  .strictObject({
    type: z.enum(['play', 'view']).describe('play counts three times as much as view.'),
    id: z
      .string()
      .regex(TYPED_ID, 'must be a typed id such as episode:7')
      .describe('The typed id of an episode or a program.'),
    query: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`)
      .optional()
      .describe(
        'The search (`q`) whose result was opened: counted as a click in search insights. Nothing identifying the user is stored.',
      ),
    position: z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .optional()
      .describe('1-based position of the opened result in that search’s list (pages included).'),
    locale: z
      .enum(LOCALES)
      .optional()
      .describe('The `locale` the search was made with (default en).'),
  })
  .superRefine((value, ctx) => {
    if (value.query === undefined && (value.position !== undefined || value.locale !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['query'],
        message: 'is required with position or locale',
      })
    }
  })
export type EventBody = z.output<typeof eventBody>

// ---------------------------------------------------------------------------------------------
// Responses (public field allow-list)

export const imageFile = z.strictObject({
  url: z.string().describe('Absolute URL (MEDIA_PUBLIC_URL, or the host).'),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  mimeType: z.string().nullable(),
})

export const image = imageFile
  .extend({
    srcset: z
      .array(imageFile)
      .describe(
        'Every generated variant (WebP), smallest first, for `srcset`; the original alone when it was too small for any.',
      ),
  })
  .nullable()
  .describe(
    'The variant suited to where the item appears (card in lists, hero on its own page), else the original.',
  )

export const mediaFile = z
  .strictObject({
    url: z
      .string()
      .describe('The uploaded file (supports Range requests) or the external enclosure.'),
    mimeType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    durationSeconds: z.number().int().nullable(),
  })
  .nullable()

export const programRef = z.strictObject({
  id: z.string().describe('Typed id, `program:42`.'),
  slug: z.string().nullable(),
  title: z.string().nullable(),
})

export const catalogueItem = z.strictObject({
  type: z.enum(['program', 'episode']),
  id: z.string().describe('Typed id: `program:42` or `episode:7`.'),
  slug: z.string().nullable(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  program: programRef.optional().describe('Episodes only: the program it belongs to.'),
  format: z.enum(PROGRAM_FORMATS).nullable(),
  durationSeconds: z.number().int().nullable(),
  language: z.string().nullable(),
  categories: z.array(z.strictObject({ slug: z.string(), name: z.string().nullable() })),
  image,
  media: mediaFile.optional().describe('Episodes only: what a player plays.'),
  publishedAt: z.string().nullable(),
})
export type CatalogueItem = z.output<typeof catalogueItem>

export const facetBucket = z.strictObject({ value: z.string(), count: z.number().int() })

const interpretedFilters = z
  .strictObject({
    type: z.enum(['program', 'episode', 'all']).optional(),
    format: z.array(z.enum(PROGRAM_FORMATS)).optional(),
    language: z.array(z.string()).optional(),
    category: z.array(z.string()).optional(),
    minDuration: z.number().int().optional(),
    maxDuration: z.number().int().optional(),
    publishedAfter: z.string().optional(),
    sort: z.enum(SORTS).optional(),
  })
  .describe('Filters read from the query, named as the search parameters.')

export const interpretation = z
  .strictObject({
    text: z.string().describe('What is left to search as words; empty: a filtered browse.'),
    filters: interpretedFilters,
    spans: z
      .array(
        z.strictObject({
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          filter: z.string(),
          value: z.union([z.string(), z.number()]),
        }),
      )
      .describe('Which words of `q` became which filter (offsets in `q`), for removable chips.'),
  })
  .nullable()
  .describe('How `q` was understood; null without `q` or with `understand=off`.')

export const searchResult = catalogueItem.extend({
  highlights: z
    .record(z.string(), z.array(z.string()))
    .describe('Matching fragments per field, `<mark>`-tagged, HTML-escaped.'),
  promoted: z
    .literal(true)
    .optional()
    .describe('Pinned by an editor for this query (first page only, before the ranked results).'),
})

export const searchResponse = z.strictObject({
  results: z.array(searchResult),
  facets: z.strictObject({
    type: z.array(facetBucket),
    format: z.array(facetBucket),
    language: z.array(facetBucket),
    category: z.array(facetBucket.extend({ name: z.string().nullable() })),
    duration: z.array(
      facetBucket.extend({
        minDuration: z.number().int().nullable(),
        maxDuration: z.number().int().nullable(),
      }),
    ),
  }),
  total: z.number().int().describe('Exact number of matches.'),
  nextCursor: z.string().nullable(),
  didYouMean: z
    .string()
    .nullable()
    .describe('A corrected query, offered only when nothing matched and it has results.'),
  relaxed: z.boolean().describe('Nothing matched every word: these results match most of them.'),
  interpretation,
  took: z.number().int().describe('Milliseconds Elasticsearch took (as first computed).'),
})
export type SearchResponse = z.output<typeof searchResponse>

export const suggestResponse = z.strictObject({
  suggestions: z.array(
    z.strictObject({
      type: z.enum(['program', 'episode', 'category']),
      id: z
        .string()
        .nullable()
        .describe('Typed id for programs and episodes; null for categories.'),
      slug: z.string().nullable(),
      text: z.string(),
      program: programRef.optional(),
    }),
  ),
})

export const listResponse = z.strictObject({ results: z.array(catalogueItem) })

export const trendingResponse = z.strictObject({
  window: z.enum(TRENDING_WINDOWS),
  basis: z
    .enum(['signals', 'recent'])
    .describe('signals: ranked by usage events; recent: newest episodes (no signals available).'),
  results: z.array(catalogueItem.extend({ score: z.number() })),
})

export const categoriesResponse = z.strictObject({
  results: z.array(
    z.strictObject({
      slug: z.string(),
      name: z.string().nullable(),
      count: z.number().int().describe('Published programs and episodes in the category.'),
    }),
  ),
})

export const programResponse = z.strictObject({
  program: catalogueItem,
  episodes: z.strictObject({
    results: z.array(catalogueItem),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  }),
})

export const episodeResponse = z.strictObject({ episode: catalogueItem })

export const eventResponse = z.strictObject({ accepted: z.literal(true) })

/** RFC 9457 problem details (src/lib/problem.ts), with the extension members clients read. */
export const problemDetails = z.strictObject({
  type: z.string().describe('URI reference of the kind of problem; its page explains it.'),
  title: z.string().describe('Short, human-readable summary of the kind of problem.'),
  status: z.number().int().describe('The HTTP status code.'),
  detail: z.string().describe('What went wrong with this request.'),
  instance: z.string().optional().describe('The path of the request.'),
  code: z
    .string()
    .describe('The kind of problem as a short, stable string (`invalid_query`, ...).'),
  details: z
    .unknown()
    .optional()
    .describe(
      'Per kind: `[{ path, message }]` for 400s, `{ retryAfterSeconds }` for 429, `{ retryAfterSeconds, reason }` for 503, the candidates for 409.',
    ),
  requestId: z.string().optional().describe('The `X-Request-Id` of the request, for support.'),
  error: z
    .strictObject({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    })
    .describe('Deprecated: the same as `code`, `detail` and `details`, for older clients.'),
})
