/**
 * The judged relevance set (bench/relevance/judged-queries.json): its shape, and a check of every
 * judgment against the deterministic demo catalogue. Pure (the catalogue is passed in), so the unit
 * suite checks the file without services (tests/unit/relevance.test.ts) and the benchmark refuses
 * to score a set that names an item the index cannot hold.
 */
import type { SeedCatalogue } from '../../scripts/seed/catalogue'
import type { Judgments } from './relevanceScore'

export const GROUPS = [
  'title',
  'title-variant',
  'category',
  'multi-field',
  'natural-language',
  'typo',
  'synonym',
  'no-match',
] as const
export type Group = (typeof GROUPS)[number]

export interface JudgedQuery {
  id: string
  group: Group
  /** Language of the query; it is also the `locale` it is sent with. */
  language: 'en' | 'ar'
  q: string
  note?: string
  judgments: Judgments
}

export interface SynonymRule {
  terms: string[]
  oneWay: boolean
  locale: 'en' | 'ar' | 'both'
}

export interface JudgedSet {
  about: string
  synonymRules: SynonymRule[]
  queries: JudgedQuery[]
}

/** Key of an indexed item in judgments and results: `program` or `program/episode` slugs. */
export function itemKey(item: {
  type: string
  slug: string | null
  program?: { slug: string | null } | null
}): string {
  return item.type === 'episode' ? `${item.program?.slug ?? '?'}/${item.slug}` : `${item.slug}`
}

/**
 * Keys of everything the public index holds at `now`: published programs already due, and their
 * published, due episodes (drafts and scheduled items are never indexed).
 */
export function publicKeys(catalogue: SeedCatalogue, now: Date): Set<string> {
  const due = (status: string, at: string) => status === 'published' && Date.parse(at) <= +now
  const keys = new Set<string>()
  for (const program of catalogue.programs) {
    if (!due(program.status, program.publishedAt)) continue
    keys.add(program.slug)
    for (const episode of program.episodes) {
      if (due(episode.status, episode.publishedAt)) keys.add(`${program.slug}/${episode.slug}`)
    }
  }
  return keys
}

/** Every problem of the set, as sentences; empty when it can be scored. */
export function validateJudgedSet(set: JudgedSet, catalogue: SeedCatalogue, now: Date): string[] {
  const problems: string[] = []
  const known = publicKeys(catalogue, now)
  const ids = new Set<string>()
  for (const query of set.queries) {
    const name = query.id || JSON.stringify(query.q)
    if (ids.has(query.id)) problems.push(`${name}: duplicate id`)
    ids.add(query.id)
    if (!GROUPS.includes(query.group)) problems.push(`${name}: unknown group ${query.group}`)
    if (query.language !== 'en' && query.language !== 'ar')
      problems.push(`${name}: language must be en or ar`)
    if (!query.q.trim()) problems.push(`${name}: empty query`)
    const entries = Object.entries(query.judgments)
    if (query.group === 'no-match' && entries.length)
      problems.push(`${name}: a no-match query has no judgments`)
    if (query.group !== 'no-match' && !entries.some(([, grade]) => grade > 0))
      problems.push(`${name}: no positive judgment`)
    for (const [key, grade] of entries) {
      if (![1, 2, 3].includes(grade)) problems.push(`${name}: ${key} has grade ${grade} (1-3)`)
      if (!known.has(key))
        problems.push(`${name}: ${key} is not a public item of the demo catalogue`)
    }
  }
  return problems
}
