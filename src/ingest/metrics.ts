import { counter, histogram } from '../observability/metrics'
import type { ImportResult } from './importFeed'

export const ingestRuns = counter({
  name: 'ingest_runs_total',
  help: 'Feed fetch-and-import runs by outcome (imported, not-modified, failed).',
  labelNames: ['outcome'] as const,
})

export const ingestRunDuration = histogram({
  name: 'ingest_run_duration_seconds',
  help: 'Duration of one feed fetch-and-import run, in seconds, by outcome.',
  labelNames: ['outcome'] as const,
  buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
})

export const ingestItems = counter({
  name: 'ingest_items_total',
  help: 'Feed items handled by imports: created, updated, unchanged or skipped.',
  labelNames: ['result'] as const,
})

/** Counts one run (and its items, when it imported). */
export function recordIngestRun(
  outcome: { status: 'imported'; result: ImportResult } | { status: 'not-modified' | 'failed' },
  seconds: number,
): void {
  ingestRuns.inc({ outcome: outcome.status })
  ingestRunDuration.observe({ outcome: outcome.status }, seconds)
  if (outcome.status !== 'imported') return
  const { created, updated, unchanged, skipped } = outcome.result
  ingestItems.inc({ result: 'created' }, created)
  ingestItems.inc({ result: 'updated' }, updated)
  ingestItems.inc({ result: 'unchanged' }, unchanged)
  ingestItems.inc(
    { result: 'skipped' },
    Object.values(skipped).reduce((sum, n) => sum + n, 0),
  )
}
