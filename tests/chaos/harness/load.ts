/** Traffic for the chaos scenarios, and the figures they report. */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ROOT } from '../../../scripts/lib/paths'

export interface Outcome {
  kind: string
  status: number
  ms: number
  /** When it was sent, in ms since the run started. */
  at: number
}

/**
 * Runs `send` from `concurrency` loops until `stop()` says so (checked before each request);
 * every outcome is kept. A request that throws counts as status 0.
 */
export async function drive(
  concurrency: number,
  stop: () => boolean,
  send: (i: number) => Promise<{ kind: string; status: number }>,
  startedAt = Date.now(),
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!stop()) {
        const i = next++
        const at = Date.now()
        const result = await send(i).catch(() => ({ kind: 'error', status: 0 }))
        outcomes.push({ ...result, ms: Date.now() - at, at: at - startedAt })
      }
    }),
  )
  return outcomes
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Requests, errors and latency of some outcomes. */
export function summary(outcomes: Outcome[], isError: (o: Outcome) => boolean) {
  const ms = outcomes.map((o) => o.ms)
  return {
    requests: outcomes.length,
    errors: outcomes.filter(isError).length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    p99Ms: percentile(ms, 99),
    maxMs: Math.max(0, ...ms),
  }
}

/** Writes a scenario's figures to .cache/chaos/<name>.json and prints them. */
export function report(name: string, figures: Record<string, unknown>): void {
  const dir = path.join(ROOT, '.cache', 'chaos')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`)
  console.log(`chaos ${name}: ${JSON.stringify(figures, null, 2)}`)
}
