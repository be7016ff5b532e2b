import { describe, expect, it } from '@jest/globals'

import { firstUserIsAdmin } from '../../src/collections/Users'

type HookArgs = Parameters<typeof firstUserIsAdmin>[0]

function run(existingUsers: number, operation: 'create' | 'update', value: string[]) {
  const req = { payload: { count: async () => ({ totalDocs: existingUsers }) } }
  return firstUserIsAdmin({ operation, req, value } as unknown as HookArgs)
}

describe('firstUserIsAdmin', () => {
  it('makes the very first account an admin, whatever it asked for', async () => {
    expect(await run(0, 'create', ['viewer'])).toEqual(['admin'])
  })

  it('leaves the roles of every later account alone', async () => {
    expect(await run(1, 'create', ['viewer'])).toEqual(['viewer'])
    expect(await run(0, 'update', ['editor'])).toEqual(['editor'])
  })
})
