import {
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
  collectDefaultMetrics,
} from 'prom-client'

const REGISTRY = Symbol.for('mediamesh.metrics.registry')

/**
 * The process's Prometheus registry, kept on `globalThis`: Next bundles its own copy of the modules
 * payload.config.ts imports (hooks, plugins), and metrics those copies record must land in the
 * same registry that /metrics serves.
 */
function processRegistry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry }
  if (!holder[REGISTRY]) {
    const created = new Registry()
    collectDefaultMetrics({ register: created })
    holder[REGISTRY] = created
  }
  return holder[REGISTRY]
}

export const registry = processRegistry()

/** A counter in the process registry; a second module copy gets the first one's counter. */
export function counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
  const existing = registry.getSingleMetric(config.name)
  return (existing as Counter<T> | undefined) ?? new Counter({ ...config, registers: [registry] })
}

export function histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
  const existing = registry.getSingleMetric(config.name)
  return (
    (existing as Histogram<T> | undefined) ?? new Histogram({ ...config, registers: [registry] })
  )
}

export function gauge<T extends string>(config: GaugeConfiguration<T>): Gauge<T> {
  const existing = registry.getSingleMetric(config.name)
  return (existing as Gauge<T> | undefined) ?? new Gauge({ ...config, registers: [registry] })
}

export const httpRequestsTotal = counter({
  name: 'http_requests_total',
  help: 'HTTP requests handled, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
})

export const httpRequestDuration = histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  // Dense below 200 ms, where the latency objective lives.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5, 5, 10],
})
