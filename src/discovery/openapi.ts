/**
 * The OpenAPI 3.1 document, generated from DISCOVERY_ROUTES and their zod schemas (zod 4 emits
 * JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Shared shapes are named components (a zod
 * registry, below), so generated clients get named types rather than anonymous copies.
 */
import { z } from 'zod'

import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES_PATH } from '../lib/problem'
import { DISCOVERY_ROUTES, type RouteSpec } from './routes'
import * as s from './schemas'

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>
  required?: string[]
  description?: string
}

const COMPONENT = '#/components/schemas/'

/** Response shapes with a name in the document (referenced by `$ref` wherever they appear). */
const outputs = z.registry<{ id: string }>()
for (const [id, schema] of Object.entries({
  CatalogueItem: s.catalogueItem,
  ProgramRef: s.programRef,
  Image: s.image,
  ImageFile: s.imageFile,
  MediaFile: s.mediaFile,
  FacetBucket: s.facetBucket,
  Interpretation: s.interpretation,
  SearchResult: s.searchResult,
  SearchResponse: s.searchResponse,
  SuggestResponse: s.suggestResponse,
  ListResponse: s.listResponse,
  TrendingResponse: s.trendingResponse,
  CategoriesResponse: s.categoriesResponse,
  ProgramResponse: s.programResponse,
  EpisodeResponse: s.episodeResponse,
  EventResponse: s.eventResponse,
  Problem: s.problemDetails,
})) {
  outputs.add(schema, { id })
}

/** Request bodies with a name. */
const inputs = z.registry<{ id: string }>().add(s.eventBody, { id: 'EventBody' })

const options = { unrepresentable: 'any', target: 'draft-2020-12' } as const

function components(registry: typeof outputs, io: 'input' | 'output') {
  const { schemas } = z.toJSONSchema(registry, { ...options, io, uri: (id) => COMPONENT + id })
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema
      return [id, rest]
    }),
  )
}

/** `$ref` to a named schema, or the schema inlined when it has no name. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = (io === 'output' ? outputs : inputs).get(schema)?.id
  if (id) return { $ref: COMPONENT + id }
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { ...options, io }) as JsonSchema
  return rest
}

function parameters(schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!schema) return []
  const object = schemaOf(schema, 'input')
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

const header = (description: string, schema: JsonSchema = { type: 'string' }) => ({
  description,
  schema,
})

/** Response headers, by component name. */
const HEADERS = {
  ETag: header('Strong validator of the body; send it back in `If-None-Match` for a 304.'),
  'Cache-Control': header(
    '`public, max-age=n, s-maxage=n, stale-if-error=s` with the remaining freshness in seconds; `no-store` on errors and writes.',
  ),
  'Cache-Status': header(
    'RFC 9211: `MediaMesh; hit; ttl=n; detail=memory|redis`, `MediaMesh; fwd=miss; stored; ttl=n`, or `MediaMesh; hit; ttl=0; detail=stale-if-error`.',
  ),
  'X-Cache': header('`MISS`, `HIT-MEMORY`, `HIT-REDIS` or `STALE` (kept for older clients).'),
  'RateLimit-Policy': header('The limit of the route: `"discovery";q=<requests>;w=<seconds>`.'),
  RateLimit: header(
    'What is left for this client: `"discovery";r=<remaining>;t=<seconds to reset>`. Not on shared-cacheable answers.',
  ),
  'Retry-After': header('Seconds to wait before retrying.', { type: 'integer', minimum: 0 }),
  'X-Request-Id': header('The id of this request in our logs (the one sent, or a new one).'),
} as const

type HeaderName = keyof typeof HEADERS

const headerRefs = (...names: HeaderName[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]))

