import { createHash, timingSafeEqual } from 'node:crypto'

import cors from 'cors'
import express, { type Request, type RequestHandler, type Response, Router } from 'express'

import { env } from '../env'
import { consume, type LimiterName } from '../ratelimit/limiters'
import type { CacheOutcome, CachedAnswer, DiscoveryCache } from './cache'
import { cacheKey } from './cache'
import { docsInit, docsPage, swaggerAssets } from './docs'
import { ApiError, errorHandler, notFound } from './errors'
import type { CachedHandler, PlainHandler } from './handlers'
import { openApiDocument } from './openapi'
import { DISCOVERY_ROUTES, type RouteSpec } from './routes'
import { SearchUnavailableError } from './searchBackend'
import { validate } from './validation'

export interface DiscoveryRouterOptions {
  cache: DiscoveryCache
  cached: Record<string, CachedHandler>
  plain: Record<string, PlainHandler>
}

/**
 * The public discovery API, mounted at `/discovery`. Routes come from DISCOVERY_ROUTES (routes.ts);
 * this file only wires each one: rate limit → validation → handler → cached response.
 * Versioned under `/v1` so a future `/v2` can change shapes without breaking shipped apps.
 */
export function discoveryRouter({ cache, cached, plain }: DiscoveryRouterOptions): Router {
  const router = Router()
  router.use(
    cors({
      origin: corsOrigin(env.DISCOVERY_CORS_ORIGINS),
      methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowedHeaders: ['Content-Type', 'If-None-Match', 'X-Api-Key', 'X-Request-Id'],
      exposedHeaders: [
        'ETag',
        'X-Cache',
        'X-Request-Id',
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'RateLimit-Policy',
      ],
      maxAge: 600,
    }),
  )

  const v1 = Router()
  v1.get('/health', (_req, res) => {
    res.json({ status: 'ok', api: 'discovery', version: 'v1' })
  })
  const openapi = JSON.stringify(openApiDocument())
  v1.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300')
    res.type('application/json').send(openapi)
  })

  for (const spec of DISCOVERY_ROUTES) {
    const path = spec.path.replace(/^\/v1/, '')
    const limit = rateLimit(spec.limiter)
    if (spec.method === 'get') {
      const handler = cached[spec.operationId]
      if (!handler) throw new Error(`discovery: no handler for ${spec.operationId}`)
      v1.get(path, limit, cachedRoute(spec, handler, cache))
    } else {
      const handler = plain[spec.operationId]
      if (!handler) throw new Error(`discovery: no handler for ${spec.operationId}`)
      v1.post(path, limit, jsonBody, plainRoute(spec, handler))
    }
  }

  router.use('/v1', v1)
  router.get('/docs', docsPage)
  router.get('/docs/init.js', docsInit)
  router.use('/docs/assets', swaggerAssets())
  router.use(notFound)
  router.use(errorHandler)
  return router
}

function corsOrigin(setting: string): string | string[] {
  const origins = setting
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
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

const keyDigests = env.DISCOVERY_API_KEYS.map((key) => createHash('sha256').update(key).digest())

/** Index of a configured API key, compared in constant time; -1 when unknown. */
function apiKeyIndex(given: string): number {
  const digest = createHash('sha256').update(given).digest()
  let found = -1
  keyDigests.forEach((known, index) => {
    if (timingSafeEqual(known, digest)) found = index
  })
  return found
}

function rateLimit(name: LimiterName): RequestHandler {
  return async (req, res, next) => {
    try {
      const address = `ip:${req.ip ?? 'unknown'}`
      const apiKey = req.get('x-api-key')
      const keyIndex = apiKey === undefined ? -1 : apiKeyIndex(apiKey)
      if (apiKey !== undefined && keyIndex < 0) {
        // Guessing keys costs the address's budget like any other request.
        const decision = await consume(name, address)
        res.set(decision.headers)
        throw new ApiError(401, 'invalid_api_key', 'The X-Api-Key header holds an unknown key.')
      }
      // A configured API key has its own budget; everyone else shares their address's.
      const decision = await consume(name, keyIndex >= 0 ? `key:${keyIndex}` : address)
      res.set(decision.headers)
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
): RequestHandler {
  return async (req, res, next) => {
    try {
      const parsed = input(spec, req)
      const key = cacheKey(spec.operationId, { params: parsed.params, query: parsed.query })
      const { answer, outcome } = await cache.fetch(key, () => handler(parsed))
      sendCached(req, res, answer, outcome, cache)
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
): void {
  const seconds = outcome === 'stale' ? 0 : cache.remainingSeconds(answer)
  res.setHeader('ETag', answer.etag)
  res.setHeader('X-Cache', X_CACHE[outcome])
  res.setHeader(
    'Cache-Control',
    outcome === 'stale'
      ? 'public, max-age=0, must-revalidate'
      : `public, max-age=${seconds}, s-maxage=${seconds}`,
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
