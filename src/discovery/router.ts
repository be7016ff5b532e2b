import { createHash, timingSafeEqual } from 'node:crypto'

import cors from 'cors'
import express, { type Request, type RequestHandler, type Response, Router } from 'express'

import { logger } from '../observability/logger'
import type { SanitizedMediaMeshOptions } from '../plugins/types'
import { consume, type LimiterName, policyHeader } from '../ratelimit/limiters'
import type { CacheOutcome, CachedAnswer, DiscoveryCache } from './cache'
import { cacheKey } from './cache'
import { docsInit, docsPage, problemsPage, swaggerAssets } from './docs'
import { ApiError, errorHandler, methodNotAllowed, notFound } from './errors'
import type { CachedHandler, PlainHandler } from './handlers'
import { openApiDocument } from './openapi'
import { DISCOVERY_ROUTES, type RouteSpec } from './routes'
import { SearchUnavailableError } from './searchBackend'
import { validate } from './validation'

export interface DiscoveryRouterOptions {
  /** The `discovery` options of mediaMesh (CORS, API keys, staleness, docs). */
  settings: SanitizedMediaMeshOptions['discovery']
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

/**
 * The public discovery API, mounted at `/discovery`. Routes come from DISCOVERY_ROUTES (routes.ts);
 * this file only wires each one: rate limit → validation → handler → cached response.
 * Versioned under `/v1` so a future `/v2` can change shapes without breaking shipped apps.
 */
export function discoveryRouter({
  settings,
  serverUrl,
  cache,
  cached,
  plain,
  onAnswer,
}: DiscoveryRouterOptions): Router {
  const router = Router()
  router.use(
    cors({
      origin: corsOrigin(settings.corsOrigins),
      methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowedHeaders: ['Content-Type', 'If-None-Match', 'X-Api-Key', 'X-Request-Id'],
      exposedHeaders: [
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
      ],
      maxAge: 600,
    }),
  )

  const v1 = Router()
  v1.get('/health', (_req, res) => {
    res.json({ status: 'ok', api: 'discovery', version: 'v1' })
  })
  const openapi = JSON.stringify(openApiDocument(serverUrl, settings.basePath))
  v1.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300')
    res.type('application/json').send(openapi)
  })

  const keyDigests = settings.apiKeys.map((key) => createHash('sha256').update(key).digest())
  // How long a CDN may keep serving an answer while the host fails, as the host itself does.
  const staleIfError = `stale-if-error=${settings.staleTtlSeconds}`
  for (const spec of DISCOVERY_ROUTES) {
    const path = spec.path.replace(/^\/v1/, '')
    // GET answers are shared by caches (public, s-maxage): they carry the policy, never one
    // client's remaining budget, which a CDN would replay to everyone.
    const limit = rateLimit(spec.limiter, spec.method === 'get', keyDigests)
    if (spec.method === 'get') {
      const handler = cached[spec.operationId]
      if (!handler) throw new Error(`discovery: no handler for ${spec.operationId}`)
      v1.get(path, limit, cachedRoute(spec, handler, cache, onAnswer, staleIfError))
    } else {
      const handler = plain[spec.operationId]
      if (!handler) throw new Error(`discovery: no handler for ${spec.operationId}`)
      v1.post(path, limit, jsonBody, plainRoute(spec, handler))
    }
  }

  for (const [path, methods] of servedMethods()) v1.all(path, methodNotAllowed(methods))

  router.use('/v1', v1)
  // The problem `type` URIs point here, so it is served even without the interactive docs.
  router.get('/docs/problems', problemsPage)
  if (settings.docs) {
    router.get('/docs', docsPage(settings.basePath))
    router.get('/docs/init.js', docsInit(settings.basePath))
    router.use('/docs/assets', swaggerAssets())
  }
  router.use(notFound)
  router.use(errorHandler)
  return router
}

/** Each path under `/v1` and the methods it answers (a GET also answers HEAD). */
function servedMethods(): Map<string, string[]> {
  const served = new Map<string, string[]>([
    ['/health', ['GET', 'HEAD']],
    ['/openapi.json', ['GET', 'HEAD']],
  ])
  for (const spec of DISCOVERY_ROUTES) {
    const path = spec.path.replace(/^\/v1/, '')
    const methods = spec.method === 'get' ? ['GET', 'HEAD'] : ['POST']
    served.set(path, [...(served.get(path) ?? []), ...methods])
  }
  return served
}

