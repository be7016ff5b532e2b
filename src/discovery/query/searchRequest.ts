/**
 * Search parameters → Elasticsearch request. Pure: no I/O, unit-tested.
 *
 * Facet filters (type, format, category, language, duration) go in `post_filter`, and each facet's
 * aggregation applies every facet filter except its own. So the hits honour every selection, while
 * each facet still counts what its other values would add: a user who picked "podcast" sees how
 * many documentaries there are too, and can widen the choice.
 */
import type { estypes } from '@elastic/elasticsearch'

import type { Locale } from '../../search/locales'
import type { SearchParams } from '../schemas'

type Query = estypes.QueryDslQueryContainer
type SortValue = estypes.FieldValue

/** Public fields read from `_source` (descriptions, tags and internal fields stay in the index). */
export const RESULT_SOURCE = [
  'type',
  'docId',
  'slug',
  'title',
  'summary',
  'program',
  'format',
  'durationSeconds',
  'language',
  'categories',
  'image',
  'media',
  'publishedAt',
]

/** Duration facet buckets, in seconds (`to` is exclusive, as in Elasticsearch range aggregations). */
export const DURATION_BUCKETS = [
  { key: 'under-10m', from: undefined, to: 600 },
  { key: '10-30m', from: 600, to: 1800 },
  { key: '30-60m', from: 1800, to: 3600 },
  { key: 'over-60m', from: 3600, to: undefined },
] as const

const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'ar' : 'en')

/** Short text fields in both languages; the requested language counts a little more. */
function shortTextFields(locale: Locale): string[] {
  const other = otherLocale(locale)
  return [
    `title.${locale}^4`,
    `title.${other}^3.5`,
    `program.title.${locale}^2`,
    `program.title.${other}^2`,
    `summary.${locale}^1.5`,
    `summary.${other}^1.5`,
  ]
}

/**
 * Relevance: typo-tolerant words in titles and summaries (fuzziness AUTO, first letter exact),
 * exact (stemmed) words in descriptions (fuzzy matching over long texts cost a third of a
 * search's time for little gain), every word as a title-word prefix so the word still being typed
 * counts, and a boost for the exact phrase in a title.
 */
export function textQuery(q: string, locale: Locale): Query {
  return {
    bool: {
      should: [
        {
          multi_match: {
            query: q,
            type: 'best_fields',
            fields: shortTextFields(locale),
            fuzziness: 'AUTO',
            prefix_length: 1,
            max_expansions: 50,
            minimum_should_match: '2<75%',
          },
        },
        {
          multi_match: {
            query: q,
            fields: [`description.${locale}`, `description.${otherLocale(locale)}`],
            minimum_should_match: '2<75%',
          },
        },
        {
          // Edge n-grams: every word typed matches as the start of a title word.
          multi_match: {
            query: q,
            fields: [`title.${locale}.prefix^3`, `title.${otherLocale(locale)}.prefix^3`],
            operator: 'and',
          },
        },
        {
          multi_match: {
            query: q,
            type: 'phrase',
            fields: [`title.${locale}^2`, `title.${otherLocale(locale)}^2`],
            boost: 2,
          },
        },
      ],
      minimum_should_match: 1,
    },
  }
}

type FacetName = 'type' | 'format' | 'category' | 'language' | 'duration'

function facetFilters(params: SearchParams): Record<FacetName, Query | null> {
  const { minDuration, maxDuration } = params
  return {
    type: params.type === 'all' ? null : { term: { type: params.type } },
    format: params.format?.length ? { terms: { format: params.format } } : null,
    category: params.category?.length ? { terms: { 'categories.slug': params.category } } : null,
    language: params.language?.length ? { terms: { language: params.language } } : null,
    duration:
      minDuration !== undefined || maxDuration !== undefined
        ? { range: { durationSeconds: { gte: minDuration, lte: maxDuration } } }
        : null,
  }
}

const present = (queries: (Query | null)[]): Query[] => queries.filter((q): q is Query => !!q)

function filtered(filters: Query[]): Query {
  return filters.length ? { bool: { filter: filters } } : { match_all: {} }
}

