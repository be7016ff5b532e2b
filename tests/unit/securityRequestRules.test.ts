import { describe, expect, it } from '@jest/globals'

import { apiKeyStrengthBits, weakApiKeyReason } from '../../src/auth/accountChanges'
import { whereProblem } from '../../src/hooks/refuseInvalidQueries'
import type { Request } from 'express'
import { malformedWhere, unsafeFileName, unsupportedBody } from '../../src/host/apiRequestGuards'
import { crossSiteRefusal, withSecure } from '../../src/host/crossSiteWrites'
import { withoutSuggestions } from '../../src/plugins/securityHardening'

const own = ['http://cms.example:3000']
const trusted = new Set(['https://admin.example'])
const write = (headers: Record<string, string>, method = 'POST') =>
  crossSiteRefusal({ method, headers, ownOrigins: own }, trusted)
const cookie = 'other=1; payload-token=abc'

describe('cross-site writes with a session cookie', () => {
  it('are refused from another origin, a null origin or another site', () => {
    expect(write({ cookie, origin: 'https://evil.example' })).toMatch(/Origin/)
    expect(write({ cookie, origin: 'null' })).toMatch(/null/)
    expect(write({ cookie, origin: 'http://sub.cms.example:3000' })).toMatch(/Origin/)
    expect(write({ cookie, 'sec-fetch-site': 'same-site' })).toMatch(/same-site/)
    expect(write({ cookie, 'sec-fetch-site': 'cross-site' }, 'DELETE')).toMatch(/cross-site/)
  })

  it('pass from this origin, a trusted origin, or a client that is not a browser', () => {
    expect(write({ cookie, origin: 'http://cms.example:3000' })).toBeUndefined()
    expect(write({ cookie, origin: 'https://admin.example' })).toBeUndefined()
    expect(write({ cookie, 'sec-fetch-site': 'same-origin' })).toBeUndefined()
    expect(write({ cookie })).toBeUndefined()
  })

  it('do not concern reads, requests without the cookie, or token and API key requests', () => {
    expect(write({ cookie, origin: 'https://evil.example' }, 'GET')).toBeUndefined()
    expect(write({ origin: 'https://evil.example' })).toBeUndefined()
    expect(write({ cookie: 'my-payload-token=x', origin: 'https://evil.example' })).toBeUndefined()
    expect(
      write({ cookie, origin: 'https://evil.example', authorization: 'JWT x' }),
    ).toBeUndefined()
  })
})

describe('Secure cookies', () => {
  it('gain the Secure attribute once', () => {
    expect(withSecure('payload-token=a; Path=/; HttpOnly')).toBe(
      'payload-token=a; Path=/; HttpOnly; Secure',
    )
    expect(withSecure(['a=1; Secure', 'b=2'])).toEqual(['a=1; Secure', 'b=2; Secure'])
  })
})

describe('media file names', () => {
  it('refuse separators and parent references however they are encoded', () => {
    for (const name of [
      '..%2fpackage.json',
      '..%252fpackage.json',
      '%2e%2e%2fx',
      'a%5cb',
      '%00',
      '%E0%A4%A',
    ]) {
      expect(unsafeFileName(name)).toBe(true)
    }
  })

  it('accept ordinary and non-Latin names', () => {
    for (const name of ['cover-3fa2b1c4.webp', 'my%20photo.jpg', encodeURIComponent('غلاف.png')]) {
      expect(unsafeFileName(name)).toBe(false)
    }
  })
})

describe('request bodies', () => {
  const req = (method: string, headers: Record<string, string>) =>
    ({ method, headers }) as unknown as Request
  it('must be JSON or multipart with a boundary, when there is one or a type is declared', () => {
    expect(
      unsupportedBody(req('POST', { 'content-type': 'text/plain', 'content-length': '2' })),
    ).toBe(true)
    expect(
      unsupportedBody(req('POST', { 'content-type': 'text/plain', 'content-length': '0' })),
    ).toBe(true)
    expect(unsupportedBody(req('POST', { 'content-type': 'multipart/form-data' }))).toBe(true)
    expect(unsupportedBody(req('POST', { 'content-length': '0' }))).toBe(false)
    expect(
      unsupportedBody(req('PATCH', { 'content-type': 'application/json', 'content-length': '9' })),
    ).toBe(false)
    expect(
      unsupportedBody(
        req('POST', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '9' }),
      ),
    ).toBe(false)
  })

  it('may be urlencoded only for Payload’s GET method override', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' }
    expect(unsupportedBody(req('POST', form))).toBe(true)
    expect(unsupportedBody(req('POST', { ...form, 'x-payload-http-method-override': 'GET' }))).toBe(
      false,
    )
  })
})

describe('where', () => {
  it('as one JSON string must be an object', () => {
    expect(malformedWhere('/api/programs?where=abc')).toBe(true)
    expect(malformedWhere('/api/programs?where=%5B1%5D')).toBe(true)
    expect(malformedWhere('/api/programs?where=%7B%7D')).toBe(false)
    expect(malformedWhere('/api/programs?where[title][equals]=x')).toBe(false)
  })

  it('names conditions without an operator, lists that are not lists and geo operators', () => {
    const none = new Set<string>()
    expect(whereProblem({ title: 'x' }, none)).toMatch(/operator/)
    expect(whereProblem({ or: 'x' }, none)).toMatch(/list/)
    // GraphQL writes AND/OR in capitals; Payload accepts either case.
    expect(whereProblem({ OR: [{ title: { like: 'a' } }] }, none)).toBeUndefined()
    expect(whereProblem({ AND: [{ title: 'x' }] }, none)).toMatch(/operator/)
    expect(whereProblem({ title: { near: '1,2' } }, none)).toMatch(/point/)
    expect(whereProblem({ title: { all: '' } }, none)).toMatch(/several values/)
    expect(whereProblem({ categories: { all: [1, 2] } }, none, 0, new Set(['categories']))).toBe(
      undefined,
    )
    expect(whereProblem({ location: { near: '1,2' } }, new Set(['location']))).toBeUndefined()
    expect(
      whereProblem({ or: [{ title: { equals: 'a' } }, { and: [{ slug: { like: 'b' } }] }] }, none),
    ).toBeUndefined()
  })
})

describe('API keys', () => {
  it('must be long and unpredictable', () => {
    expect(weakApiKeyReason('123')).toMatch(/at least/)
    expect(weakApiKeyReason('a'.repeat(64))).toMatch(/predictable/)
    expect(weakApiKeyReason('ab'.repeat(32))).toMatch(/predictable/)
    expect(weakApiKeyReason('0123456789abcdef'.repeat(2))).toMatch(/predictable/)
    expect(weakApiKeyReason('2c5ea4c0-4067-11e9-8bad-9b1deb4d3b7d')).toBeUndefined()
    expect(apiKeyStrengthBits('')).toBe(0)
  })
})

describe('GraphQL suggestions', () => {
  it('are removed from messages', () => {
    expect(
      withoutSuggestions('Cannot query field "Programz" on type "Query". Did you mean "Programs"?'),
    ).toBe('Cannot query field "Programz" on type "Query".')
    expect(
      withoutSuggestions(
        'Field "titel" is not defined by type "Program_where". Did you mean "title" or "slug"?',
      ),
    ).toBe('Field "titel" is not defined by type "Program_where".')
  })
})
