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
import { foldForMatch, normaliseQuery } from './query/fold'
import {
  buildDidYouMeanRequest,
  buildExactTitleRequest,
  buildHasResultsRequest,
  buildPinnedRequest,
  buildRelatedRequest,
  buildSearchRequest,
} from './query/searchRequest'
import { expandSynonyms } from './query/synonyms'
import type {
  CatalogueItem,
  CategoriesParams,
  EpisodeParams,
  FeaturedParams,
  ProgramParams,
  RelatedEpisodesParams,
  RelatedParams,
  SearchParams,
  SearchResponse,
  SuggestParams,
  TrendingParams,
} from './schemas'
import {
  buildByIdsRequest,
  buildCategoryCountsRequest,
  buildEpisodeRequest,
  buildFeaturedRequest,
  buildProgramBySlugRequest,
  buildProgramEpisodesRequest,
  buildRecentEpisodesRequest,
  buildSuggestRequest,
} from './query/catalogueRequests'
import { TYPED_ID } from './schemas'
import type { SearchBackend } from './searchBackend'
import { nextPromotionChange, promotionApplies, SearchRulesCache } from './searchRules'
import { type Hit, pick, sourceOf, toFacets, toHighlights, toItem } from './shape'
import type { TrendingCounter } from './trending'
import { relaxedMinimum } from './query/textQuery'
import { type Interpretation, understand, type Vocabulary } from './understand'
import { slugOf } from '../lib/catalogueSlugs'

type Source = Partial<CatalogueDoc>

interface CategoryEntry {
  slug: string
  name: LocalizedText
}

/** "Did you mean" candidates checked for results, best first. */
const MAX_DID_YOU_MEAN_CHECKS = 8

/** Related episodes: at most this many from one program. */
const MAX_RELATED_PER_PROGRAM = 2

/** Categories change rarely; their names are read from Postgres at most this often. */
const CATEGORY_REFRESH_MS = 60_000

const ARABIC = /[\u0600-\u06FF]/

/** Letters compared the way the index's Arabic analysis does (alef/hamza/ta marbuta, diacritics). */
export const foldForPrefix = foldForMatch

/** What a search did and why: shown by the admin preview, never by the public API. */
export interface SearchWhy {
  /** The parameters searched with: explicit ones, completed by the interpretation. */
  effective: SearchParams
  /** Synonym rules (their terms) that expanded a word of the query. */
  synonyms: string[][]
  /** Ids of the promotions that applied. */
  promotions: number[]
  /** Typed ids pinned first. */
  promoted: string[]
  /** Typed ids placed first because their title is exactly the query. */
  exactTitle: string[]
  /** Per result: its relevance score and the fields its words were found in. */
  scores: Record<string, { score: number | null; matchedFields: string[] }>
}

export interface SearchExplained {
  response: SearchResponse
  ttlMs?: number
  why: SearchWhy
}

/**
 * Explicit parameters win over interpreted ones; `type=all` and `sort=relevance` are the
 * defaults, so they count as "not given". The text searched is what the interpretation left.
 */
/**
 * The interpretation as applied: filters the request gave explicitly replace the interpreted
 * ones, so those (and their spans) are not reported, and apps show only chips that took effect.
 */
export function appliedInterpretation(
  params: SearchParams,
  interpretation: Interpretation | null,
): Interpretation | null {
  if (!interpretation) return null
  const explicit = (filter: keyof Interpretation['filters']): boolean => {
    switch (filter) {
      case 'type':
        return params.type !== 'all'
      case 'sort':
        return params.sort !== 'relevance'
      case 'minDuration':
      case 'maxDuration':
        return params.minDuration !== undefined || params.maxDuration !== undefined
      default:
        return params[filter] !== undefined
    }
  }
  const filters = Object.fromEntries(
    Object.entries(interpretation.filters).filter(
      ([name]) => !explicit(name as keyof Interpretation['filters']),
    ),
  ) as Interpretation['filters']
  return {
    ...interpretation,
    filters,
    spans: interpretation.spans.filter((span) => !explicit(span.filter)),
  }
}

export function applyInterpretation(
  params: SearchParams,
  interpretation: Interpretation | null,
): SearchParams {
  if (!interpretation) return params
  const f = interpretation.filters
  const durationGiven = params.minDuration !== undefined || params.maxDuration !== undefined
  return {
    ...params,
    q: interpretation.text.trim() || undefined,
    type: params.type !== 'all' ? params.type : (f.type ?? 'all'),
    format: params.format ?? f.format,
    language: params.language ?? f.language,
    category: params.category ?? f.category,
    minDuration: durationGiven ? params.minDuration : f.minDuration,
    maxDuration: durationGiven ? params.maxDuration : f.maxDuration,
    publishedAfter: params.publishedAfter ?? f.publishedAfter,
    sort: params.sort !== 'relevance' ? params.sort : (f.sort ?? 'relevance'),
  }
}

