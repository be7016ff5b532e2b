import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * The process's Prometheus registry. Subsystems register their own metrics here (for example
 * `registry.registerMetric(...)` or `new Counter({ ..., registers: [registry] })`).
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

export const httpRequestsTotal = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests handled, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  // Dense below 200 ms, where the latency objective lives.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})
