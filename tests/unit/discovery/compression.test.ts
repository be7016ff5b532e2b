import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { describe, expect, it } from '@jest/globals'

import {
  codedEtag,
  encoded,
  type Encodings,
  preferredCoding,
} from '../../../src/discovery/compression'

describe('preferredCoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
    ['deflate', undefined],
    ['br;q=abc, gzip', 'gzip'],
  ])('%s → %s', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding)
  })
})

describe('codedEtag', () => {
  it('gives each coding its own strong validator and leaves identity as it is', () => {
    expect(codedEtag('"abc"', 'br')).toBe('"abc.br"')
    expect(codedEtag('"abc"', 'gzip')).toBe('"abc.gzip"')
    expect(codedEtag('"abc"', undefined)).toBe('"abc"')
  })
})

describe('encoded', () => {
  const body = Buffer.from(
    JSON.stringify({
      results: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Episode ${i}` })),
    }),
  )

  it('compresses once per coding and decodes back to the body', () => {
    const encodings: Encodings = {}
    const br = encoded(body, 'br', encodings)
    expect(encoded(body, 'br', encodings)).toBe(br)
    expect(brotliDecompressSync(br).equals(body)).toBe(true)
    const gzip = encoded(body, 'gzip', encodings)
    expect(gunzipSync(gzip).equals(body)).toBe(true)
    expect(br.length).toBeLessThan(body.length)
    expect(gzip.length).toBeLessThan(body.length)
  })
})
