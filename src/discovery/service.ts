/**
 * What each discovery endpoint computes, over the read alias of the catalogue index. Everything
 * here only ever sees the index, which holds exactly the public catalogue (published, due, not
 * deleted): drafts cannot leak through discovery because they are never indexed.
 *
 * Returns plain values; the HTTP layer caches and serialises them.
 */
import type { estypes } from '@elastic/elasticsearch'
import type { Payload } from 'payload'

import type { CatalogueDoc } from '../search/mappers'
import type { Locale, LocalizedText } from '../search/locales'
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor'
import { ApiError } from './errors'
import {
  buildDidYouMeanRequest,
  buildSearchRequest,
  RESULT_SOURCE,
  sortFor,
} from './query/searchRequest'
import type {
  CatalogueItem,
  CategoriesParams,
  EpisodeParams,
  FeaturedParams,
  ProgramParams,
  RelatedParams,
  SearchParams,
  SearchResponse,
  SuggestParams,
  TrendingParams,
} from './schemas'
import { TYPED_ID } from './schemas'
import type { SearchBackend } from './searchBackend'
import { type Hit, pick, sourceOf, toFacets, toHighlights, toItem } from './shape'
import type { TrendingCounter } from './trending'

type Source = Partial<CatalogueDoc>
type Query = estypes.QueryDslQueryContainer

interface CategoryEntry {
  slug: string
  name: LocalizedText
}

/** Categories change rarely; their names are read from Postgres at most this often. */
const CATEGORY_REFRESH_MS = 60_000

const ARABIC = /[\u0600-\u06FF]/

/** Letters compared the way the index's Arabic analysis does (alef/hamza/ta marbuta, diacritics). */
export function foldForPrefix(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
}

export class DiscoveryService {
  private categories:
    { at: number; entries: CategoryEntry[]; names: Map<string, LocalizedText> } | undefined
  private categoriesLoading: Promise<CategoryEntry[]> | undefined

  constructor(
    private readonly backend: SearchBackend,
    private readonly payload: Payload,
    private readonly trending: TrendingCounter,
    private readonly cursorSecret: string,
  ) {}

  // -- search ----------------------------------------------------------------------------------

  async search(params: SearchParams): Promise<SearchResponse> {
    // A cursor is bound to everything that shapes the result list except the page size.
    const { cursor, limit: _limit, ...scope } = params
    const fingerprint = queryFingerprint(['search', scope])
    const after = cursor ? decodeCursor(this.cursorSecret, cursor, fingerprint) : undefined
    // One more than a page: whether it comes back says if there is a next page.
    const response = await this.backend.search<Source>(
      'search',
      buildSearchRequest(
        { ...params, limit: params.limit + 1 },
        after as estypes.FieldValue[] | undefined,
      ),
    )
    const hits = (response.hits.hits as Hit[]).slice(0, params.limit)
    const more = response.hits.hits.length > params.limit
    const total = totalOf(response)
    const names = await this.categoryNames()
    const last = hits[hits.length - 1]
    const didYouMean = total === 0 && params.q ? await this.didYouMean(params.q) : null
    return {
      results: hits.map((hit) => ({
        ...toItem(sourceOf(hit), params.locale),
        highlights: toHighlights(hit.highlight, params.locale),
      })),
      facets: toFacets(response.aggregations as Record<string, unknown>, names, params.locale),
      total,
      nextCursor:
        more && last?.sort
          ? encodeCursor(this.cursorSecret, last.sort as (string | number)[], fingerprint)
          : null,
      didYouMean,
      took: response.took,
    }
  }

  private async didYouMean(q: string): Promise<string | null> {
    const response = await this.backend.search('didYouMean', buildDidYouMeanRequest(q))
    const options = Object.values(response.suggest ?? {})
      .flatMap((entries) => entries.flatMap((entry) => entry.options))
      .map((option) => option as { text: string; score: number })
      .sort((a, b) => b.score - a.score)
    const best = options[0]?.text
    return best && foldForPrefix(best) !== foldForPrefix(q) ? best : null
  }

  // -- suggest ---------------------------------------------------------------------------------

  async suggest({ q, locale, limit }: SuggestParams) {
    // Show titles in the script the user is typing, whatever the UI language.
    const shown: Locale = ARABIC.test(q) ? 'ar' : locale
    const categoryMatches = (await this.categoryList())
      .filter((category) =>
        Object.values(category.name).some((name) => name && wordPrefix(name, q)),
      )
      .slice(0, Math.min(3, limit))
    const response = await this.backend.search<Source>('suggest', {
      size: limit - categoryMatches.length,
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
    })
    const documents = (response.hits.hits as Hit[]).map((hit) => {
      const source = sourceOf(hit)
      const item = toItem(source, shown)
      return {
        type: item.type,
        id: item.id,
        slug: item.slug,
        text: item.title ?? item.slug ?? item.id,
        ...(item.program ? { program: item.program } : {}),
      }
    })
    return {
      suggestions: [
        ...categoryMatches.map((category) => ({
          type: 'category' as const,
          id: null,
          slug: category.slug,
          text: pick(category.name, shown) ?? category.slug,
        })),
        ...documents,
      ],
    }
  }

