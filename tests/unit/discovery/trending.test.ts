import { describe, expect, it } from '@jest/globals'

import { EVENT_WEIGHTS, windowWeights } from '../../../src/discovery/trending'

describe('trending decay', () => {
  it('weighs the current bucket fully and halves every quarter window', () => {
    const day = windowWeights('24h')
    expect(day).toHaveLength(24)
    expect(day[0]).toBe(1)
    expect(day[6]).toBeCloseTo(0.5, 5)
    expect(day[12]).toBeCloseTo(0.25, 5)
    expect(windowWeights('1h')).toHaveLength(12)
    expect(windowWeights('7d')).toHaveLength(168)
    for (const weights of [day, windowWeights('7d')]) {
      for (let i = 1; i < weights.length; i++) expect(weights[i]!).toBeLessThan(weights[i - 1]!)
    }
  })

  it('counts a play three times a view', () => {
    expect(EVENT_WEIGHTS.play).toBe(3 * EVENT_WEIGHTS.view)
  })
})
