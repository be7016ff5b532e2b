/**
 * Property-based fuzzing of what one request may ask of the host (issue 21): GraphQL documents
 * with many aliases and nested lists, REST `where` trees of any width and path length (query
 * string and method-override bodies), and bodies of any size and content type. No answer is a 5xx,
 * errors keep the API's JSON shape, and /healthz answers after every batch (the host never hangs).
 * No timing is asserted. A failure prints the seed (replay with FUZZ_SEED).
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { baseUrl } from '../helpers/http'
import { hostileString } from './arbitraries'
import { checkResponse, fuzzSettings, type FuzzRequest } from './fuzzing'

const ROOTS = ['countEpisodes { totalDocs }', 'Programs', 'Episodes', 'Categories']
const LEAVES = ['id', 'title', 'slug', 'updatedAt', 'name']

/** A selection under a list: leaves, aliased leaves and nested relationship lists. */
const selection: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc
      .tuple(fc.nat({ max: 30 }), fc.constantFrom(...LEAVES))
      .map(([n, leaf]) => Array.from({ length: n + 1 }, (_, i) => `l${i}: ${leaf}`).join(' ')),
    fc
      .tuple(fc.constantFrom('program', 'categories', 'parent'), tie('node'))
      .map(([field, inner]) => `${field} { ${inner} }`),
  ),
})).node as fc.Arbitrary<string>

const rootField = fc
  .tuple(
    fc.constantFrom(...ROOTS),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: -5, max: 5000 }).map((n) => `(limit: ${n})`),
    ),
    selection,
  )
  .map(([root, args, inner]) =>
    root.startsWith('count') ? root : `${root}${args} { docs { ${inner} } totalDocs }`,
  )

const graphqlDocument: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.integer({ min: 1, max: 400 }), rootField)
  .map(([aliases, field]) => ({
    method: 'POST',
    url: '/api/graphql',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: ${field}`).join(' ')} }`,
    }),
  }))

const PATHS = [
  'title',
  'program.title',
  'program.categories.name',
  'program.categories.parent.name',
  'a.b.c.d.e.f',
]
const OPERATORS = ['equals', 'like', 'contains', 'in', 'exists', 'not_equals', 'greater_than']

/** A where tree as query-string pairs: and/or of any width, paths of any length. */
const whereTree: fc.Arbitrary<string[]> = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc
      .tuple(fc.constantFrom(...PATHS), fc.constantFrom(...OPERATORS), hostileString)
      .map(([path, op, value]) => [
        `[${path}][${op}]=${encodeURIComponent(Buffer.from(value).toString())}`,
      ]),
    fc
      .tuple(fc.constantFrom('and', 'or'), fc.array(tie('tree'), { minLength: 1, maxLength: 60 }))
      .map(([join, branches]) =>
        (branches as string[][]).flatMap((pairs, i) =>
          pairs.map((pair) => `[${join}][${i}]${pair}`),
        ),
      ),
  ),
})).tree as fc.Arbitrary<string[]>

const whereRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.constantFrom('programs', 'episodes'), whereTree, fc.boolean())
  .map(([collection, pairs, override]): FuzzRequest => {
    const search = pairs.map((pair) => `where${pair}`).join('&')
    return override
      ? {
          method: 'POST',
          url: `/api/${collection}`,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Payload-HTTP-Method-Override': 'GET',
          },
          body: search,
        }
      : { method: 'GET', url: `/api/${collection}?${search}`, headers: {} }
  })

const bodyRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(
      '/api/programs',
      '/api/graphql',
      '/api/users/login',
      '/api/users/forgot-password',
      '/api/categories',
    ),
    fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/octet-stream',
      'multipart/form-data; boundary=x',
      '',
    ),
    fc.constantFrom(0, 100, 15_000, 70_000, 1_000_000, 3_000_000),
    fc.boolean(),
  )
  .map(([url, type, size, valid]): FuzzRequest => ({
    method: 'POST',
    url,
    headers: type ? { 'Content-Type': type } : ({} as Record<string, string>),
    body: valid
      ? JSON.stringify({ query: '{ __typename }', title: 'x'.repeat(size) })
      : `{"x": "${'y'.repeat(size)}`,
  }))

let sent = 0

async function send(request: FuzzRequest) {
  sent++
  const response = await fetch(`${baseUrl()}${request.url}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  }).catch((error: unknown) => error as Error)
  // A body over the limit may be answered before it is all sent; the client then sees the
  // connection close. That is a refusal, not a failure.
  if (response instanceof Error) return undefined
  return checkResponse(request, response, (body) => {
    const errors = (body as { errors?: { message?: unknown }[] }).errors
    return Array.isArray(errors) && errors.every((e) => typeof e?.message === 'string')
  })
}

const batches = (request: fc.Arbitrary<FuzzRequest>, size: number) =>
  fc.asyncProperty(fc.array(request, { minLength: size, maxLength: size }), async (batch) => {
    const problems = (await Promise.all(batch.map(send))).filter(Boolean)
    expect(problems).toEqual([])
    // The host still answers its liveness probe after the batch.
    expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200)
  })

describe('what one request may ask of the host, under generated input', () => {
  it('GraphQL documents with many aliases and nested lists never answer 5xx', async () => {
    await fc.assert(batches(graphqlDocument, 4), fuzzSettings(40))
  }, 600_000)

  it('REST where trees of any width and path never answer 5xx', async () => {
    await fc.assert(batches(whereRequest, 6), fuzzSettings(40))
  }, 600_000)

  it('bodies of any size and content type never answer 5xx', async () => {
    await fc.assert(batches(bodyRequest, 4), fuzzSettings(30))
    expect(sent).toBeGreaterThanOrEqual(40 * 4 + 40 * 6 + 30 * 4)
  }, 600_000)
})
