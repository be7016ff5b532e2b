/**
 * The discovery API as one framework-free function: a plain request in, a plain response out.
 * Every way of serving it (the Express router of this repository's host, Payload endpoints in any
 * Payload app, a Web `Request → Response` handler) is a thin adapter around this, so all three
 * behave the same: CORS, rate limits, validation, the two-level cache, ETag/304, problem details.
 *
 * Routes come from DISCOVERY_ROUTES (routes.ts); each answer goes rate limit → validation →
 * handler → cached response.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'

import { getAbsoluteFSPath } from 'swagger-ui-dist'

import { isJsonContentType } from '../lib/contentType'
import { PROBLEM_CONTENT_TYPE, problemBody } from '../lib/problem'
import { logger } from '../observability/logger'
import type { SanitizedMediaMeshOptions } from '../plugins/types'
import { consume, type LimiterName, policyHeader } from '../ratelimit/limiters'
import type { CacheOutcome, CachedAnswer, DiscoveryCache } from './cache'
import { cacheKey, etagOf } from './cache'
import {
  codedEtag,
  COMPRESS_FROM_BYTES,
  encoded,
  type Encodings,
  preferredCoding,
} from './compression'
import { docsInitScript, docsPageHtml, PROBLEMS_PAGE } from './docs'
import { ApiError, toApiError } from './errors'
import type { CachedHandler, PlainHandler } from './handlers'
import { openApiDocument } from './openapi'
import { DISCOVERY_ROUTES, type RouteSpec } from './routes'
import { SearchUnavailableError } from './searchBackend'
import { validate } from './validation'

/** What every adapter hands the API: the request, already split up. */
export interface DiscoveryRequest {
  /** Upper case: `GET`, `HEAD`, `POST`, `OPTIONS`, ... */
  method: string
  /** The path below the base path, e.g. `/v1/search` (no query string). */
  path: string
  /** Query parameters; a repeated one is an array (as Node's querystring parses them). */
  query: Record<string, string | string[]>
  header: (name: string) => string | undefined
  /** The client address (after the host's trusted proxies). */
  ip: string
  /** The request id the host's logs use, when it has one. */
  requestId?: string
  /** The body as text, at most `limitBytes` long: past it, throws an ApiError 413. */
  body: (limitBytes: number) => Promise<string>
}

export interface DiscoveryResponse {
  /** The matched route's pattern below the base path (`/v1/programs/:slug`), for metrics. */
  route?: string
  status: number
  headers: Record<string, string>
  body?: string | Buffer
}

export type DiscoveryApi = (request: DiscoveryRequest) => Promise<DiscoveryResponse>

export interface DiscoveryApiOptions {
  /** The `discovery` options of mediaMesh (CORS, API keys, staleness, docs, base path). */
  settings: SanitizedMediaMeshOptions['discovery']
  /**
   * The path this API is reached under (`/discovery` on the Express host, `/api/discovery` as
   * Payload endpoints): the OpenAPI document, the docs pages and problem details use it.
   */
  basePath: string
  /** This host's public origin (the OpenAPI document's server is `serverUrl` + base path). */
  serverUrl: string
  cache: DiscoveryCache
  cached: Record<string, CachedHandler>
  plain: Record<string, PlainHandler>
  /**
   * Told of every answer a cached route sends (computed or from a cache), after validation; for
   * counting (search insights). Must not throw or block: it runs on the request's path.
   */
  onAnswer?: (operationId: string, query: unknown, answer: CachedAnswer) => void
}

/** Bodies are small (one event): anything larger is refused before parsing. */
const BODY_LIMIT_BYTES = 2048

const CORS_METHODS = 'GET,HEAD,POST,OPTIONS'
const CORS_ALLOWED_HEADERS = 'Content-Type,If-None-Match,X-Api-Key,X-Request-Id'
const CORS_EXPOSED_HEADERS = [
  'ETag',
  'X-Cache',
  'Cache-Status',
  'X-Request-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'RateLimit',
].join(',')

const JSON_TYPE = 'application/json; charset=utf-8'

interface Route {
  /** Path segments; `:name` matches one segment. */
  segments: string[]
  answer: (request: DiscoveryRequest, params: Record<string, string>) => Promise<DiscoveryResponse>
  methods: string[]
}