/** Problem responses, by status; each names its problem types. */
const PROBLEMS: Record<number, { name: string; description: string; headers: HeaderName[] }> = {
  400: {
    name: 'BadRequest',
    description:
      'Invalid parameters or body (`invalid_query`, `invalid_path`, `invalid_body`, `invalid_cursor`, `invalid_json`); every problem is listed in `details`.',
    headers: [],
  },
  401: { name: 'Unauthorized', description: 'Unknown API key (`invalid_api_key`).', headers: [] },
  404: { name: 'NotFound', description: 'Not found, or not published (`not_found`).', headers: [] },
  409: {
    name: 'Conflict',
    description: 'Ambiguous slug (`ambiguous_slug`); `details` lists the candidates.',
    headers: [],
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'Body too large (`payload_too_large`).',
    headers: [],
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'Body is not JSON (`unsupported_media_type`).',
    headers: [],
  },
  429: {
    name: 'TooManyRequests',
    description: 'Rate limit exceeded (`rate_limited`); retry after `Retry-After` seconds.',
    headers: ['Retry-After', 'RateLimit', 'RateLimit-Policy'],
  },
  503: {
    name: 'ServiceUnavailable',
    description:
      'Search temporarily unavailable and no cached answer (`search_unavailable`); retry after `Retry-After` seconds.',
    headers: ['Retry-After', 'Cache-Control'],
  },
}

const problemResponses = () =>
  Object.fromEntries(
    Object.values(PROBLEMS).map(({ name, description, headers }) => [
      name,
      {
        description,
        headers: headerRefs('X-Request-Id', ...headers),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `${COMPONENT}Problem` } } },
      },
    ]),
  )

function operation(spec: RouteSpec) {
  const errors = [400, 401, 429, ...(spec.errors ?? []), 503]
  const success = spec.cached
    ? {
        description: 'OK. Cacheable: ETag and Cache-Control are set; If-None-Match gives 304.',
        headers: headerRefs(
          'ETag',
          'Cache-Control',
          'Cache-Status',
          'X-Cache',
          'RateLimit-Policy',
          'X-Request-Id',
        ),
      }
    : {
        description: 'Accepted.',
        headers: headerRefs('Cache-Control', 'RateLimit', 'RateLimit-Policy', 'X-Request-Id'),
      }
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(spec.status)]: {
        ...success,
        content: { 'application/json': { schema: schemaOf(spec.response, 'output') } },
      },
      ...(spec.cached
        ? {
            '304': {
              description: 'Not modified (If-None-Match matched).',
              headers: headerRefs('ETag', 'Cache-Control', 'Cache-Status', 'X-Request-Id'),
            },
          }
        : {}),
      ...Object.fromEntries(
        [...new Set(errors)]
          .sort()
          .map((status) => [
            String(status),
            { $ref: `#/components/responses/${PROBLEMS[status]!.name}` },
          ]),
      ),
    },
  }
}

/** Express `/v1/programs/:slug` → OpenAPI `/v1/programs/{slug}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}')

/**
 * `serverUrl` + `basePath`: where the host serves the API publicly, so clients and the docs know
 * where to call.
 */
export function openApiDocument(serverUrl: string, basePath: string) {
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
      description: `Public, cached, rate-limited search and browse over the published catalogue. Multi-valued parameters repeat (\`category=a&category=b\`). Unknown parameters are rejected. Errors are RFC 9457 problem details; their types are listed at [${PROBLEM_TYPES_PATH}](${PROBLEM_TYPES_PATH}).`,
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, '')}${basePath}` }],
    // The key is optional: without one, a client shares its address's budget.
    security: [{}, { ApiKey: [] }],
    tags: [
      { name: 'Search', description: 'Full-text search and suggestions.' },
      { name: 'Browse', description: 'Featured, trending and categories.' },
      { name: 'Programs', description: 'A program, its episodes, similar programs.' },
      { name: 'Episodes', description: 'An episode and similar episodes.' },
      { name: 'Events', description: 'Plays, views and search clicks.' },
    ],
    paths,
    components: {
      schemas: { ...components(outputs, 'output'), ...components(inputs, 'input') },
      responses: problemResponses(),
      headers: HEADERS,
      securitySchemes: {
        ApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description:
            'Optional: a configured key (DISCOVERY_API_KEYS) gets its own rate-limit budget; an unknown key is a 401.',
        },
      },
    },
  }
}
