import { describe, expect, it } from '@jest/globals'

import { decodeCursor, encodeCursor, queryFingerprint } from '../../../src/discovery/cursor'
import { ApiError } from '../../../src/discovery/errors'

const SECRET = 'a-test-secret-of-enough-length'
const fingerprint = queryFingerprint(['search', { q: 'history' }])

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code}` : 'not an ApiError'
  }
  return undefined
}

describe('pagination cursors', () => {
  it('give back the sort values they were issued with', () => {
    const cursor = encodeCursor(SECRET, [8.42, 1694325600000, 'program', 17], fingerprint)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(decodeCursor(SECRET, cursor, fingerprint)).toEqual([8.42, 1694325600000, 'program', 17])
  })

  it('refuse a cursor whose payload was altered', () => {
    const cursor = encodeCursor(SECRET, [1, 'episode', 2], fingerprint)
    const [, signature] = cursor.split('.')
    const forged = Buffer.from(JSON.stringify({ a: [0, 'episode', 2], q: fingerprint })).toString(
      'base64url',
    )
    expect(codeOf(() => decodeCursor(SECRET, `${forged}.${signature}`, fingerprint))).toBe(
      '400 invalid_cursor',
    )
  })

  it('refuse a cursor signed with another key', () => {
    const cursor = encodeCursor('another-secret-of-enough-length', [1], fingerprint)
    expect(codeOf(() => decodeCursor(SECRET, cursor, fingerprint))).toBe('400 invalid_cursor')
  })

  it('refuse a cursor issued for a different query', () => {
    const cursor = encodeCursor(SECRET, [1], fingerprint)
    const other = queryFingerprint(['search', { q: 'science' }])
    expect(codeOf(() => decodeCursor(SECRET, cursor, other))).toBe('400 invalid_cursor')
  })

  it('refuse garbage without throwing anything but a 400', () => {
    for (const garbage of [
      '',
      'abc',
      'a.b.c',
      '.',
      'e30.',
      `${'x'.repeat(50)}.${'y'.repeat(43)}`,
    ]) {
      expect(codeOf(() => decodeCursor(SECRET, garbage, fingerprint))).toBe('400 invalid_cursor')
    }
  })
})
