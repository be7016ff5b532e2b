import { describe, expect, it } from '@jest/globals'
import type { Access } from 'payload'

import { adminOrSelf } from '../../src/access/adminOrSelf'
import { isAdmin } from '../../src/access/isAdmin'
import { isStaff } from '../../src/access/isStaff'
import { publicEpisodeOrStaff, publishedAndDueOrStaff } from '../../src/access/publishedAndDue'
import { hasRole } from '../../src/access/roles'

const as = (roles?: string[]) =>
  ({ req: { user: roles ? { id: 7, roles } : null } }) as unknown as Parameters<Access>[0]

describe('role helpers', () => {
  it('match any of the given roles', () => {
    expect(hasRole({ roles: ['viewer', 'editor'] }, 'editor')).toBe(true)
    expect(hasRole({ roles: ['viewer'] }, 'editor', 'admin')).toBe(false)
    expect(hasRole(null, 'viewer')).toBe(false)
    expect(hasRole({ roles: null }, 'viewer')).toBe(false)
  })

  it('grant staff rights to editors and admins only', () => {
    expect(isStaff(as(['editor']))).toBe(true)
    expect(isStaff(as(['admin']))).toBe(true)
    expect(isStaff(as(['viewer']))).toBe(false)
    expect(isStaff(as())).toBe(false)
    expect(isAdmin(as(['editor']))).toBe(false)
  })
})

describe('publishedAndDueOrStaff', () => {
  it('lets staff read everything', () => {
    expect(publishedAndDueOrStaff(as(['editor']))).toBe(true)
  })

  it('limits the public and viewers to published documents that are due', () => {
    for (const who of [as(), as(['viewer'])]) {
      const where = publishedAndDueOrStaff(who) as { and: Record<string, Record<string, string>>[] }
      expect(where.and[0]).toEqual({ _status: { equals: 'published' } })
      const due = new Date(where.and[1]!.publishedAt!.less_than_equal!).getTime()
      expect(Math.abs(due - Date.now())).toBeLessThan(5000)
    }
  })

  it('requires the program of an episode to be public too', () => {
    const where = publicEpisodeOrStaff(as()) as { and: Record<string, unknown>[] }
    expect(where.and.map((c) => Object.keys(c)[0])).toEqual([
      '_status',
      'publishedAt',
      'program._status',
      'program.publishedAt',
    ])
  })
})

describe('adminOrSelf', () => {
  it('gives admins every user and others only themselves', () => {
    expect(adminOrSelf(as(['admin']))).toBe(true)
    expect(adminOrSelf(as(['viewer']))).toEqual({ id: { equals: 7 } })
    expect(adminOrSelf(as())).toBe(false)
  })
})
