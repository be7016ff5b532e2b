import { describe, expect, it } from '@jest/globals'

import { progressReporter } from '../../../scripts/lib/progress'

function recorder(isTTY: boolean) {
  const written: string[] = []
  let time = 0
  return {
    written,
    tick: (ms: number) => (time += ms),
    options: {
      label: 'indexing',
      stream: { isTTY, write: (text: string) => written.push(text) },
      intervalMs: 5000,
      now: () => time,
    },
  }
}

describe('progress', () => {
  it('redraws one bar on a terminal and ends its line when finished', () => {
    const { written, tick, options } = recorder(true)
    const progress = progressReporter(options)
    for (let done = 100; done <= 300; done += 100) {
      tick(1000)
      progress.update(done, 300)
    }
    progress.finish()
    expect(written).toHaveLength(4)
    expect(written.slice(0, 3).every((text) => text.startsWith('\r['))).toBe(true)
    expect(written[2]).toContain('300/300 (100%) 100 docs/s')
    expect(written[3]).toBe('\n')
  })

  it('prints plain lines at most every interval, and the end, when the output is not a terminal', () => {
    const { written, tick, options } = recorder(false)
    const progress = progressReporter(options)
    for (let done = 1; done <= 20; done++) {
      tick(1000)
      progress.update(done, 20)
    }
    progress.finish()
    expect(written.some((text) => text.includes('\r'))).toBe(false)
    expect(written).toEqual([
      'indexing: 1/20 (5%), 1 docs/s, ETA 19 s\n',
      'indexing: 6/20 (30%), 1 docs/s, ETA 14 s\n',
      'indexing: 11/20 (55%), 1 docs/s, ETA 9 s\n',
      'indexing: 16/20 (80%), 1 docs/s, ETA 4 s\n',
      'indexing: 20/20 (100%), 1 docs/s, ETA 0 s\n',
    ])
  })

  it('prints the last count when a run stops between two lines', () => {
    const { written, tick, options } = recorder(false)
    const progress = progressReporter(options)
    progress.update(1, 10)
    tick(1000)
    progress.update(2, 10)
    progress.finish()
    expect(written).toEqual([
      'indexing: 1/10 (10%), 0 docs/s, ETA 0 s\n',
      'indexing: 2/10 (20%), 2 docs/s, ETA 4 s\n',
    ])
  })
})
