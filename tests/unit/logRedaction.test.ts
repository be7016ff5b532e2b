import { describe, expect, it } from '@jest/globals'

import { serializeError } from '../../src/observability/logger'

/** The shape of drizzle's DrizzleQueryError: the bound values in the message and as a property. */
class FakeDrizzleQueryError extends Error {
  constructor(
    public query: string,
    public params: unknown[],
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`)
    this.cause = { code: '57014', parameters: params }
  }
}

describe('error serialization for logs', () => {
  it('keeps the bound values of a failed query out of every field', () => {
    const error = new FakeDrizzleQueryError('update "users" set "hash" = $1, "reset_token" = $2', [
      'HASHVALUE',
      'RESET-TOKEN-123',
    ])
    const serialized = JSON.stringify(serializeError(error))
    expect(serialized).not.toContain('HASHVALUE')
    expect(serialized).not.toContain('RESET-TOKEN-123')
    expect(serialized).toContain('update \\"users\\"')
  })
})
