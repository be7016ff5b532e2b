/**
 * The discovery API's routes as data: path, parameters, body and response schemas, rate limiter.
 * The Express router (router.ts) and the OpenAPI document (openapi.ts) are both built from this
 * list, so the documentation cannot drift from what is served.
 */
import type { z } from 'zod'

import type { LimiterName } from '../ratelimit/limiters'
import * as s from './schemas'

export interface RouteSpec {
  operationId: string
  method: 'get' | 'post'
  /** Express path under `/discovery`. */
  path: string
  summary: string
  description?: string
  /** The OpenAPI tag that groups it in the docs. */
  tag: 'Search' | 'Browse' | 'Programs' | 'Episodes' | 'Events'
  query?: z.ZodType
  params?: z.ZodType
  body?: z.ZodType
  response: z.ZodType
  status: number
  limiter: LimiterName
  /** GETs are cached (in process, in Redis, and by CDNs through Cache-Control/ETag). */
  cached: boolean
  /** Extra documented error statuses. */
  errors?: number[]
}

export const DISCOVERY_ROUTES: RouteSpec[] = [
  {
    operationId: 'search',
    tag: 'Search',
    method: 'get',
    path: '/v1/search',
    summary: 'Search programs and episodes',
    description:
      "Full-text search in English and Arabic over titles, program titles, category names, tags, format and language words, summaries and descriptions: every word must appear somewhere in an item (stop words aside); typos corrected from 5 letters (two from 9), exact words and word beginnings first; an exact title first. When nothing holds every word, a relaxed search (most words) answers with `relaxed: true`; `didYouMean` is offered only when it finds something. With `understand=on` (default), words naming a format, type, language, category, duration or recency become filters (`interpretation`), explicit parameters winning. Editors' synonyms apply, and their pinned items come first on the first page (`promoted: true`). Filters, facet counts (a facet ignores its own selection), exact totals and signed cursor pagination. Without `q` it browses with the filters.",
    query: s.searchQuery,
    response: s.searchResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
  },
  {
    operationId: 'suggest',
    tag: 'Search',
    method: 'get',
    path: '/v1/suggest',
    summary: 'Suggestions while typing',
    description:
      'Programs, episodes and categories whose titles start with what was typed, in both languages.',
    query: s.suggestQuery,
    response: s.suggestResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
  },
  {
    operationId: 'featured',
    tag: 'Browse',
    method: 'get',
    path: '/v1/featured',
    summary: 'Editor-curated items',
    description: 'Featured programs by rank; an item disappears when its featuring expires.',
    query: s.featuredQuery,
    response: s.listResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
  },
  {
    operationId: 'trending',
    tag: 'Browse',
    method: 'get',
    path: '/v1/trending',
    summary: 'Trending now',
    description: 'Ranked by play and view events over the window, recent ones weighing more.',
    query: s.trendingQuery,
    response: s.trendingResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
  },
  {
    operationId: 'recordEvent',
    tag: 'Events',
    method: 'post',
    path: '/v1/events',
    summary: 'Record a play or a view',
    description:
      'Usage signal for trending; with `query` (and `position`, `locale`) also a click on a search result for search insights. Accepted asynchronously (202).',
    body: s.eventBody,
    response: s.eventResponse,
    status: 202,
    limiter: 'events',
    cached: false,
    errors: [404, 413, 415],
  },
  {
    operationId: 'categories',
    tag: 'Browse',
    method: 'get',
    path: '/v1/categories',
    summary: 'Categories with counts',
    description: 'Every category with the number of published programs and episodes in it.',
    query: s.categoriesQuery,
    response: s.categoriesResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
  },
  {
    operationId: 'program',
    tag: 'Programs',
    method: 'get',
    path: '/v1/programs/:slug',
    summary: 'A program and its episodes',
    description: 'Episodes newest first, paginated with `cursor`.',
    params: s.slugPath,
    query: s.programQuery,
    response: s.programResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
    errors: [404],
  },
  {
    operationId: 'relatedPrograms',
    tag: 'Programs',
    method: 'get',
    path: '/v1/programs/:slug/related',
    summary: 'Programs similar to this one',
    description:
      'Shared categories first (each shared category counts), then the same language, then similar words in titles, summaries and descriptions.',
    params: s.slugPath,
    query: s.relatedQuery,
    response: s.listResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
    errors: [404],
  },
  {
    operationId: 'episode',
    tag: 'Episodes',
    method: 'get',
    path: '/v1/episodes/:idOrSlug',
    summary: 'One episode',
    description:
      'By typed id (`episode:7`) or slug. Episode slugs are unique per program: an ambiguous slug is a 409 listing the candidates; `program` picks one.',
    params: s.idOrSlugPath,
    query: s.episodeQuery,
    response: s.episodeResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
    errors: [404, 409],
  },
  {
    operationId: 'relatedEpisodes',
    tag: 'Episodes',
    method: 'get',
    path: '/v1/episodes/:idOrSlug/related',
    summary: 'Episodes similar to this one',
    description:
      'Shared categories, the same program, the same language and similar words; at most two from any one program.',
    params: s.idOrSlugPath,
    query: s.relatedEpisodesQuery,
    response: s.listResponse,
    status: 200,
    limiter: 'discovery',
    cached: true,
    errors: [404, 409],
  },
]
