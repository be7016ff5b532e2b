import { describe, expect, it } from '@jest/globals'

import {
  currentRequestId,
  resolveRequestId,
  runWithRequestContext,
} from '../../src/observability/requestContext'

describe('resolveRequestId', () => {
  it('keeps a well-formed id from the caller', () => {
    expect(resolveRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z')
  })

  it.each([undefined, '', 'has space', 'a'.repeat(129), 'new\nline', '<script>'])(
    'replaces %p with a fresh UUID',
    (header) => {
      expect(resolveRequestId(header)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      )
    },
  )

  it('uses the first of repeated headers', () => {
    expect(resolveRequestId(['first', 'second'])).toBe('first')
  })
})

describe('request context', () => {
  it('is visible to everything the request awaits, and to nothing outside it', async () => {
    expect(currentRequestId()).toBeUndefined()
    const seen = await runWithRequestContext({ requestId: 'r-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      return currentRequestId()
    })
    expect(seen).toBe('r-1')
    expect(currentRequestId()).toBeUndefined()
  })
})
