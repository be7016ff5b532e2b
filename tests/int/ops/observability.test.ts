/**
 * The dashboards and alert rules in ops/ only work if every metric they read exists: this reads
 * every PromQL expression in them and checks each metric against what a real web instance and a
 * real worker export, and each label it matches on against the labels the metric has.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

import { ROOT } from '../../../scripts/lib/paths'
import { freePort } from '../../../scripts/lib/spawnServer'
import { registry } from '../../../src/observability/metrics'
import { registerJobMetrics } from '../../../src/jobs/metrics'
import { baseUrl } from '../helpers/http'
import { testPayload } from '../helpers/payload'
import { exportedNames, selectors } from '../helpers/promql'
import { until } from '../helpers/until'
import { spawnWorker, type SpawnedWorker } from '../helpers/worker'

// Modules that define the app's metrics, imported so their label names can be read below.
import '../../../src/discovery/metrics'
import '../../../src/ingest/metrics'
import '../../../src/media/metrics'
import '../../../src/ratelimit/limiters'

interface Rule {
  alert: string
  expr: string
  for?: string
  labels: Record<string, string>
  annotations: Record<string, string>
}

const OPS = path.join(ROOT, 'ops')
const rules: Rule[] = (
  parse(readFileSync(path.join(OPS, 'prometheus/alerts.yml'), 'utf8')) as {
    groups: { name: string; rules: Rule[] }[]
  }
).groups.flatMap((group) => group.rules)

interface Panel {
  title: string
  type: string
  targets?: { expr: string }[]
}
const dashboards = readdirSync(path.join(OPS, 'grafana'))
  .filter((file) => file.endsWith('.json'))
  .map(
    (file) =>
      JSON.parse(readFileSync(path.join(OPS, 'grafana', file), 'utf8')) as {
        uid: string
        panels: Panel[]
        templating?: { list: { name: string; type: string; query?: unknown }[] }
      },
  )
const panels = dashboards.flatMap((dashboard) => dashboard.panels)

/** Grafana's `label_values(<selector>, <label>)`: the selector is PromQL too. */
const variableSelectors = dashboards.flatMap((dashboard) =>
  (dashboard.templating?.list ?? [])
    .filter((variable) => variable.type === 'query')
    .map((variable) => ({
      where: `variable $${variable.name}`,
      expr: /^label_values\((.+),\s*\w+\)$/.exec(String(variable.query))?.[1] ?? '',
    })),
)

const expressions = [
  ...rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
  ...panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr })),
  ),
  ...variableSelectors,
]

/** Series Prometheus itself adds to every target, and the labels it attaches when scraping. */
const SCRAPE_SERIES = new Set(['up'])
const TARGET_LABELS = new Set(['job', 'instance'])
const BUILT_IN_LABELS = new Set(['le', 'quantile'])

const metricsToken = () => process.env.METRICS_TOKEN ?? ''
let worker: SpawnedWorker | undefined
let workerPort: number

async function scrape(url: string): Promise<string> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${metricsToken()}` } })
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

beforeAll(async () => {
  // The job gauges' definitions (queue label), as every web instance and worker registers them.
  registerJobMetrics(await testPayload())
  // The worker runs on the run's database, as the other tests' workers do, while this file runs;
  // its own key prefix keeps its orphan sweep away from the suite's files.
  workerPort = await freePort()
  worker = await spawnWorker(
    { S3_PREFIX: 'ops-worker', WORKER_METRICS_PORT: String(workerPort), LOG_LEVEL: 'warn' },
    'ops-worker',
  )
  await until(
    `the worker serves /healthz (its log: ${worker.logFile})`,
    async () =>
      (await fetch(`http://127.0.0.1:${workerPort}/healthz`).catch(() => null))?.ok || undefined,
    // A worker loads the whole tree through tsx: minutes on a busy two-core machine (it once took
    // over two in a run beside other builds).
    540_000,
    250,
  )
}, 600_000)

afterAll(() => worker?.stop(), 60_000)

describe('alert rules', () => {
  it('cover error rate, latency, cache, sync lag, failed jobs, the breaker and ingestion', () => {
    const signals = new Set(rules.map((rule) => rule.labels.signal))
    for (const signal of [
      'error-rate',
      'latency',
      'cache',
      'sync-lag',
      'failed-jobs',
      'breaker',
      'ingestion',
    ]) {
      expect([signal, signals.has(signal)]).toEqual([signal, true])
    }
  })

  it('each have a unique name, a severity and a summary', () => {
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length)
    for (const rule of rules) {
      expect([rule.alert, rule.labels.severity]).toEqual([
        rule.alert,
        expect.stringMatching(/^(page|ticket)$/),
      ])
      expect(rule.annotations.summary).toBeTruthy()
    }
  })
})

describe('dashboard', () => {
  it('has a query on every panel', () => {
    expect(dashboards.length).toBeGreaterThan(0)
    const empty = panels.filter((panel) => panel.type !== 'row' && !panel.targets?.length)
    expect(empty.map((panel) => panel.title)).toEqual([])
  })
})

describe('every metric in ops/ is exported', () => {
  it('by a web instance or a worker, with the labels the queries match on', async () => {
    const host = await scrape(`${baseUrl()}/metrics`)
    const work = await scrape(`http://127.0.0.1:${workerPort}/metrics`)
    const exported = new Set([...exportedNames(host), ...exportedNames(work)])
    // Label names: from the samples instances export, and from the metrics' own definitions.
    const labelsOf = (metric: string): Set<string> => {
      const base = metric.replace(/_(bucket|sum|count)$/, '')
      const labels = new Set<string>()
      const definition = registry.getSingleMetric(base) ?? registry.getSingleMetric(metric)
      for (const name of (definition as { labelNames?: string[] } | undefined)?.labelNames ?? [])
        labels.add(name)
      const sample = new RegExp(`^${metric}\\{([^}]*)\\}`, 'gm')
      for (const text of [host, work])
        for (const [, inner] of text.matchAll(sample))
          for (const [, label] of inner!.matchAll(/(\w+)="/g)) labels.add(label!)
      return labels
    }

    const problems: string[] = []
    for (const { where, expr } of expressions) {
      const found = selectors(expr)
      if (found.length === 0) problems.push(`${where}: reads no metric`)
      for (const { metric, labels } of found) {
        if (SCRAPE_SERIES.has(metric)) continue
        if (!exported.has(metric)) {
          problems.push(`${where}: ${metric} is not exported`)
          continue
        }
        const known = labelsOf(metric)
        for (const label of labels) {
          if (!known.has(label) && !TARGET_LABELS.has(label) && !BUILT_IN_LABELS.has(label))
            problems.push(`${where}: ${metric} has no label "${label}"`)
        }
      }
    }
    expect(problems).toEqual([])
    // The check itself reads the expressions: it saw the metrics the alerts are about.
    const seen = new Set(expressions.flatMap(({ expr }) => selectors(expr).map((s) => s.metric)))
    for (const metric of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'discovery_cache_requests_total',
      'jobs_oldest_pending_age_seconds',
      'jobs_failed',
      'discovery_search_breaker_state',
      'ingest_runs_total',
    ])
      expect([metric, seen.has(metric)]).toEqual([metric, true])
  })

  it('the worker answers its liveness probe', async () => {
    const response = await fetch(`http://127.0.0.1:${workerPort}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })
})