export function discoveryApi({
  settings,
  basePath,
  serverUrl,
  cache,
  cached,
  plain,
  onAnswer,
}: DiscoveryApiOptions): DiscoveryApi {
  const keyDigests = settings.apiKeys.map((key) => createHash('sha256').update(key).digest())
  // How long a CDN may keep serving an answer while the host fails, as the host itself does.
  const staleIfError = `stale-if-error=${settings.staleTtlSeconds}`
  const allowOrigin = corsOrigin(settings.corsOrigins)

  const openapi = JSON.stringify(openApiDocument(serverUrl, basePath))
  const routes: Route[] = [
    fixed(
      '/v1/health',
      JSON_TYPE,
      JSON.stringify({ status: 'ok', api: 'discovery', version: 'v1' }),
    ),
    fixed('/v1/openapi.json', JSON_TYPE, openapi, 'public, max-age=300'),
    // The problem `type` URIs point here, so it is served even without the interactive docs.
    fixed('/docs/problems', 'text/html; charset=utf-8', PROBLEMS_PAGE, 'public, max-age=300'),
  ]
  if (settings.docs) {
    routes.push(
      fixed('/docs', 'text/html; charset=utf-8', docsPageHtml(basePath), 'public, max-age=300'),
      fixed(
        '/docs/init.js',
        'application/javascript; charset=utf-8',
        docsInitScript(basePath),
        'public, max-age=300',
      ),
      { segments: ['docs', 'assets', ':file'], methods: ['GET', 'HEAD'], answer: swaggerAsset },
    )
  }
  for (const spec of DISCOVERY_ROUTES) {
    const segments = spec.path.split('/').filter(Boolean)
    // GET answers are shared by caches (public, s-maxage): they carry the policy, never one
    // client's remaining budget, which a CDN would replay to everyone.
    const limit = rateLimiter(spec.limiter, spec.method === 'get', keyDigests)
    if (spec.method === 'get') {
      const handler = cached[spec.operationId]
      if (!handler) throw new Error(`discovery: no handler for ${spec.operationId}`)
      routes.push({
        segments,
        methods: ['GET', 'HEAD'],
        answer: async (request, params) => {
          const headers = await limit(request)
          try {
            const input = parseInput(spec, request, params, undefined)
            const key = cacheKey(spec.operationId, { params: input.params, query: input.query })
            const { answer, outcome } = await cache.fetch(key, () => handler(input))
            try {
              onAnswer?.(spec.operationId, input.query, answer)
            } catch (error) {
              logger.debug({ err: error }, 'discovery: answer observer failed')
            }
            return cachedResponse(request, answer, outcome, cache, staleIfError, headers)
          } catch (error) {
            if (error instanceof SearchUnavailableError) {
              const { retryAfterSeconds } = error.details as { retryAfterSeconds: number }
              headers['Retry-After'] = String(retryAfterSeconds)
              headers['Cache-Control'] = 'no-store'
            }
            throw withHeaders(error, headers)
          }
        },
      })
    } else {
      const handler = plain[spec.operationId]
      if (!handler) throw new Error(`discovery: no handler for ${spec.operationId}`)
      routes.push({
        segments,
        methods: ['POST'],
        answer: async (request, params) => {
          const headers = await limit(request)
          try {
            const body = await jsonBody(request)
            const result = await handler(parseInput(spec, request, params, body))
            return {
              status: spec.status,
              headers: { ...headers, 'Cache-Control': 'no-store', 'Content-Type': JSON_TYPE },
              body: JSON.stringify(result),
            }
          } catch (error) {
            throw withHeaders(error, headers)
          }
        },
      })
    }
  }
  // Several routes can share a path (a GET and a POST): a 405 names all their methods.
  const methodsByPath = new Map<string, string[]>()
  for (const route of routes) {
    const path = route.segments.join('/')
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), ...route.methods])
  }

  return async (request) => {
    const cors = corsHeaders(allowOrigin, request.header('origin'))
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': CORS_METHODS,
          'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          'Content-Length': '0',
        },
      }
    }
    let response: DiscoveryResponse
    try {
      response = await route(request)
    } catch (error) {
      response = problemResponse(request, basePath, error)
    }
    const vary = [response.headers.Vary, cors.Vary].filter(Boolean).join(', ')
    Object.assign(response.headers, cors)
    if (vary) response.headers.Vary = vary
    if (response.body !== undefined) {
      response.headers['Content-Length'] = String(Buffer.byteLength(response.body))
    }
    if (request.method === 'HEAD') response.body = undefined
    return response
  }

  async function route(request: DiscoveryRequest): Promise<DiscoveryResponse> {
    const asked = splitPath(request.path)
    let pathMatched: Route | undefined
    for (const candidate of routes) {
      const params = matchSegments(candidate.segments, asked)
      if (!params) continue
      pathMatched ??= candidate
      if (candidate.methods.includes(request.method)) {
        const response = await candidate.answer(request, params)
        response.route = `/${candidate.segments.join('/')}`
        return response
      }
    }
    if (pathMatched) {
      const allowed = methodsByPath.get(pathMatched.segments.join('/')) ?? pathMatched.methods
      throw new ApiError(
        405,
        'method_not_allowed',
        `${request.method} is not allowed here; use ${allowed.join(' or ')}.`,
        undefined,
        { Allow: allowed.join(', ') },
      )
    }
    throw new ApiError(
      404,
      'not_found',
      `No route for ${request.method} ${basePath}${request.path}`,
    )
  }
}

