/**
 * Editors' search rules (synonyms and promotions), read from Postgres and kept in process.
 *
 * Reloaded at most every RULES_REFRESH_MS, and at once when the catalogue generation changes
 * (a rule's save bumps it on every instance, src/hooks/refreshDiscoveryAfterSearchRuleChange.ts):
 * a change takes effect within seconds, without a database read per query.
 */
import type { Payload } from 'payload'

import { slugOf } from '../lib/catalogueSlugs'
import type { Locale } from '../search/locales'
import { normaliseQuery } from './query/fold'
import type { SynonymRule } from './query/synonyms'

const RULES_REFRESH_MS = 30_000

export interface Promotion {
  id: number
  /** Normalised (see `normaliseQuery`). */
  query: string
  match: 'exact' | 'contains'
  /** Typed ids, in the editor's order. */
  items: string[]
  startsAt: number | null
  endsAt: number | null
}

export interface SearchRules {
  synonyms: SynonymRule[]
  promotions: Promotion[]
}

const EMPTY: SearchRules = { synonyms: [], promotions: [] }

/** Whether a promotion applies to a normalised query now. */
export function promotionApplies(promotion: Promotion, query: string, now: number): boolean {
  if (promotion.startsAt !== null && now < promotion.startsAt) return false
  if (promotion.endsAt !== null && now >= promotion.endsAt) return false
  if (!promotion.query) return false
  if (promotion.match === 'exact') return query === promotion.query
  return ` ${query} `.includes(` ${promotion.query} `)
}

/** The next instant (ms) a promotion of this query starts or ends: cached answers expire then. */
export function nextPromotionChange(promotions: Promotion[], now: number): number | null {
  const times = promotions
    .flatMap((p) => [p.startsAt, p.endsAt])
    .filter((t): t is number => t !== null && t > now)
  return times.length ? Math.min(...times) : null
}

const time = (value: unknown) => (value ? Date.parse(String(value)) || null : null)

export class SearchRulesCache {
  private cached: { at: number; rules: SearchRules } | undefined
  private loading: Promise<SearchRules> | undefined

  constructor(private readonly payload: Payload) {}

  async get(): Promise<SearchRules> {
    const cached = this.cached
    if (cached && Date.now() - cached.at < RULES_REFRESH_MS) return cached.rules
    this.loading ??= this.load()
      .then((rules) => {
        this.cached = { at: Date.now(), rules }
        return rules
      })
      .catch((error: unknown) => {
        // Postgres trouble must not take search down: the last rules, or none.
        this.payload.logger.warn({ err: error }, 'discovery: could not load search rules')
        return cached?.rules ?? EMPTY
      })
      .finally(() => {
        this.loading = undefined
      })
    return this.loading
  }

  forget(): void {
    this.cached = undefined
  }

  private async load(): Promise<SearchRules> {
    const common = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const
    const [synonyms, promotions] = await Promise.all([
      this.payload.find({ collection: 'search-synonyms', ...common }),
      this.payload.find({ collection: 'search-promotions', ...common }),
    ])
    return {
      synonyms: synonyms.docs.map((doc) => ({
        terms: (doc.terms ?? []).filter((term): term is string => Boolean(term?.trim())),
        oneWay: Boolean(doc.oneWay),
        locale: (doc.locale ?? 'both') as Locale | 'both',
      })),
      promotions: promotions.docs.map((doc) => ({
        id: doc.id,
        query: normaliseQuery(doc.query ?? ''),
        match: doc.match === 'contains' ? 'contains' : 'exact',
        items: (doc.items ?? []).map((item) => {
          const id = typeof item.value === 'object' ? item.value.id : item.value
          return `${item.relationTo === slugOf(this.payload, 'programs') ? 'program' : 'episode'}:${id}`
        }),
        startsAt: time(doc.startsAt),
        endsAt: time(doc.endsAt),
      })),
    }
  }
}