export class DiscoveryService {
  private categories:
    { at: number; entries: CategoryEntry[]; names: Map<string, LocalizedText> } | undefined
  private categoriesLoading: Promise<CategoryEntry[]> | undefined
  private readonly rules: SearchRulesCache

  constructor(
    private readonly backend: SearchBackend,
    private readonly payload: Payload,
    private readonly trending: TrendingCounter,
    private readonly cursorSecret: string,
    /** The query interpreter; replaceable in unit tests of the wiring. */
    private readonly interpret: typeof understand = understand,
  ) {
    this.rules = new SearchRulesCache(payload)
  }

  // -- search ----------------------------------------------------------------------------------

  async search(params: SearchParams): Promise<{ value: SearchResponse; ttlMs?: number }> {
    const { response, ttlMs } = await this.searchExplained(params)
    return { value: response, ...(ttlMs !== undefined ? { ttlMs } : {}) }
  }

  /**
   * A search, and why its results are what they are (the admin preview shows it):
   * 1. `understand()` turns words of `q` into filters (explicit parameters win);
   * 2. editors' synonyms expand the remaining words; every word (or a synonym) must match;
   * 3. nothing found: a relaxed query (most words) runs, and the answer says `relaxed: true`;
   *    a "did you mean" is offered only when it has results;
   * 4. on the first page, editors' pinned items come first (`promoted: true`), then an item whose
   *    title is exactly the raw query, even if the interpretation ate some of its words.
   */
  async searchExplained(params: SearchParams): Promise<SearchExplained> {
    // A cursor is bound to everything that shapes the result list except the page size.
    const { cursor, limit: _limit, ...scope } = params
    const fingerprint = queryFingerprint(['search', scope])
    const after = cursor ? decodeCursor(this.cursorSecret, cursor, fingerprint) : undefined
    const [rules, vocabulary] = await Promise.all([this.rules.get(), this.vocabulary()])
    const raw = params.q ?? ''
    const interpretation =
      raw && params.understand !== 'off' ? this.interpret(raw, vocabulary) : null
    const effective = applyInterpretation(params, interpretation)
    const text = effective.q ?? ''
    const units = text ? expandSynonyms(text, rules.synonyms, params.locale) : undefined
    const firstPage = !after
    const now = Date.now()
    const normalised = normaliseQuery(raw)
    const promotions = normalised
      ? rules.promotions.filter((p) => promotionApplies(p, normalised, now))
      : []
    // Pinned items are shown on the first page only, and never again among the ranked results.
    const pinnedIds = [...new Set(promotions.flatMap((p) => p.items))]
    // The raw query as a title, when the interpretation took words away from it.
    const rescue = firstPage && interpretation && normaliseQuery(text) !== normalised
    // Words read as filters describe a kind of thing: its programs before their episodes.
    const programsFirst =
      Object.keys(interpretation?.filters ?? {}).length > 0 &&
      interpretation?.filters.type !== 'episode' &&
      effective.sort === 'relevance'

    const durationSparePrograms =
      params.minDuration === undefined &&
      params.maxDuration === undefined &&
      (effective.minDuration !== undefined || effective.maxDuration !== undefined)

    const run = (relaxed: boolean, asTyped = false) =>
      this.backend.search<Source>(
        'search',
        asTyped
          ? buildSearchRequest(
              { ...params, limit: params.limit + 1 },
              after as estypes.FieldValue[] | undefined,
              {
                units: expandSynonyms(raw, rules.synonyms, params.locale),
                relaxed,
                exclude: pinnedIds,
              },
            )
          : buildSearchRequest(
              { ...effective, limit: params.limit + 1 },
              after as estypes.FieldValue[] | undefined,
              { units, relaxed, exclude: pinnedIds, programsFirst, durationSparePrograms },
            ),
      )
    const [strict, pinned, rescued] = await Promise.all([
      run(false),
      this.pinned(pinnedIds, params),
      rescue
        ? this.backend.search<Source>('lookup', buildExactTitleRequest(raw, params))
        : undefined,
    ])
    let response = strict
    let relaxed = false
    if (
      text &&
      totalOf(strict) === 0 &&
      relaxedMinimum(units?.length ?? 0) < (units?.length ?? 0)
    ) {
      const loose = await run(true)
      if (totalOf(loose) > 0) {
        response = loose
        relaxed = true
      }
    }
    // Still nothing, and words were read as filters: the words as typed, every one of them and
    // then most of them, without the filters read from them ("short" may be shorter than anything
    // there is). Explicit parameters still apply.
    if (totalOf(response) === 0 && interpretation?.spans.length) {
      for (const loosely of [false, true]) {
        const typed = await run(loosely, true)
        if (totalOf(typed) > 0) {
          response = typed
          relaxed = true
          break
        }
      }
    }
    const total = totalOf(response) + pinned.length
    const didYouMean =
      text && totalOf(strict) === 0 && firstPage ? await this.didYouMean(text, effective) : null

    const names = await this.categoryNames()
    const ranked = (response.hits.hits as Hit[]).slice(0, params.limit)
    const more = response.hits.hits.length > params.limit
    const last = ranked[ranked.length - 1]
    const firstHits: Hit[] = [...((rescued?.hits.hits as Hit[] | undefined) ?? [])]
    const shownFirst = new Set([...pinned.map((hit) => hit._id), ...firstHits.map((h) => h._id)])
    const toResult = (hit: Hit, promoted = false) => ({
      ...toItem(sourceOf(hit), params.locale),
      highlights: toHighlights(hit.highlight, params.locale),
      ...(promoted ? { promoted: true as const } : {}),
    })
    const rescuedHits = firstHits.filter((hit) => !pinned.some((p) => p._id === hit._id))
    const results = [
      ...(firstPage ? pinned.map((hit) => toResult(hit, true)) : []),
      ...rescuedHits.map((hit) => toResult(hit)),
      ...ranked.filter((hit) => !shownFirst.has(hit._id)).map((hit) => toResult(hit)),
    ]
    const change = nextPromotionChange(
      rules.promotions.filter((p) => p.query && normalised.includes(p.query)),
      now,
    )
    return {
      response: {
        results,
        facets: toFacets(response.aggregations as Record<string, unknown>, names, params.locale),
        total,
        nextCursor:
          more && last?.sort
            ? encodeCursor(this.cursorSecret, last.sort as (string | number)[], fingerprint)
            : null,
        didYouMean,
        relaxed,
        interpretation: appliedInterpretation(params, interpretation),
        took: response.took,
      },
      ...(change !== null ? { ttlMs: Math.max(1000, change - now) } : {}),
      why: {
        effective,
        synonyms: (units ?? []).filter((unit) => unit.synonym).map((unit) => unit.synonym!),
        promotions: promotions.map((p) => p.id),
        promoted: pinned.map((hit) => hit._id!),
        exactTitle: rescuedHits.map((hit) => hit._id!),
        scores: Object.fromEntries(
          [...pinned, ...rescuedHits, ...ranked].map((hit) => [
            hit._id!,
            {
              score: hit._score ?? null,
              matchedFields: Object.keys(hit.highlight ?? {}),
            },
          ]),
        ),
      },
    }
  }

