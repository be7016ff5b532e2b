/**
 * The cache's own logic (freshness by generation, single-flight, stale-if-error) with the Redis
 * level switched off: a pure unit. Redis behaviour is covered in tests/int/discovery.
 */
import { describe, expect, it } from '@jest/globals'

import { cacheKey, DiscoveryCache, etagOf } from '../../../src/discovery/cache'
import { ApiError } from '../../../src/discovery/errors'
import { SearchUnavailableError } from '../../../src/discovery/searchBackend'

function makeCache(generation = { value: '1' }) {
  const cache = new DiscoveryCache({
    redis: null,
    generation: () => generation.value,
    keyPrefix: 'test:',
    ttlMs: 60_000,
    staleTtlMs: 3_600_000,
    memoryBytes: 1024 * 1024,
  })
  return { cache, generation }
}

describe('discovery cache', () => {
  it('keys equal parameters equally whatever their order', () => {
    expect(cacheKey('search', { b: 1, a: [1, 2], c: undefined })).toBe(
      cacheKey('search', { a: [1, 2], b: 1 }),
    )
    expect(cacheKey('search', { a: 1 })).not.toBe(cacheKey('suggest', { a: 1 }))
  })

  it('computes once, then serves from memory with the same ETag', async () => {
    const { cache } = makeCache()
    let calls = 0
    const compute = async () => ({ value: { n: ++calls } })
    const first = await cache.fetch('k', compute)
    const second = await cache.fetch('k', compute)
    expect([first.outcome, second.outcome]).toEqual(['origin', 'memory'])
    expect(second.answer.etag).toBe(first.answer.etag)
    expect(first.answer.etag).toBe(etagOf('{"n":1}'))
    expect(calls).toBe(1)
  })

  it('shares one computation between concurrent misses', async () => {
    const { cache } = makeCache()
    let calls = 0
    const compute = async () => {
      calls++
      await new Promise((resolve) => setTimeout(resolve, 20))
      return { value: 'x' }
    }
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.fetch('k', compute)))
    expect(calls).toBe(1)
    expect(new Set(results.map((r) => r.answer.etag)).size).toBe(1)
  })

  it('treats entries of an older generation as stale', async () => {
    const { cache, generation } = makeCache()
    let calls = 0
    const compute = async () => ({ value: ++calls })
    await cache.fetch('k', compute)
    generation.value = '2'
    const after = await cache.fetch('k', compute)
    expect(after.outcome).toBe('origin')
    expect(calls).toBe(2)
  })

  it('serves the last good answer when the search fails, and errors when there is none', async () => {
    const { cache, generation } = makeCache()
    await cache.fetch('k', async () => ({ value: 'good' }))
    generation.value = '2'
    const failing = async () => {
      throw new SearchUnavailableError(5, 'unavailable')
    }
    const stale = await cache.fetch('k', failing)
    expect(stale.outcome).toBe('stale')
    expect(stale.answer.body).toBe('"good"')
    await expect(cache.fetch('other', failing)).rejects.toBeInstanceOf(SearchUnavailableError)
  })

  it('never hides a client error behind an old answer', async () => {
    const { cache, generation } = makeCache()
    await cache.fetch('k', async () => ({ value: 'good' }))
    generation.value = '2'
    await expect(
      cache.fetch('k', async () => {
        throw new ApiError(400, 'invalid_cursor', 'bad')
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('keeps an answer fresh no longer than its own TTL', async () => {
    const { cache } = makeCache()
    const first = await cache.fetch('k', async () => ({ value: 1, ttlMs: 5000 }))
    expect(first.answer.ttlMs).toBe(5000)
    expect(cache.remainingSeconds(first.answer)).toBeLessThanOrEqual(5)
  })
})
