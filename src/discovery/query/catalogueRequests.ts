/**
 * The Elasticsearch requests of discovery's browse endpoints (suggest, featured, trending's
 * fallback, categories, a program and its episodes, an episode, lookups by id). Search's own are
 * in searchRequest.ts. Only request bodies here: the service runs them and shapes the answers.
 */
import type { estypes } from '@elastic/elasticsearch'

import { RESULT_SOURCE, sortFor } from './searchRequest'

type Query = estypes.QueryDslQueryContainer

/** Titles that start with the typed words, then titles close to them (typos); programs first. */
export function buildSuggestRequest(q: string, size: number): estypes.SearchRequest {
  return {
    size,
    _source: ['type', 'docId', 'slug', 'title', 'program'],
    query: {
      bool: {
        must: [
          {
            bool: {
              should: [
                {
                  multi_match: {
                    query: q,
                    fields: ['title.en.prefix', 'title.ar.prefix'],
                    operator: 'and',
                    boost: 3,
                  },
                },
                {
                  multi_match: {
                    query: q,
                    fields: ['title.en', 'title.ar'],
                    fuzziness: 'AUTO',
                    prefix_length: 1,
                    operator: 'and',
                  },
                },
              ],
              minimum_should_match: 1,
            },
          },
        ],
        // Programs are where listeners usually want to go.
        should: [{ term: { type: { value: 'program', boost: 1.5 } } }],
      },
    },
  }
}

/** Featured items whose featuring has not ended at `now`, by editors' rank, then newest. */
export function buildFeaturedRequest(now: Date, size: number): estypes.SearchRequest {
  return {
    size,
    _source: [...RESULT_SOURCE, 'featuredUntil'],
    query: {
      bool: {
        filter: [
          { term: { featured: true } },
          {
            bool: {
              should: [
                { bool: { must_not: { exists: { field: 'featuredUntil' } } } },
                { range: { featuredUntil: { gt: now.toISOString() } } },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    },
    sort: [
      { featuredRank: { order: 'asc', missing: '_last' } },
      { publishedAt: 'desc' },
      { type: 'asc' },
      { docId: 'asc' },
    ],
  }
}

/** The newest episodes (trending's answer before there are signals). */
export function buildRecentEpisodesRequest(size: number): estypes.SearchRequest {
  return {
    size,
    _source: RESULT_SOURCE,
    query: { term: { type: 'episode' } },
    sort: sortFor({ sort: 'newest' }),
  }
}

/** Records by typed id (`program:12`, `episode:40`). */
export function buildByIdsRequest(ids: string[]): estypes.SearchRequest {
  return { size: ids.length, _source: RESULT_SOURCE, query: { ids: { values: ids } } }
}

/** How many public records each category has. */
export function buildCategoryCountsRequest(): estypes.SearchRequest {
  return { size: 0, aggs: { categories: { terms: { field: 'categories.slug', size: 1000 } } } }
}

/** The public program with `slug`. */
export function buildProgramBySlugRequest(slug: string): estypes.SearchRequest {
  return {
    size: 1,
    _source: RESULT_SOURCE,
    query: { bool: { filter: [{ term: { type: 'program' } }, { term: { slug } }] } },
  }
}

/** A page of a program's episodes, newest first, after the cursor's sort values. */
export function buildProgramEpisodesRequest(
  programSlug: string,
  size: number,
  after?: estypes.FieldValue[],
): estypes.SearchRequest {
  return {
    size,
    track_total_hits: true,
    _source: RESULT_SOURCE,
    query: {
      bool: { filter: [{ term: { type: 'episode' } }, { term: { 'program.slug': programSlug } }] },
    },
    sort: sortFor({ sort: 'newest' }),
    ...(after ? { search_after: after } : {}),
  }
}

/**
 * An episode by typed id or by slug (optionally within a program). Two hits at most: a slug
 * shared by episodes of several programs is ambiguous.
 */
export function buildEpisodeRequest(
  idOrSlug: string,
  { typedId, programSlug }: { typedId: boolean; programSlug?: string },
): estypes.SearchRequest {
  const filter: Query[] = typedId
    ? [{ ids: { values: [idOrSlug] } }]
    : [{ term: { type: 'episode' } }, { term: { slug: idOrSlug } }]
  if (programSlug) filter.push({ term: { 'program.slug': programSlug } })
  return {
    size: 2,
    _source: RESULT_SOURCE,
    query: { bool: { filter } },
    sort: sortFor({ sort: 'newest' }),
  }
}
