/**
 * Readiness: is this instance able to serve? Each dependency reports ok / degraded / down. Only a
 * critical dependency (Postgres) makes the instance not ready; optional ones (search, cache) may be
 * degraded while the instance keeps serving with reduced features.
 */
export type DependencyStatus = 'ok' | 'degraded' | 'down'

export interface DependencyCheck {
  name: string
  /** A critical dependency that fails makes the instance not ready (503). */
  critical: boolean
  /** Resolves when healthy; rejects (or exceeds the timeout) otherwise. */
  check: () => Promise<void>
}

export interface DependencyReport {
  status: DependencyStatus
  latencyMs: number
  error?: string
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready'
  checks: Record<string, DependencyReport>
}

const CHECK_TIMEOUT_MS = 2000

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export async function checkReadiness(
  checks: DependencyCheck[],
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async ({ name, critical, check }) => {
      const started = performance.now()
      try {
        await withTimeout(check(), timeoutMs)
        return [name, { status: 'ok', latencyMs: elapsed(started) }] as const
      } catch (error) {
        const report: DependencyReport = {
          status: critical ? 'down' : 'degraded',
          latencyMs: elapsed(started),
          error: error instanceof Error ? error.message : String(error),
        }
        return [name, report] as const
      }
    }),
  )
  const ready = results.every(([, report]) => report.status !== 'down')
  return { status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10
}