/** A fixed answer (health, the OpenAPI document, the docs pages), with a strong ETag. */
function fixed(path: string, contentType: string, body: string, cacheControl?: string): Route {
  const bytes = Buffer.from(body)
  const etag = etagOf(body)
  const encodings: Encodings = {}
  return {
    segments: path.split('/').filter(Boolean),
    methods: ['GET', 'HEAD'],
    answer: async (request) => {
      const headers: Record<string, string> = { 'Content-Type': contentType }
      if (cacheControl) headers['Cache-Control'] = cacheControl
      return representation(request, bytes, etag, encodings, headers)
    },
  }
}

/**
 * The answer for `bytes` in the coding the client prefers (compression.ts), with its ETag, or a
 * 304 when the client holds that representation already.
 */
function representation(
  request: DiscoveryRequest,
  bytes: Buffer,
  etag: string,
  encodings: Encodings,
  headers: Record<string, string>,
): DiscoveryResponse {
  const coding =
    bytes.length >= COMPRESS_FROM_BYTES
      ? preferredCoding(request.header('accept-encoding'))
      : undefined
  headers.Vary = 'Accept-Encoding'
  headers.ETag = codedEtag(etag, coding)
  if (matches(request.header('if-none-match'), headers.ETag)) return { status: 304, headers }
  if (!coding) return { status: 200, headers, body: bytes }
  headers['Content-Encoding'] = coding
  return { status: 200, headers, body: encoded(bytes, coding, encodings) }
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
}

/** Swagger UI's files, from its npm package (no CDN). Only plain file names, nothing nested. */
async function swaggerAsset(
  _request: DiscoveryRequest,
  params: Record<string, string>,
): Promise<DiscoveryResponse> {
  const file = params.file ?? ''
  const type = ASSET_TYPES[extname(file)]
  if (!type || !/^[\w.-]+$/.test(file) || file.startsWith('.')) {
    throw new ApiError(404, 'not_found', 'No such documentation asset.')
  }
  const body = await readFile(join(getAbsoluteFSPath(), file)).catch(() => {
    throw new ApiError(404, 'not_found', 'No such documentation asset.')
  })
  return {
    status: 200,
    headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' },
    body,
  }
}

function corsOrigin(origins: string[]): '*' | string[] {
  return origins.includes('*') || !origins.length ? '*' : origins
}

/** As the `cors` package answers: any origin with `*`, else the listed ones, echoed back. */
function corsHeaders(allowed: '*' | string[], origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS }
  if (allowed === '*') {
    headers['Access-Control-Allow-Origin'] = '*'
  } else {
    headers.Vary = 'Origin'
    if (origin && allowed.includes(origin)) headers['Access-Control-Allow-Origin'] = origin
  }
  return headers
}

function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean)
}

/** Segments compared case-insensitively (as Express does); `:name` takes one decoded segment. */
function matchSegments(pattern: string[], asked: string[]): Record<string, string> | undefined {
  if (pattern.length !== asked.length) return undefined
  const params: Record<string, string> = {}
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index]!
    const given = asked[index]!
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(given)
      } catch {
        throw new ApiError(400, 'invalid_path', `The path segment ${given} is not valid UTF-8.`)
      }
    } else if (expected.toLowerCase() !== given.toLowerCase()) {
      return undefined
    }
  }
  return params
}

/** Index of a configured API key, compared in constant time; -1 when unknown. */
function apiKeyIndex(keyDigests: Buffer[], given: string): number {
  const digest = createHash('sha256').update(given).digest()
  let found = -1
  keyDigests.forEach((known, index) => {
    if (timingSafeEqual(known, digest)) found = index
  })
  return found
}

/** Consumes one unit of the route's limit; the rate-limit headers to send, or throws a 401/429. */
function rateLimiter(name: LimiterName, sharedAnswers: boolean, keyDigests: Buffer[]) {
  let policyOnly: Record<string, string> | undefined
  return async (request: DiscoveryRequest): Promise<Record<string, string>> => {
    const address = `ip:${request.ip || 'unknown'}`
    const apiKey = request.header('x-api-key')
    const keyIndex = apiKey === undefined ? -1 : apiKeyIndex(keyDigests, apiKey)
    if (apiKey !== undefined && keyIndex < 0) {
      // Guessing keys costs the address's budget like any other request.
      const decision = await consume(name, address)
      throw new ApiError(
        401,
        'invalid_api_key',
        'The X-Api-Key header holds an unknown key.',
        undefined,
        decision.headers,
      )
    }
    // A configured API key has its own budget; everyone else shares their address's.
    const decision = await consume(name, keyIndex >= 0 ? `key:${keyIndex}` : address)
    if (!decision.allowed) {
      // A refusal is never cached: it carries the full state and Retry-After.
      throw new ApiError(
        429,
        'rate_limited',
        'Too many requests; retry after the delay given.',
        { retryAfterSeconds: decision.retryAfterSeconds },
        decision.headers,
      )
    }
    if (!sharedAnswers) return { ...decision.headers }
    policyOnly ??= { 'RateLimit-Policy': policyHeader(name) }
    return { ...policyOnly }
  }
}

