/**
 * Scoring of the judged relevance set. Pure: no I/O, unit-tested (tests/unit/relevance.test.ts).
 *
 * nDCG@k with graded judgments (3 perfect, 2 relevant, 1 marginal, unjudged 0), the exponential
 * gain of Järvelin & Kekäläinen as used by TREC and most search teams: gain 2^grade − 1, discounted
 * by log2(rank + 1). The ideal ordering is every judged item sorted by grade, so a query whose
 * relevant items are missing from the results is penalised even when what it shows is good.
 */

/** Grade per item key (`program-slug` or `program-slug/episode-slug`). */
export type Judgments = Record<string, number>

export const gain = (grade: number): number => 2 ** grade - 1

/** Discounted cumulative gain of grades in ranked order (rank 1 first), cut at `k`. */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0
  grades.slice(0, k).forEach((grade, index) => {
    sum += gain(grade) / Math.log2(index + 2)
  })
  return sum
}

/**
 * nDCG@k of a ranked result list against the judgments. A result listed twice counts once (the
 * first time). A query without any positive judgment has no ideal ordering: it is not scored here
 * (see `noMatchScore` for queries that should find nothing).
 */
export function ndcg(resultKeys: readonly string[], judgments: Judgments, k = 10): number {
  const ideal = Object.values(judgments)
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
  const best = dcg(ideal, k)
  if (best === 0) throw new Error('nDCG needs at least one positive judgment')
  const seen = new Set<string>()
  const grades = resultKeys.map((key) => {
    if (seen.has(key)) return 0
    seen.add(key)
    return judgments[key] ?? 0
  })
  return dcg(grades, k) / best
}

/** A query that should find nothing scores 1 when it returns nothing, else 0. */
export const noMatchScore = (total: number): number => (total === 0 ? 1 : 0)

/** Share of judged items found in the first k results (recall@k), ignoring order. */
export function recall(resultKeys: readonly string[], judgments: Judgments, k = 10): number {
  const relevant = Object.entries(judgments).filter(([, grade]) => grade > 0)
  if (!relevant.length) return 0
  const top = new Set(resultKeys.slice(0, k))
  return relevant.filter(([key]) => top.has(key)).length / relevant.length
}

export interface Summary {
  queries: number
  ndcg: number
  zeroResults: number
}

const round = (value: number) => Math.round(value * 1000) / 1000

/** Mean nDCG and zero-result count of scored queries, per value of `keyOf` and overall. */
export function summarise<T extends { ndcg: number; total: number }>(
  rows: readonly T[],
  keyOf: (row: T) => string,
): Record<string, Summary> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const key = keyOf(row)
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, group]) => [key, summary(group)]),
  )
}

export function summary(rows: readonly { ndcg: number; total: number }[]): Summary {
  return {
    queries: rows.length,
    ndcg: rows.length ? round(rows.reduce((sum, row) => sum + row.ndcg, 0) / rows.length) : 0,
    zeroResults: rows.filter((row) => row.total === 0).length,
  }
}
