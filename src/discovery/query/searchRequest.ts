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
import { exactTitleQuery, type QueryUnit, textQuery } from './textQuery'

export { textQuery }

/** How the text is matched: the words (with synonyms), and whether most rather than all must. */
export interface TextPlan {
  units?: QueryUnit[]
  relaxed?: boolean
  /** Typed ids never ranked (pinned items, shown apart). */
  exclude?: string[]
  /**
   * The person described a kind of thing ("history documentaries", "kids shows"): the programs
   * that are it come before their episodes. A browse lists programs first, then the newest; a text
   * search gives programs a nudge (PROGRAM_NUDGE) on top of their score.
   */
  programsFirst?: boolean
  /**
   * The duration limits were read from the words ("short podcasts"): they select episodes, and
   * programs (which have no duration) stay. Given as parameters, they select episodes only.
   */
  durationSparePrograms?: boolean
}

/** Added to a program's score when `programsFirst`: about one well-matched field. */
const PROGRAM_NUDGE = 10

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

type FacetName = 'type' | 'format' | 'category' | 'language' | 'duration'

function facetFilters(params: SearchParams, plan: TextPlan = {}): Record<FacetName, Query | null> {
  const { minDuration, maxDuration } = params
  const range: Query = { range: { durationSeconds: { gte: minDuration, lte: maxDuration } } }
  return {
    type: params.type === 'all' ? null : { term: { type: params.type } },
    format: params.format?.length ? { terms: { format: params.format } } : null,
    category: params.category?.length ? { terms: { 'categories.slug': params.category } } : null,
    language: params.language?.length ? { terms: { language: params.language } } : null,
    duration:
      minDuration !== undefined || maxDuration !== undefined
        ? plan.durationSparePrograms
          ? { bool: { should: [{ term: { type: 'program' } }, range], minimum_should_match: 1 } }
          : range
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

function dateRange(params: Pick<SearchParams, 'publishedAfter' | 'publishedBefore'>): Query[] {
  return params.publishedAfter || params.publishedBefore
    ? [{ range: { publishedAt: { gte: params.publishedAfter, lte: params.publishedBefore } } }]
    : []
}

/** The query part (text and dates) of a search; facet filters go in `post_filter`. */
function mainQuery(params: SearchParams, plan: TextPlan): Query {
  const range = dateRange(params)
  const query = params.q
    ? { bool: { must: [textQuery(params.q, params.locale, plan)], filter: range } }
    : filtered(range)
  const nudged: Query =
    plan.programsFirst && params.q
      ? {
          bool: {
            must: [query],
            should: [{ term: { type: { value: 'program', boost: PROGRAM_NUDGE } } }],
          },
        }
      : query
  return plan.exclude?.length
    ? { bool: { must: [nudged], must_not: [{ ids: { values: plan.exclude } }] } }
    : nudged
}

export function buildSearchRequest(
  params: SearchParams,
  searchAfter?: SortValue[],
  plan: TextPlan = {},
): estypes.SearchRequest {
  const filters = facetFilters(params, plan)
  const query = mainQuery(params, plan)

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
    sort:
      plan.programsFirst && !params.q && params.sort === 'relevance'
        ? [{ type: 'desc' }, { publishedAt: 'desc' }, { docId: 'asc' }]
        : sortFor(params),
    size: params.limit,
    track_total_hits: true,
    _source: RESULT_SOURCE,
    ...(params.q ? { highlight: highlight(params.q, params.locale) } : {}),
    ...(searchAfter ? { search_after: searchAfter } : {}),
  }
}

/** Whether a search has any result at all (a "did you mean" is only offered when it does). */
export function buildHasResultsRequest(params: SearchParams, plan: TextPlan = {}) {
  return {
    size: 0,
    track_total_hits: 1,
    query: mainQuery(params, plan),
    post_filter: filtered(present(Object.values(facetFilters(params, plan)))),
  } satisfies estypes.SearchRequest
}

/** Pinned items (typed ids) that are within the request's explicit filters. */
export function buildPinnedRequest(ids: string[], params: SearchParams): estypes.SearchRequest {
  return {
    size: ids.length,
    _source: RESULT_SOURCE,
    query: {
      bool: {
        filter: [
          { ids: { values: ids } },
          ...dateRange(params),
          ...present(Object.values(facetFilters(params))),
        ],
      },
    },
  }
}

/**
 * Items whose title is exactly `text`, within the given filters: when the interpretation turned
 * words of a title into filters ("Deep Time" is not a duration), that item still comes first.
 */
export function buildExactTitleRequest(text: string, params: SearchParams): estypes.SearchRequest {
  return {
    size: 3,
    _source: RESULT_SOURCE,
    query: {
      bool: {
        must: [exactTitleQuery(text)],
        filter: [...dateRange(params), ...present(Object.values(facetFilters(params)))],
      },
    },
    sort: ['_score', { type: 'desc' }, { docId: 'asc' }],
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
        // Several candidates: the best-scored correction often finds nothing (on a large catalogue
        // common words outscore the one meant), a later one does.
        size: 10,
        max_errors: 2,
        direct_generator: [{ field, suggest_mode: 'always', min_word_length: 3 }],
      },
    }) as estypes.SearchSuggester
  return {
    size: 0,
    suggest: { text: q, en: suggester('vocabulary.en'), ar: suggester('vocabulary.ar') },
  }
}

/** Weights of related content: fixed amounts, so each signal outranks the ones below it. */
export const RELATED_WEIGHTS = { category: 1000, sameProgram: 400, language: 100, format: 20 }

export interface RelatedTarget {
  id: string
  type: 'program' | 'episode'
  categories: string[]
  language: string | null
  format: string | null
  /** Episodes: their program's id. */
  programId?: number | null
  size: number
}

/**
 * Items of the same type like `target`: every shared category adds RELATED_WEIGHTS.category, the
 * same program (episodes) and the same language add less, and text similarity (more_like_this,
 * whose scores stay well under 100) orders items within those groups. Items sharing nothing still
 * fill the list, after the others.
 */
export function buildRelatedRequest(target: RelatedTarget): estypes.SearchRequest {
  const functions: estypes.QueryDslFunctionScoreContainer[] = [
    ...target.categories.map((slug) => ({
      filter: { term: { 'categories.slug': slug } },
      weight: RELATED_WEIGHTS.category,
    })),
  ]
  if (target.programId) {
    functions.push({
      filter: { term: { 'program.docId': target.programId } },
      weight: RELATED_WEIGHTS.sameProgram,
    })
  }
  if (target.language) {
    functions.push({
      filter: { term: { language: target.language } },
      weight: RELATED_WEIGHTS.language,
    })
  }
  if (target.format) {
    functions.push({ filter: { term: { format: target.format } }, weight: RELATED_WEIGHTS.format })
  }
  return {
    size: target.size,
    _source: RESULT_SOURCE,
    query: {
      function_score: {
        query: {
          bool: {
            filter: [{ term: { type: target.type } }],
            must_not: [{ ids: { values: [target.id] } }],
            should: [
              {
                more_like_this: {
                  fields: [
                    'title.en',
                    'title.ar',
                    'summary.en',
                    'summary.ar',
                    'description.en',
                    'description.ar',
                  ],
                  like: [{ _id: target.id }],
                  min_term_freq: 1,
                  min_doc_freq: 1,
                  max_query_terms: 25,
                  minimum_should_match: '10%',
                },
              },
            ],
          },
        },
        functions,
        score_mode: 'sum',
        boost_mode: 'sum',
      },
    },
    sort: ['_score', { publishedAt: 'desc' }, { docId: 'asc' }],
  }
}
