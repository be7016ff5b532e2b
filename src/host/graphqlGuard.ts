import type { RequestHandler, Response } from 'express'
import { parse, type DocumentNode } from 'graphql'
import type { Payload } from 'payload'

import { OPERATIONS_COUNTED_HEADER } from '../plugins/cmsRateLimits'
import { consume, type Decision, type LimiterName } from '../ratelimit/limiters'
import { bufferedBody } from './bodyLimits'
import {
  analyseGraphql,
  graphqlLimitExceeded,
  type GraphqlLimits,
  type RootField,
} from './graphqlCost'

/** Tokens the parser reads at most: a larger document is refused before it becomes a tree. */
const MAX_TOKENS = 20_000

/**
 * Which limiter a mutation's root field spends, and under which key (writes: the user's, filled in
 * by the caller); undefined: none.
 */
export function operationLimit(
  field: RootField,
  ip: string,
): { limiter: LimiterName; key?: string } | undefined {
  if (field.operation !== 'mutation') return undefined
  const email = String(field.args.email ?? '')
    .trim()
    .toLowerCase()
  if (/^login/.test(field.name)) return { limiter: 'login', key: `${ip}:${email}` }
  if (/^(unlock|forgotPassword)/.test(field.name)) {
    return { limiter: 'account', key: `${ip}:${email}` }
  }
  if (/^resetPassword/.test(field.name)) return { limiter: 'account', key: `${ip}:` }
  if (/^(create|update|delete|duplicate|restoreVersion)/.test(field.name)) {
    return { limiter: 'writes' }
  }
  return undefined
}

/**
 * In front of POST /api/graphql: refuses a document over the cost limits with a 400, and spends one
 * rate-limit point per counted operation (each alias of a login, unlock, forgot- or reset-password
 * and write) before any of them runs. A request needing more points than remain is refused whole
 * with a 429: nothing in it runs, no password is checked.
 */
export function graphqlGuard(payload: Payload, limits: GraphqlLimits): RequestHandler {
  return async (req, res, next) => {
    delete req.headers[OPERATIONS_COUNTED_HEADER]
    if (req.method !== 'POST' || req.path !== '/api/graphql') return next()
    try {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        // graphql-http would answer 415 with an empty body.
        return refuse(res, 415, 'Send GraphQL requests as application/json.')
      }
      const body = bufferedBody(req)
      let params: unknown
      try {
        params = body ? JSON.parse(body.toString('utf8')) : undefined
      } catch {
        // Payload's GraphQL route answers a body it cannot parse with a 500.
        return refuse(res, 400, 'The request body is not valid JSON.')
      }
      if (Array.isArray(params)) {
        return refuse(res, 400, 'Batched GraphQL requests are not accepted: send one per request.')
      }
      if (body && (params === null || typeof params !== 'object')) {
        return refuse(res, 400, 'The request body must be a JSON object with a `query`.')
      }
      const { query, variables } = (params ?? {}) as { query?: unknown; variables?: unknown }
      if (typeof query !== 'string') return next()
      let document: DocumentNode
      try {
        document = parse(query, { maxTokens: MAX_TOKENS, noLocation: true })
      } catch (error) {
        const message = error instanceof Error ? error.message : 'Syntax error.'
        return refuse(res, 400, message)
      }
      const analysis = analyseGraphql(
        document,
        variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {},
      )
      const exceeded = graphqlLimitExceeded(analysis, limits)
      if (exceeded) return refuse(res, 400, exceeded)

      const ip = req.ip ?? 'unknown'
      const counted = analysis.rootFields.map((field) => operationLimit(field, ip))
      const writer = counted.some((limit) => limit?.limiter === 'writes')
        ? await whoIsAsking(payload, req.headers, ip)
        : `ip:${ip}`
      const costs = new Map<string, { limiter: LimiterName; key: string; points: number }>()
      for (const limit of counted) {
        if (!limit) continue
        const key = limit.key ?? writer
        const id = `${limit.limiter}\n${key}`
        const entry = costs.get(id) ?? { limiter: limit.limiter, key, points: 0 }
        entry.points += 1
        costs.set(id, entry)
      }
      const decisions = await Promise.all(
        [...costs.values()].map(async (cost) => ({
          cost,
          decision: await consume(cost.limiter, cost.key, cost.points),
        })),
      )
      const refused = decisions.find(({ decision }) => !decision.allowed)
      const shown = refused ?? decisions[decisions.length - 1]
      if (shown) setHeaders(res, shown.decision)
      if (refused) {
        const { limiter, points } = refused.cost
        return refuse(
          res,
          429,
          `${limiter === 'writes' ? 'Too many changes' : limiter === 'login' ? 'Too many login attempts' : 'Too many account requests'}: this request needs ${points} and fewer remain. Nothing in it was run. Try again in ${refused.decision.retryAfterSeconds} s.`,
          { retryAfterSeconds: refused.decision.retryAfterSeconds },
        )
      }
      req.headers[OPERATIONS_COUNTED_HEADER] = '1'
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** The writes key: the signed-in user (JWT cookie or header, API key) or else the address. */
async function whoIsAsking(
  payload: Payload,
  headers: Record<string, string | string[] | undefined>,
  ip: string,
): Promise<string> {
  const fetchHeaders = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') fetchHeaders.set(name, value)
    else if (Array.isArray(value)) fetchHeaders.set(name, value.join(', '))
  }
  try {
    const { user } = await payload.auth({ headers: fetchHeaders })
    if (user) return `user:${user.collection}:${user.id}`
  } catch {
    // an invalid token: anonymous (Payload refuses the write itself)
  }
  return `ip:${ip}`
}

function setHeaders(res: Response, decision: Decision): void {
  for (const [header, value] of Object.entries(decision.headers)) res.setHeader(header, value)
}

/** GraphQL's error shape, with Payload's `extensions.statusCode`. */
function refuse(
  res: Response,
  status: number,
  message: string,
  data?: Record<string, unknown>,
): void {
  res.status(status).json({ errors: [{ message, extensions: { statusCode: status, data } }] })
}