  // -- featured, trending ----------------------------------------------------------------------

  async featured({ locale, limit }: FeaturedParams) {
    const now = new Date()
    const response = await this.backend.search<Source>('search', {
      size: limit,
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
    })
    const sources = (response.hits.hits as Hit[]).map(sourceOf)
    // Fresh only until the first shown item's featuring ends.
    const expiries = sources
      .map((source) => (source.featuredUntil ? Date.parse(source.featuredUntil) : Infinity))
      .filter(Number.isFinite)
    const ttlMs = expiries.length ? Math.min(...expiries) - now.getTime() : undefined
    return { value: { results: sources.map((s) => toItem(s, locale)) }, ttlMs }
  }

  async trendingItems({ locale, limit, window }: TrendingParams) {
    // Ask for more than needed: some ids may no longer be public.
    const top = await this.trending.top(window, limit * 3)
    if (top && top.length) {
      const found = await this.byIds(top.map((entry) => entry.id))
      const results = top
        .filter((entry) => found.has(entry.id))
        .slice(0, limit)
        .map((entry) => ({ ...toItem(found.get(entry.id)!, locale), score: entry.score }))
      return { value: { window, basis: 'signals' as const, results }, ttlMs: 60_000 }
    }
    // No signals yet (or Redis unreachable): the newest episodes, so the rail is never empty.
    const recent = await this.backend.search<Source>('search', {
      size: limit,
      _source: RESULT_SOURCE,
      query: { term: { type: 'episode' } },
      sort: sortFor({ sort: 'newest' }),
    })
    return {
      value: {
        window,
        basis: 'recent' as const,
        results: (recent.hits.hits as Hit[]).map((hit) => ({
          ...toItem(sourceOf(hit), locale),
          score: 0,
        })),
      },
      // Without signals, look again soon.
      ttlMs: 5_000,
    }
  }

  /** Whether a typed id is in the public catalogue (for events). */
  async exists(id: string): Promise<boolean> {
    return (await this.byIds([id])).has(id)
  }

  private async byIds(ids: string[]): Promise<Map<string, Source>> {
    const response = await this.backend.search<Source>('lookup', {
      size: ids.length,
      _source: RESULT_SOURCE,
      query: { ids: { values: ids } },
    })
    return new Map((response.hits.hits as Hit[]).map((hit) => [hit._id!, sourceOf(hit)]))
  }

  // -- categories ------------------------------------------------------------------------------

