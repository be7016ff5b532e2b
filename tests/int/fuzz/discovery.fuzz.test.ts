/**
 * Property-based fuzzing of every discovery endpoint and parameter, read from the API's own OpenAPI
 * document: valid values, values just out of bounds and hostile ones, repeated parameters, unknown
 * parameters and any body. Whatever arrives, the answer is never a 5xx, and every error is the
 * documented JSON shape. A failure prints the seed and the shrunk request (replay with FUZZ_SEED).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { env } from '../../../src/env'
import { createSearchClient } from '../../../src/search/client'
import { catalogueIndexNames, ensureCatalogueIndex } from '../../../src/search/indexer'
import { baseUrl } from '../helpers/http'
import {
  anyBody,
  anyJson,
  hostileString,
  occurrencesFor,
  type ParameterSchema,
  valueFor,
} from './arbitraries'
import { checkResponse, fuzzSettings, type FuzzRequest } from './fuzzing'

interface Operation {
  method: string
  path: string
  parameters: { name: string; in: 'query' | 'path'; schema: ParameterSchema }[]
  hasBody: boolean
}

let operations: Operation[] = []
let sent = 0

beforeAll(async () => {
  // The run's catalogue index exists (empty or not) whichever test file ran first.
  // A client of its own: this process has no Payload (and so no MediaMesh options) yet.
  const client = createSearchClient(env.ELASTICSEARCH_URL)
  await ensureCatalogueIndex(client, catalogueIndexNames(env.SEARCH_INDEX_PREFIX))
  await client.close()
  const document = (await (await fetch(`${baseUrl()}/discovery/v1/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { parameters?: Operation['parameters']; requestBody?: unknown }>
    >
  }
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: `/discovery${path}`,
      parameters: operation.parameters ?? [],
      hasBody: operation.requestBody !== undefined,
    })),
  )
})

/** One request to `operation` with generated parameters (and a body where it takes one). */
function requestTo(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const path = operation.parameters.filter((p) => p.in === 'path')
  const query = operation.parameters.filter((p) => p.in === 'query')
  return fc
    .record({
      path: fc.tuple(...path.map((p) => valueFor(p.schema))),
      query: fc.tuple(...query.map((p) => occurrencesFor(p.schema))),
      unknown: fc.array(fc.tuple(hostileString, hostileString), { maxLength: 2 }),
      body: operation.hasBody
        ? fc.oneof(
            fc
              .record({
                type: fc.oneof(fc.constantFrom('play', 'view'), hostileString),
                id: fc.oneof(valueFor({ pattern: '^(program|episode):([1-9]\\d{0,9})$' }), anyJson),
              })
              .map((value) => JSON.stringify(value)),
            anyBody,
          )
        : fc.constant(undefined),
    })
    .map(({ path: pathValues, query: queryValues, unknown, body }) => {
      let url = operation.path
      path.forEach((parameter, i) => {
        url = url.replace(`{${parameter.name}}`, encodeURIComponent(wellFormed(pathValues[i]!)))
      })
      const search = new URLSearchParams()
      query.forEach((parameter, i) => {
        for (const value of queryValues[i]!) search.append(parameter.name, value)
      })
      for (const [name, value] of unknown) search.append(name, value)
      const qs = search.toString()
      return {
        method: operation.method,
        url: qs ? `${url}?${qs}` : url,
        body,
        headers: (body === undefined ? {} : { 'Content-Type': 'application/json' }) as Record<
          string,
          string
        >,
      }
    })
}

/** The string with lone surrogates replaced (a URL cannot carry them). */
const wellFormed = (value: string) => Buffer.from(value, 'utf8').toString('utf8')

async function send(request: FuzzRequest) {
  sent++
  const response = await fetch(`${baseUrl()}${request.url}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  })
  return checkResponse(request, response, (body) => {
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error
    return typeof error?.code === 'string' && typeof error.message === 'string'
  })
}

describe('discovery under generated input', () => {
  it('answers every endpoint and parameter without a 5xx, errors as JSON', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(9)
    const anyRequest = fc.oneof(...operations.map(requestTo))
    await fc.assert(
      fc.asyncProperty(fc.array(anyRequest, { minLength: 10, maxLength: 10 }), async (batch) => {
        const problems = (await Promise.all(batch.map(send))).filter(Boolean)
        expect(problems).toEqual([])
      }),
      fuzzSettings(700),
    )
    // 700 batches of 10.
    expect(sent).toBeGreaterThanOrEqual(7000)
  }, 600_000)
})
