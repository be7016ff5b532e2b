/**
 * Property-based fuzzing of the CMS write APIs as an editor: REST create and update of programs,
 * episodes and categories, and GraphQL create and update mutations, with generated bodies (the
 * collections' own field names with values of any type, unknown keys, broken JSON, odd ids); and
 * REST listings with odd page/limit values and malformed `where`, and bodies sent with content
 * types other than JSON (text/plain, urlencoded, none, a broken multipart), logins included. No
 * answer is a 5xx; REST errors are Payload's JSON `{ errors: [{ message }] }`, GraphQL answers are
 * JSON with `data` or `errors`. A failure prints the seed (replay with FUZZ_SEED).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Payload } from 'payload'

import { makeProgram } from '../helpers/fixtures'
import { baseUrl } from '../helpers/http'
import { signedIn, testPayload } from '../helpers/payload'
import { anyBody, anyJson, hostileString } from './arbitraries'
import { checkResponse, fuzzSettings, type FuzzRequest } from './fuzzing'

const COLLECTIONS = ['programs', 'episodes', 'categories'] as const
type Collection = (typeof COLLECTIONS)[number]

let payload: Payload
let token = ''
let fieldNames: Record<Collection, string[]>
const existing: Record<Collection, number[]> = { programs: [], episodes: [], categories: [] }
let sent = 0

beforeAll(async () => {
  payload = await testPayload()
  token = (await signedIn(payload, 'editor')).token
  fieldNames = Object.fromEntries(
    COLLECTIONS.map((slug) => [
      slug,
      payload.collections[slug].config.flattenedFields.map((field) => field.name),
    ]),
  ) as Record<Collection, string[]>
  const program = await makeProgram(payload)
  existing.programs.push(program.id)
  existing.episodes.push(
    (await payload.create({ collection: 'episodes', data: { title: 'Fuzz', program: program.id } }))
      .id,
  )
  existing.categories.push(
    (await payload.create({ collection: 'categories', data: { name: 'Fuzz' } })).id,
  )
})

/** A body for `collection`: its own fields with values of any type, and keys it does not have. */
function documentBody(collection: Collection): fc.Arbitrary<string> {
  const value = fc.oneof(anyJson, hostileString, fc.constantFrom(...existing.programs, -1, 0, 1e20))
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.dictionary(fc.constantFrom(...fieldNames[collection]), value, { maxKeys: 6 }),
          fc.dictionary(hostileString, value, { maxKeys: 2 }),
        )
        .map(([known, unknown]) => JSON.stringify({ ...unknown, ...known })),
    },
    { weight: 1, arbitrary: anyBody },
  )
}

const anyId = (collection: Collection) =>
  fc.oneof(
    fc.constantFrom(...existing[collection].map(String)),
    fc.constantFrom('0', '-1', '99999999999999999999', 'abc', '1.5', '%00', '..'),
    hostileString.map((s) => encodeURIComponent(Buffer.from(s).toString())),
  )

const restRequest: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...COLLECTIONS).chain((collection) =>
  fc.oneof(
    documentBody(collection).map((body) => ({
      method: 'POST',
      url: `/api/${collection}`,
      body,
      headers: {},
    })),
    fc.tuple(anyId(collection), documentBody(collection)).map(([id, body]) => ({
      method: 'PATCH',
      url: `/api/${collection}/${id}`,
      body,
      headers: {},
    })),
    fc
      .tuple(anyId(collection), fc.constantFrom('?draft=true', '?depth=99', '?locale=xx', ''))
      .map(([id, qs]) => ({ method: 'GET', url: `/api/${collection}/${id}${qs}`, headers: {} })),
  ),
)

/** Page and limit values a client might send: negative, zero, huge, fractional, not numbers. */
const oddNumber = fc.oneof(
  fc.constantFrom('-1', '0', '1', '1.5', '1e20', '99999999999999999999', 'abc', '', '%00', 'NaN'),
  fc.integer().map(String),
)

/** `where` as query parameters or as one JSON string, well- and ill-formed. */
const whereParams = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'title',
        'slug',
        'id',
        'program',
        'publishedAt',
        'and',
        'or',
        'nope',
        '_status',
      ),
      fc.constantFrom(
        'equals',
        'near',
        'within',
        'intersects',
        'like',
        'contains',
        'in',
        'exists',
        'greater_than',
        'all',
        'bogus',
        '0',
      ),
      fc.oneof(hostileString, fc.constantFrom('1,2', '1', 'true', '[]', '')),
    )
    .map(
      // Lone surrogates cannot be percent-encoded: Buffer replaces them, as a browser would.
      ([field, op, value]) =>
        `where[${field}][${op}]=${encodeURIComponent(Buffer.from(value).toString())}`,
    ),
  fc
    .oneof(
      anyJson.map((json) => JSON.stringify(json)),
      hostileString,
    )
    .map((where) => `where=${encodeURIComponent(Buffer.from(where).toString())}`),
  fc.constantFrom('where[or]=x', 'where[and][0]=1', 'where[title]=x', 'where=abc'),
)

const listRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.constantFrom(...COLLECTIONS), oddNumber, oddNumber, fc.option(whereParams))
  .map(([collection, page, limit, where]) => ({
    method: 'GET',
    url: `/api/${collection}?page=${encodeURIComponent(page)}&limit=${encodeURIComponent(limit)}${where ? `&${where}` : ''}`,
    headers: {},
  }))

/**
 * JSON bodies sent as something else: Payload only reads JSON and multipart. A function: the
 * collections' field names are only known once Payload has started (beforeAll).
 */
const contentTypeRequest = (): fc.Arbitrary<FuzzRequest> =>
  fc
    .tuple(
      fc.constantFrom(
        ...COLLECTIONS.map((c) => `/api/${c}`),
        '/api/users/login',
        '/api/users/forgot-password',
        '/api/graphql',
      ),
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'text/xml',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        '',
      ),
      fc.oneof(documentBody('programs'), anyBody),
    )
    .map(([url, type, body]) => ({
      method: 'POST',
      url,
      body,
      headers: { 'Content-Type': type },
    }))

const MUTATIONS: Record<Collection, [string, string]> = {
  programs: ['createProgram', 'updateProgram'],
  episodes: ['createEpisode', 'updateEpisode'],
  categories: ['createCategory', 'updateCategory'],
}
const INPUT_TYPES: Record<Collection, [string, string]> = {
  programs: ['mutationProgramInput', 'mutationProgramUpdateInput'],
  episodes: ['mutationEpisodeInput', 'mutationEpisodeUpdateInput'],
  categories: ['mutationCategoryInput', 'mutationCategoryUpdateInput'],
}

const graphqlRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.constantFrom(...COLLECTIONS), fc.boolean())
  .chain(([collection, update]) =>
    fc
      .tuple(documentBody(collection), anyJson, fc.constantFrom(...existing[collection]))
      .map(([data, id, knownId]) => {
        const [create, patch] = MUTATIONS[collection]
        const [createInput, updateInput] = INPUT_TYPES[collection]
        let variables: unknown
        try {
          variables = {
            data: JSON.parse(data),
            id: update ? (typeof id === 'number' ? id : knownId) : undefined,
          }
        } catch {
          variables = data
        }
        const query = update
          ? `mutation($id: Int!, $data: ${updateInput}!) { ${patch}(id: $id, data: $data) { id } }`
          : `mutation($data: ${createInput}!) { ${create}(data: $data) { id } }`
        return {
          method: 'POST',
          url: '/api/graphql',
          body: JSON.stringify({ query, variables }),
          headers: {},
        }
      }),
  )

async function send(request: FuzzRequest) {
  sent++
  const response = await fetch(`${baseUrl()}${request.url}`, {
    method: request.method,
    headers: {
      Authorization: `JWT ${token}`,
      'Content-Type': 'application/json',
      ...request.headers,
    },
    body: request.body,
  })
  return checkResponse(request, response, (body) => {
    const errors = (body as { errors?: { message?: unknown }[] }).errors
    return Array.isArray(errors) && errors.every((e) => typeof e?.message === 'string')
  })
}

const batches = (request: fc.Arbitrary<FuzzRequest>) =>
  fc.asyncProperty(fc.array(request, { minLength: 10, maxLength: 10 }), async (batch) => {
    const problems = (await Promise.all(batch.map(send))).filter(Boolean)
    expect(problems).toEqual([])
  })

describe('CMS writes under generated input', () => {
  it('REST create, update and read never answer 5xx, and errors are JSON', async () => {
    await fc.assert(batches(restRequest), fuzzSettings(200))
  }, 600_000)

  it('REST listings with odd page, limit and where never answer 5xx', async () => {
    await fc.assert(batches(listRequest), fuzzSettings(60))
  }, 600_000)

  it('bodies sent as text, urlencoded or broken multipart never answer 5xx', async () => {
    await fc.assert(batches(contentTypeRequest()), fuzzSettings(40))
  }, 600_000)

  it('GraphQL create and update mutations never answer 5xx', async () => {
    await fc.assert(batches(graphqlRequest), fuzzSettings(100))
    // 200 REST, 60 listing, 40 content-type and 100 GraphQL batches of 10.
    expect(sent).toBeGreaterThanOrEqual(4000)
  }, 600_000)
})