  /** Pinned items that are public (in the index) and within the explicit filters, in order. */
  private async pinned(ids: string[], params: SearchParams): Promise<Hit[]> {
    if (!ids.length) return []
    const response = await this.backend.search<Source>('lookup', buildPinnedRequest(ids, params))
    const found = new Map((response.hits.hits as Hit[]).map((hit) => [hit._id, hit]))
    return ids.map((id) => found.get(id)).filter((hit): hit is Hit => hit !== undefined)
  }

  /** A corrected query, offered only when it finds something within the same filters. */
  private async didYouMean(q: string, params: SearchParams): Promise<string | null> {
    const response = await this.backend.search('didYouMean', buildDidYouMeanRequest(q))
    const options = Object.values(response.suggest ?? {})
      .flatMap((entries) => entries.flatMap((entry) => entry.options))
      .map((option) => option as { text: string; score: number })
      .sort((a, b) => b.score - a.score)
    const seen = new Set([foldForPrefix(q)])
    const candidates: string[] = []
    for (const { text } of options) {
      if (seen.has(foldForPrefix(text))) continue
      seen.add(foldForPrefix(text))
      candidates.push(text)
      if (candidates.length === MAX_DID_YOU_MEAN_CHECKS) break
    }
    // Each candidate costs one count query (size 0, counting stops at the first hit), all at
    // once, and only on a search that found nothing; the best-scored one that finds something wins.
    const checks = await Promise.all(
      candidates.map((text) =>
        this.backend.search('didYouMean', buildHasResultsRequest({ ...params, q: text })),
      ),
    )
    return candidates.find((_, index) => totalOf(checks[index]!) > 0) ?? null
  }

  /** Category names in every locale, for the interpretation (refreshed with the category list). */
  private async vocabulary(): Promise<Vocabulary> {
    const entries = await this.categoryList()
    // One object per category list: the parser prepares a vocabulary once per object (WeakMap),
    // which costs milliseconds, so a new object per request would pay that on every search.
    let vocabulary = this.vocabularies.get(entries)
    if (!vocabulary) {
      vocabulary = {
        categories: entries.map((category) => ({
          slug: category.slug,
          names: Object.values(category.name).filter((name): name is string => Boolean(name)),
        })),
      }
      this.vocabularies.set(entries, vocabulary)
    }
    return vocabulary
  }

