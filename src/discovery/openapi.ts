/**
 * The OpenAPI 3.1 document, generated from DISCOVERY_ROUTES and their zod schemas (zod 4 emits
 * JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod'

import { DISCOVERY_ROUTES, type RouteSpec } from './routes'
import { errorResponse } from './schemas'

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>
  required?: string[]
  description?: string
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema
  return rest
}

function parameters(schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!schema) return []
  const object = jsonSchema(schema, 'input')
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
    }
  })
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid parameters or body (every problem is listed in `details`).',
  401: 'Unknown API key.',
  404: 'Not found (or not published).',
  409: 'Ambiguous slug.',
  413: 'Body too large.',
  415: 'Body is not JSON.',
  429: 'Rate limit exceeded; see Retry-After.',
  503: 'Search temporarily unavailable and no cached answer; see Retry-After.',
}

const errorRef = (status: number) => ({
  description: ERROR_DESCRIPTIONS[status] ?? 'Error.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

function operation(spec: RouteSpec) {
  const errors = [400, 401, 429, ...(spec.errors ?? []), 503]
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(spec.status)]: {
        description: spec.cached
          ? 'OK. Cacheable: ETag and Cache-Control are set; If-None-Match gives 304.'
          : 'Accepted.',
        content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } },
      },
      ...(spec.cached ? { '304': { description: 'Not modified (If-None-Match matched).' } } : {}),
      ...Object.fromEntries(
        [...new Set(errors)].sort().map((status) => [String(status), errorRef(status)]),
      ),
    },
  }
}

/** Express `/v1/programs/:slug` → OpenAPI `/v1/programs/{slug}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}')

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const spec of DISCOVERY_ROUTES) {
    const path = openApiPath(spec.path)
    paths[path] = { ...paths[path], [spec.method]: operation(spec) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MediaMesh Discovery API',
      version: '1.0.0',
      description:
        'Public, cached, rate-limited search and browse over the published catalogue. Multi-valued parameters repeat (`category=a&category=b`). Unknown parameters are rejected.',
    },
    servers: [{ url: '/discovery' }],
    paths,
    components: { schemas: { Error: jsonSchema(errorResponse, 'output') } },
  }
}
