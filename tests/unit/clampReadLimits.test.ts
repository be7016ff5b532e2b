import { describe, expect, it } from '@jest/globals'

import { clampReadLimits } from '../../src/hooks/clampReadLimits'

type HookArgs = Parameters<typeof clampReadLimits>[0]

function clamp(args: Record<string, unknown>, roles?: string[], operation = 'read') {
  const req = { user: roles ? { id: 1, roles } : null }
  return clampReadLimits({ args, operation, req } as unknown as HookArgs) as Record<string, unknown>
}

describe('clampReadLimits', () => {
  it.each([
    [{ limit: 5000 }, { limit: 100 }],
    [{ limit: 0 }, { limit: 100 }],
    [{ limit: -1 }, { limit: 100 }],
    [{ limit: 'abc' }, { limit: 100 }],
    [{ pagination: false }, { pagination: true, limit: 100 }],
    [
      { pagination: 'false', limit: 5 },
      { pagination: true, limit: 100 },
    ],
    [{ depth: 40 }, { depth: 2 }],
    [
      { limit: 20, depth: 1 },
      { limit: 20, depth: 1 },
    ],
  ])('clamps %p for the public to %p', (args, expected) => {
    expect(clamp(args)).toMatchObject(expected)
  })

  it('treats viewers like the public', () => {
    expect(clamp({ limit: 5000 }, ['viewer'])).toMatchObject({ limit: 100 })
  })

  it('allows editors and admins up to 1,000 and depth 5', () => {
    expect(clamp({ limit: 5000, depth: 9 }, ['editor'])).toMatchObject({ limit: 1000, depth: 5 })
    expect(clamp({ limit: 800 }, ['admin'])).toMatchObject({ limit: 800 })
  })

  it('leaves trusted server code and other operations alone', () => {
    expect(clamp({ limit: 0, overrideAccess: true })).toMatchObject({ limit: 0 })
    expect(clamp({ limit: 0 }, undefined, 'update')).toMatchObject({ limit: 0 })
  })
})