function corsOrigin(origins: string[]): string | string[] {
  return origins.includes('*') || !origins.length ? '*' : origins
}

const parseJson = express.json({ limit: '2kb', strict: true })

/** Only JSON bodies, small ones: anything else is a 415/413/400 before the handler runs. */
const jsonBody: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    next(new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.'))
    return
  }
  parseJson(req, res, next)
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

function rateLimit(
  name: LimiterName,
  sharedAnswers: boolean,
  keyDigests: Buffer[],
): RequestHandler {
  let policyOnly: Record<string, string> | undefined
  return async (req, res, next) => {
    try {
      const address = `ip:${req.ip ?? 'unknown'}`
      const apiKey = req.get('x-api-key')
      const keyIndex = apiKey === undefined ? -1 : apiKeyIndex(keyDigests, apiKey)
      if (apiKey !== undefined && keyIndex < 0) {
        // Guessing keys costs the address's budget like any other request.
        const decision = await consume(name, address)
        res.set(decision.headers)
        throw new ApiError(401, 'invalid_api_key', 'The X-Api-Key header holds an unknown key.')
      }
      // A configured API key has its own budget; everyone else shares their address's.
      const decision = await consume(name, keyIndex >= 0 ? `key:${keyIndex}` : address)
      // A refusal is never cached: it carries the full state and Retry-After.
      if (sharedAnswers && decision.allowed) {
        policyOnly ??= { 'RateLimit-Policy': policyHeader(name) }
        res.set(policyOnly)
      } else {
        res.set(decision.headers)
      }
      if (!decision.allowed) {
        throw new ApiError(429, 'rate_limited', 'Too many requests; retry after the delay given.', {
          retryAfterSeconds: decision.retryAfterSeconds,
        })
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

function input(spec: RouteSpec, req: Request) {
  return {
    query: spec.query ? validate(spec.query, req.query, 'query') : {},
    params: spec.params ? validate(spec.params, req.params, 'path') : {},
    body: spec.body ? validate(spec.body, req.body, 'body') : undefined,
  }
}

function cachedRoute(
  spec: RouteSpec,
  handler: CachedHandler,
  cache: DiscoveryCache,
  onAnswer: DiscoveryRouterOptions['onAnswer'],
  staleIfError: string,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const parsed = input(spec, req)
      const key = cacheKey(spec.operationId, { params: parsed.params, query: parsed.query })
      const { answer, outcome } = await cache.fetch(key, () => handler(parsed))
      try {
        onAnswer?.(spec.operationId, parsed.query, answer)
      } catch (error) {
        logger.debug({ err: error }, 'discovery: answer observer failed')
      }
      sendCached(req, res, answer, outcome, cache, staleIfError)
    } catch (error) {
      if (error instanceof SearchUnavailableError) {
        const { retryAfterSeconds } = error.details as { retryAfterSeconds: number }
        res.setHeader('Retry-After', String(retryAfterSeconds))
        res.setHeader('Cache-Control', 'no-store')
      }
      next(error)
    }
  }
}

function plainRoute(spec: RouteSpec, handler: PlainHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      const result = await handler(input(spec, req))
      res.setHeader('Cache-Control', 'no-store')
      res.status(spec.status).json(result)
    } catch (error) {
      next(error)
    }
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

function sendCached(
  req: Request,
  res: Response,
  answer: CachedAnswer,
  outcome: CacheOutcome,
  cache: DiscoveryCache,
  staleIfError: string,
): void {
  const seconds = outcome === 'stale' ? 0 : cache.remainingSeconds(answer)
  res.setHeader('ETag', answer.etag)
  res.setHeader('X-Cache', X_CACHE[outcome])
  res.setHeader('Cache-Status', cacheStatus(outcome, seconds))
  res.setHeader(
    'Cache-Control',
    outcome === 'stale'
      ? 'public, max-age=0, must-revalidate'
      : `public, max-age=${seconds}, s-maxage=${seconds}, ${staleIfError}`,
  )
  if (matches(req.get('if-none-match'), answer.etag)) {
    res.status(304).end()
    return
  }
  answer.bytes ??= Buffer.from(answer.body)
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', answer.bytes.length)
  res.status(200).end(req.method === 'HEAD' ? undefined : answer.bytes)
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}