/** Stable order for every sort: `type` + `docId` break ties, so `search_after` never skips. */
const TIEBREAK: estypes.SortCombinations[] = [{ type: 'asc' }, { docId: 'asc' }]

export function sortFor(params: Pick<SearchParams, 'sort' | 'q'>): estypes.SortCombinations[] {
  switch (params.sort) {
    case 'oldest':
      return [{ publishedAt: 'asc' }, ...TIEBREAK]
    case 'duration':
      // Programs have no duration: they sort after every episode.
      return [
        { durationSeconds: { order: 'desc', missing: 0 } },
        { publishedAt: 'desc' },
        ...TIEBREAK,
      ]
    case 'relevance':
      if (params.q) return ['_score', { publishedAt: 'desc' }, ...TIEBREAK]
      return [{ publishedAt: 'desc' }, ...TIEBREAK]
    case 'newest':
    default:
      return [{ publishedAt: 'desc' }, ...TIEBREAK]
  }
}

/**
 * Highlights come from an exact-words version of the query (stemmed, not fuzzy, no prefixes):
 * highlighting with the fuzzy query made it expand every typo candidate against every hit's text,
 * and took most of a search's time (p95 ~400 ms → ~30 ms on the 100k-episode benchmark index).
 * Typo-corrected and unfinished words therefore match, but are not marked.
 */
function highlight(q: string, locale: Locale): estypes.SearchHighlight {
  const other = otherLocale(locale)
  const whole = { number_of_fragments: 0 }
  const fragment = { number_of_fragments: 1, fragment_size: 160 }
  const fields = [locale, other].flatMap((l) => [`title.${l}`, `summary.${l}`, `description.${l}`])
  return {
    pre_tags: ['<mark>'],
    post_tags: ['</mark>'],
    encoder: 'html',
    highlight_query: { multi_match: { query: q, fields } },
    fields: Object.fromEntries(
      fields.map((field) => [field, field.startsWith('title') ? whole : fragment]),
    ),
  }
}

export function buildSearchRequest(
  params: SearchParams,
  searchAfter?: SortValue[],
): estypes.SearchRequest {
  const filters = facetFilters(params)
  const range: Query[] =
    params.publishedAfter || params.publishedBefore
      ? [{ range: { publishedAt: { gte: params.publishedAfter, lte: params.publishedBefore } } }]
      : []
  const query: Query = params.q
    ? { bool: { must: [textQuery(params.q, params.locale)], filter: range } }
    : filtered(range)

  const others = (name: FacetName) =>
    filtered(present(Object.entries(filters).map(([key, q]) => (key === name ? null : q))))

  const terms = (name: FacetName, field: string, size: number) => ({
    filter: others(name),
    aggs: { values: { terms: { field, size } } },
  })

  return {
    query,
    post_filter: filtered(present(Object.values(filters))),
    aggs: {
      type: terms('type', 'type', 2),
      format: terms('format', 'format', 10),
      language: terms('language', 'language', 50),
      category: terms('category', 'categories.slug', 100),
      duration: {
        filter: others('duration'),
        aggs: {
          values: {
            range: {
              field: 'durationSeconds',
              ranges: DURATION_BUCKETS.map(({ key, from, to }) => ({ key, from, to })),
            },
          },
        },
      },
    },
    sort: sortFor(params),
    size: params.limit,
    track_total_hits: true,
    _source: RESULT_SOURCE,
    ...(params.q ? { highlight: highlight(params.q, params.locale) } : {}),
    ...(searchAfter ? { search_after: searchAfter } : {}),
  }
}

/**
 * "Did you mean": a phrase suggester over the whole, unstemmed words of titles and summaries in
 * both languages (`vocabulary.*`). Only
 * asked when a query found nothing, so the common path pays nothing for it.
 */
export function buildDidYouMeanRequest(q: string): estypes.SearchRequest {
  const suggester = (field: string): estypes.SearchSuggester =>
    ({
      phrase: {
        field,
        size: 1,
        max_errors: 2,
        direct_generator: [{ field, suggest_mode: 'always', min_word_length: 3 }],
      },
    }) as estypes.SearchSuggester
  return {
    size: 0,
    suggest: { text: q, en: suggester('vocabulary.en'), ar: suggester('vocabulary.ar') },
  }
}
