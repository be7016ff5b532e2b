/**
 * Which metrics a PromQL expression reads, and which label names it matches on each. Enough of
 * PromQL for our dashboards and alert rules (selectors, functions, aggregations with by/without,
 * binary operators, ranges, offsets); it is not a validator.
 */
export interface Selector {
  metric: string
  labels: string[]
}

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
])

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y

export function selectors(expression: string): Selector[] {
  const found: Selector[] = []
  const text = expression
    // Label values and Grafana variables never name a metric.
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\$\{?[a-zA-Z_]+\}?/g, '')
    // Range and subquery brackets: [5m], [1h:1m].
    .replace(/\[[^\]]*\]/g, '')
    // Grouping clauses list labels, not metrics.
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '$1')
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    // Numbers, including 1e-9, 0x1f and durations after `offset`.
    if (/[0-9.]/.test(char)) {
      const number = /[0-9.]+(?:[eE][+-]?\d+)?[a-zA-Z]*/y
      number.lastIndex = index
      number.exec(text)
      index = number.lastIndex
      continue
    }
    NAME.lastIndex = index
    const match = NAME.exec(text)
    if (!match) {
      index++
      continue
    }
    const name = match[0]
    index = NAME.lastIndex
    const rest = text.slice(index).trimStart()
    // A function call, an aggregation (`sum by (x) (...)`) or a keyword.
    if (/^(\(|by\b|without\b)/.test(rest) || KEYWORDS.has(name.toLowerCase())) continue
    let labels: string[] = []
    if (rest.startsWith('{')) {
      const close = text.indexOf('}', index)
      labels = [
        ...text
          .slice(text.indexOf('{', index) + 1, close)
          .matchAll(/([a-zA-Z_]\w*)\s*(=~|!~|!=|=)/g),
      ].map((m) => m[1]!)
      index = close + 1
    }
    found.push({ metric: name, labels })
  }
  return found
}

/** Metric names an exposition (the text /metrics serves) declares, with histogram series names. */
export function exportedNames(exposition: string): Set<string> {
  const names = new Set<string>()
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name!)
    if (type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix)
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix)
  }
  return names
}
