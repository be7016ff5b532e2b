import { describe, expect, it } from '@jest/globals'

import { exportedNames, selectors } from '../int/helpers/promql'

describe('selectors', () => {
  it('finds metrics inside functions and aggregations, not the functions or grouping labels', () => {
    expect(
      selectors(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route=~"/discovery/.*", status!="429"}[$__rate_interval])))',
      ),
    ).toEqual([{ metric: 'http_request_duration_seconds_bucket', labels: ['route', 'status'] }])
  })

  it('handles binary operators, numbers, offsets and keywords', () => {
    expect(
      selectors(
        'sum(rate(a_total{x="1"}[5m])) / clamp_min(sum(rate(b_total[5m] offset 1h)), 1e-9) > 0.5 and on (queue) c == 2',
      ).map((s) => s.metric),
    ).toEqual(['a_total', 'b_total', 'c'])
  })

  it('ignores metric-like words inside label values', () => {
    expect(selectors('up{job="not_a_metric_total"} == 0')).toEqual([
      { metric: 'up', labels: ['job'] },
    ])
  })
})

describe('exportedNames', () => {
  it('declares histogram series and plain names from TYPE lines', () => {
    const names = exportedNames(
      '# HELP h x\n# TYPE h histogram\n# HELP c x\n# TYPE c counter\nc{a="1"} 2\n',
    )
    expect([...names].sort()).toEqual(['c', 'h', 'h_bucket', 'h_count', 'h_sum'])
  })
})
