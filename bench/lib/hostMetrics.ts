/** Figures read from a host's /metrics between benchmark phases. */

/** The bearer token the benchmarks' hosts are started with. */
export const METRICS_TOKEN = 'bench-metrics-token-0123456789'

export async function scrape(origin: string): Promise<string> {
  const response = await fetch(`${origin}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  })
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`)
  return response.text()
}

/** The host's V8 heap and off-heap memory, from its default Node metrics, in MiB. */
export async function heapOf(origin: string) {
  const text = await scrape(origin)
  const mib = (name: string) =>
    Math.round(Number(new RegExp(`^${name} ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? 0) / 2 ** 20)
  return {
    v8HeapUsedMiB: mib('nodejs_heap_size_used_bytes'),
    v8HeapTotalMiB: mib('nodejs_heap_size_total_bytes'),
    externalMiB: mib('nodejs_external_memory_bytes'),
  }
}

/** Discovery counters from the host's /metrics: diffs between phases say what each one did. */
export async function discoveryCounters(origin: string) {
  const text = await scrape(origin)
  const totals = {
    memoryHits: 0,
    memoryMisses: 0,
    redisHits: 0,
    redisMisses: 0,
    elasticsearchRequests: 0,
    elasticsearchErrors: 0,
    rateLimited: 0,
  }
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line)
    if (!match) continue
    const [, name, labels = '', raw] = match
    const value = Number(raw)
    const has = (label: string) => labels.includes(label)
    if (name === 'discovery_cache_requests_total') {
      const memory = has('level="memory"')
      if (has('result="hit"')) totals[memory ? 'memoryHits' : 'redisHits'] += value
      if (has('result="miss"')) totals[memory ? 'memoryMisses' : 'redisMisses'] += value
    }
    if (name === 'discovery_search_duration_seconds_count') totals.elasticsearchRequests += value
    if (name === 'discovery_search_errors_total') totals.elasticsearchErrors += value
    if (name === 'rate_limit_rejections_total') totals.rateLimited += value
  }
  return totals
}

export type Counters = Awaited<ReturnType<typeof discoveryCounters>>

export const difference = (after: Counters, before: Counters): Counters =>
  Object.fromEntries(
    Object.entries(after).map(([key, value]) => [key, value - before[key as keyof Counters]]),
  ) as Counters