  async categoriesWithCounts({ locale }: CategoriesParams) {
    const [list, response] = await Promise.all([
      this.categoryList(),
      this.backend.search('aggregate', {
        size: 0,
        aggs: { categories: { terms: { field: 'categories.slug', size: 1000 } } },
      }),
    ])
    const counts = new Map(
      (
        (response.aggregations?.categories as estypes.AggregationsStringTermsAggregate | undefined)
          ?.buckets as estypes.AggregationsStringTermsBucket[] | undefined
      )?.map((bucket) => [String(bucket.key), bucket.doc_count]) ?? [],
    )
    const results = list
      .map((category) => ({
        slug: category.slug,
        name: pick(category.name, locale),
        count: counts.get(category.slug) ?? 0,
      }))
      .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug))
    return { results }
  }

  /** Names by slug, built once per loaded list (searches resolve facet names through it). */
  private async categoryNames(): Promise<Map<string, LocalizedText>> {
    await this.categoryList()
    return this.categories?.names ?? new Map()
  }

  /** Every category (slug and names in both languages), from Postgres, refreshed every minute. */
  private async categoryList(): Promise<CategoryEntry[]> {
    const cached = this.categories
    if (cached && Date.now() - cached.at < CATEGORY_REFRESH_MS) return cached.entries
    this.categoriesLoading ??= this.loadCategories()
      .then((entries) => {
        const names = new Map(entries.map((c) => [c.slug, c.name]))
        this.categories = { at: Date.now(), entries, names }
        return entries
      })
      .catch((error: unknown) => {
        // Postgres trouble must not take discovery down: keep the last list, or none.
        this.payload.logger.warn({ err: error }, 'discovery: could not load categories')
        return cached?.entries ?? []
      })
      .finally(() => {
        this.categoriesLoading = undefined
      })
    return this.categoriesLoading
  }

  private async loadCategories(): Promise<CategoryEntry[]> {
    const result = await this.payload.find({
      collection: 'categories',
      locale: 'all',
      depth: 0,
      limit: 1000,
      pagination: false,
      overrideAccess: true,
    })
    return result.docs.map((doc) => ({
      slug: String(doc.slug),
      name: (doc.name ?? {}) as unknown as LocalizedText,
    }))
  }

  /** Forget the category list (tests, and after a catalogue change). */
  forgetCategories(): void {
    this.categories = undefined
  }

  // -- programs and episodes -------------------------------------------------------------------

  private async programBySlug(slug: string): Promise<Source> {
    const response = await this.backend.search<Source>('lookup', {
      size: 1,
      _source: RESULT_SOURCE,
      query: { bool: { filter: [{ term: { type: 'program' } }, { term: { slug } }] } },
    })
    const hit = (response.hits.hits as Hit[])[0]
    if (!hit) throw new ApiError(404, 'not_found', `No published program with slug "${slug}".`)
    return sourceOf(hit)
  }

  async program(slug: string, { locale, limit, cursor }: ProgramParams) {
    const fingerprint = queryFingerprint(['program-episodes', slug])
    const after = cursor ? decodeCursor(this.cursorSecret, cursor, fingerprint) : undefined
    const [program, episodes] = await Promise.all([
      this.programBySlug(slug),
      this.backend.search<Source>('search', {
        size: limit + 1,
        track_total_hits: true,
        _source: RESULT_SOURCE,
        query: {
          bool: { filter: [{ term: { type: 'episode' } }, { term: { 'program.slug': slug } }] },
        },
        sort: sortFor({ sort: 'newest' }),
        ...(after ? { search_after: after as estypes.FieldValue[] } : {}),
      }),
    ])
    const hits = (episodes.hits.hits as Hit[]).slice(0, limit)
    const more = episodes.hits.hits.length > limit
    const last = hits[hits.length - 1]
    return {
      program: toItem(program, locale, 'hero'),
      episodes: {
        results: hits.map((hit) => toItem(sourceOf(hit), locale)),
        total: totalOf(episodes),
        nextCursor:
          more && last?.sort
            ? encodeCursor(this.cursorSecret, last.sort as (string | number)[], fingerprint)
            : null,
      },
    }
  }

  async related(slug: string, { locale, limit }: RelatedParams) {
    const program = await this.programBySlug(slug)
    const id = `program:${program.docId}`
    const categories = (program.categories ?? []).map((category) => category.slug)
    const should: Query[] = [
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
          like: [{ _id: id }],
          min_term_freq: 1,
          min_doc_freq: 1,
          max_query_terms: 25,
          minimum_should_match: '10%',
        },
      },
    ]
    if (categories.length) should.push({ terms: { 'categories.slug': categories, boost: 2 } })
    if (program.format) should.push({ term: { format: { value: program.format, boost: 0.5 } } })
    const response = await this.backend.search<Source>('related', {
      size: limit,
      _source: RESULT_SOURCE,
      query: {
        bool: {
          filter: [{ term: { type: 'program' } }],
          must_not: [{ ids: { values: [id] } }],
          should,
          minimum_should_match: 1,
        },
      },
      sort: ['_score', { publishedAt: 'desc' }, { docId: 'asc' }],
    })
    return { results: (response.hits.hits as Hit[]).map((hit) => toItem(sourceOf(hit), locale)) }
  }

  async episode(
    idOrSlug: string,
    { locale, program }: EpisodeParams,
  ): Promise<{ episode: CatalogueItem }> {
    const typed = TYPED_ID.exec(idOrSlug)
    if (typed && typed[1] !== 'episode') {
      throw new ApiError(404, 'not_found', `${idOrSlug} is not an episode id.`)
    }
    const filter: Query[] = typed
      ? [{ ids: { values: [idOrSlug] } }]
      : [{ term: { type: 'episode' } }, { term: { slug: idOrSlug } }]
    if (program) filter.push({ term: { 'program.slug': program } })
    const response = await this.backend.search<Source>('lookup', {
      size: 2,
      _source: RESULT_SOURCE,
      query: { bool: { filter } },
      sort: sortFor({ sort: 'newest' }),
    })
    const hits = response.hits.hits as Hit[]
    if (!hits.length) throw new ApiError(404, 'not_found', `No published episode "${idOrSlug}".`)
    if (hits.length > 1) {
      throw new ApiError(
        409,
        'ambiguous_slug',
        `Several programs have an episode "${idOrSlug}": pass ?program=<slug> or use its id.`,
        hits.map((hit) => ({ id: hit._id, program: sourceOf(hit).program?.slug ?? null })),
      )
    }
    return { episode: toItem(sourceOf(hits[0]!), locale, 'hero') }
  }
}

function totalOf(response: estypes.SearchResponse<unknown>): number {
  const total = response.hits.total
  return typeof total === 'number' ? total : (total?.value ?? 0)
}

/** Whether some word of `text` (or the text itself) starts with `q`, letters folded. */
function wordPrefix(text: string, q: string): boolean {
  const folded = foldForPrefix(text)
  const query = foldForPrefix(q.trim())
  if (!query) return false
  return folded.startsWith(query) || folded.split(/\s+/).some((word) => word.startsWith(query))
}