async function jsonBody(request: DiscoveryRequest): Promise<unknown> {
  if (!isJsonContentType(request.header('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.')
  }
  const text = await request.body(BODY_LIMIT_BYTES)
  if (!text) return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON.')
  }
  // Only objects and arrays, as a strict JSON body parser accepts.
  if (body === null || typeof body !== 'object') {
    throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON.')
  }
  return body
}

function parseInput(
  spec: RouteSpec,
  request: DiscoveryRequest,
  params: Record<string, string>,
  body: unknown,
) {
  return {
    query: spec.query ? validate(spec.query, request.query, 'query') : {},
    params: spec.params ? validate(spec.params, params, 'path') : {},
    body: spec.body ? validate(spec.body, body, 'body') : undefined,
  }
}

/** An error carrying headers the answer must keep (rate-limit state, Retry-After). */
function withHeaders(error: unknown, headers: Record<string, string>): unknown {
  const apiError = toApiError(error)
  return new ApiError(apiError.status, apiError.code, apiError.message, apiError.details, {
    ...headers,
    ...apiError.headers,
  })
}

/**
 * Anything thrown as problem details. Known client errors keep their status; everything else is a
 * 500 with no internals in the response (the log line, tied to the request id, has the details).
 */
function problemResponse(
  request: DiscoveryRequest,
  basePath: string,
  error: unknown,
): DiscoveryResponse {
  const apiError = toApiError(error)
  // 503s are expected during an outage and already logged where the dependency failed.
  if (apiError.status >= 500 && apiError.status !== 503) {
    logger.error({ err: error, path: basePath + request.path }, 'discovery error')
  }
  const body = problemBody({
    status: apiError.status,
    code: apiError.code,
    detail: apiError.message,
    details: apiError.details,
    instance: basePath + request.path,
    requestId: request.requestId,
    typesPath: `${basePath}/docs/problems`,
  })
  return {
    status: apiError.status,
    headers: { ...apiError.headers, 'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8` },
    body: JSON.stringify(body),
  }
}

/**
 * RFC 9211 `Cache-Status`: which of our caches answered (`hit`, with the level in `detail`), or
 * that the answer was computed (`fwd=miss`) and stored; a stale answer served because
 * Elasticsearch failed is a hit with `detail=stale-if-error`. `X-Cache` stays for existing clients.
 */
function cacheStatus(outcome: CacheOutcome, ttlSeconds: number): string {
  switch (outcome) {
    case 'memory':
      return `MediaMesh; hit; ttl=${ttlSeconds}; detail=memory`
    case 'redis':
      return `MediaMesh; hit; ttl=${ttlSeconds}; detail=redis`
    case 'stale':
      return 'MediaMesh; hit; ttl=0; detail=stale-if-error'
    case 'origin':
      return `MediaMesh; fwd=miss; stored; ttl=${ttlSeconds}`
  }
}

const X_CACHE: Record<CacheOutcome, string> = {
  memory: 'HIT-MEMORY',
  redis: 'HIT-REDIS',
  origin: 'MISS',
  stale: 'STALE',
}

function cachedResponse(
  request: DiscoveryRequest,
  answer: CachedAnswer,
  outcome: CacheOutcome,
  cache: DiscoveryCache,
  staleIfError: string,
  headers: Record<string, string>,
): DiscoveryResponse {
  const seconds = outcome === 'stale' ? 0 : cache.remainingSeconds(answer)
  headers['X-Cache'] = X_CACHE[outcome]
  headers['Cache-Status'] = cacheStatus(outcome, seconds)
  headers['Cache-Control'] =
    outcome === 'stale'
      ? 'public, max-age=0, must-revalidate'
      : `public, max-age=${seconds}, s-maxage=${seconds}, ${staleIfError}`
  headers['Content-Type'] = JSON_TYPE
  answer.bytes ??= Buffer.from(answer.body)
  answer.encodings ??= {}
  return representation(request, answer.bytes, answer.etag, answer.encodings, headers)
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}