  private readonly vocabularies = new WeakMap<object, Vocabulary>()

  /** Forget cached search rules (after a synonym or promotion change). */
  forgetRules(): void {
    this.rules.forget()
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
    const response = await this.backend.search<Source>(
      'suggest',
      buildSuggestRequest(q, limit - categoryMatches.length),
    )
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
    const response = await this.backend.search<Source>('search', buildFeaturedRequest(now, limit))
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
    const recent = await this.backend.search<Source>('search', buildRecentEpisodesRequest(limit))
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
    const response = await this.backend.search<Source>('lookup', buildByIdsRequest(ids))
    return new Map((response.hits.hits as Hit[]).map((hit) => [hit._id!, sourceOf(hit)]))
  }

  // -- categories ------------------------------------------------------------------------------

  async categoriesWithCounts({ locale }: CategoriesParams) {
    const [list, response] = await Promise.all([
      this.categoryList(),
      this.backend.search('aggregate', buildCategoryCountsRequest()),
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
      collection: slugOf(this.payload, 'categories'),
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
    const response = await this.backend.search<Source>('lookup', buildProgramBySlugRequest(slug))
    const hit = (response.hits.hits as Hit[])[0]
    if (!hit) throw new ApiError(404, 'not_found', `No published program with slug "${slug}".`)
    return sourceOf(hit)
  }

  async program(slug: string, { locale, limit, cursor }: ProgramParams) {
    const fingerprint = queryFingerprint(['program-episodes', slug])
    const after = cursor ? decodeCursor(this.cursorSecret, cursor, fingerprint) : undefined
    const [program, episodes] = await Promise.all([
      this.programBySlug(slug),
      this.backend.search<Source>(
        'search',
        buildProgramEpisodesRequest(slug, limit + 1, after as estypes.FieldValue[] | undefined),
      ),
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

  /**
   * Programs like this one. Shared categories weigh most (each one shared adds the same fixed
   * amount, so sharing two beats sharing one whatever the words), then the same language, then
   * text similarity (more_like_this over titles, summaries and descriptions) orders within those.
   */
  async related(slug: string, { locale, limit }: RelatedParams) {
    const program = await this.programBySlug(slug)
    const response = await this.backend.search<Source>(
      'related',
      buildRelatedRequest({
        id: `program:${program.docId}`,
        type: 'program',
        categories: (program.categories ?? []).map((category) => category.slug),
        language: program.language ?? null,
        format: program.format ?? null,
        size: limit,
      }),
    )
    return { results: (response.hits.hits as Hit[]).map((hit) => toItem(sourceOf(hit), locale)) }
  }

  /**
   * Episodes like this one: shared categories, the same program, the same language, similar
   * words; diversified, at most MAX_RELATED_PER_PROGRAM from any one program, so the list is not
   * just the next episodes of the same program.
   */
  async relatedEpisodes(idOrSlug: string, { locale, limit, program }: RelatedEpisodesParams) {
    const episode = await this.episodeSource(idOrSlug, program)
    const response = await this.backend.search<Source>(
      'related',
      buildRelatedRequest({
        id: `episode:${episode.docId}`,
        type: 'episode',
        categories: (episode.categories ?? []).map((category) => category.slug),
        language: episode.language ?? null,
        format: episode.format ?? null,
        programId: episode.program?.docId ?? null,
        // Enough candidates to fill the list after diversification.
        size: Math.min(100, limit * 6),
      }),
    )
    const perProgram = new Map<string, number>()
    const results: CatalogueItem[] = []
    for (const hit of response.hits.hits as Hit[]) {
      const source = sourceOf(hit)
      const key = String(source.program?.docId ?? hit._id)
      const seen = perProgram.get(key) ?? 0
      if (seen >= MAX_RELATED_PER_PROGRAM) continue
      perProgram.set(key, seen + 1)
      results.push(toItem(source, locale))
      if (results.length >= limit) break
    }
    return { results }
  }

  private async episodeSource(idOrSlug: string, program?: string): Promise<Source> {
    const typed = TYPED_ID.exec(idOrSlug)
    if (typed && typed[1] !== 'episode') {
      throw new ApiError(404, 'not_found', `${idOrSlug} is not an episode id.`)
    }
    const response = await this.backend.search<Source>(
      'lookup',
      buildEpisodeRequest(idOrSlug, { typedId: Boolean(typed), programSlug: program }),
    )
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
    return sourceOf(hits[0]!)
  }

  async episode(
    idOrSlug: string,
    { locale, program }: EpisodeParams,
  ): Promise<{ episode: CatalogueItem }> {
    return { episode: toItem(await this.episodeSource(idOrSlug, program), locale, 'hero') }
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
