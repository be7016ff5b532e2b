/**
 * Thin handlers: validated input in, the service's answer out. Caching, headers and errors are the
 * router's job (router.ts); queries are the service's (service.ts).
 */
import type { SearchInsights } from '../insights/SearchInsights'
import type { Computed } from './cache'
import { ApiError } from './errors'
import type * as s from './schemas'
import type { DiscoveryService } from './service'
import type { TrendingCounter } from './trending'

export interface HandlerInput {
  query: unknown
  params: unknown
  body: unknown
}

export type CachedHandler = (input: HandlerInput) => Promise<Computed>
export type PlainHandler = (input: HandlerInput) => Promise<unknown>

const value = async (promise: Promise<unknown>): Promise<Computed> => ({ value: await promise })

export function cachedHandlers(service: DiscoveryService): Record<string, CachedHandler> {
  return {
    search: ({ query }) => service.search(query as s.SearchParams),
    suggest: ({ query }) => value(service.suggest(query as s.SuggestParams)),
    featured: ({ query }) => service.featured(query as s.FeaturedParams),
    trending: ({ query }) => service.trendingItems(query as s.TrendingParams),
    categories: ({ query }) => value(service.categoriesWithCounts(query as s.CategoriesParams)),
    program: ({ params, query }) =>
      value(service.program((params as { slug: string }).slug, query as s.ProgramParams)),
    relatedPrograms: ({ params, query }) =>
      value(service.related((params as { slug: string }).slug, query as s.RelatedParams)),
    relatedEpisodes: ({ params, query }) =>
      value(
        service.relatedEpisodes(
          (params as { idOrSlug: string }).idOrSlug,
          query as s.RelatedEpisodesParams,
        ),
      ),
    episode: ({ params, query }) =>
      value(service.episode((params as { idOrSlug: string }).idOrSlug, query as s.EpisodeParams)),
  }
}

export function plainHandlers(
  service: DiscoveryService,
  trending: TrendingCounter,
  insights?: SearchInsights,
): Record<string, PlainHandler> {
  return {
    recordEvent: async ({ body }) => {
      const event = body as s.EventBody
      // Unknown or unpublished ids would only pollute the counters. When search cannot answer,
      // accept the event anyway: trending reads drop ids that are not public.
      const known = await service.exists(event.id).catch(() => true)
      if (!known) throw new ApiError(404, 'not_found', `No published item ${event.id}.`)
      await trending.record(event)
      if (event.query) {
        insights?.recordClick({
          query: event.query,
          locale: event.locale ?? 'en',
          position: event.position,
        })
      }
      return { accepted: true }
    },
  }
}
