import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { Env } from '../env'
import { limitBodies } from './bodyLimits'
import { graphqlGuard } from './graphqlGuard'

/**
 * The CMS API's request limits, in front of Next: body sizes per route (413 before parsing), then
 * GraphQL cost bounds (400) and per-operation rate limits (429), before anything runs.
 */
export function cmsRequestLimits(payload: Payload, env: Env): RequestHandler[] {
  return [
    limitBodies({
      jsonBytes: env.HTTP_JSON_BODY_MAX_BYTES,
      authBytes: env.HTTP_AUTH_BODY_MAX_BYTES,
      graphqlBytes: env.HTTP_GRAPHQL_BODY_MAX_BYTES,
    }),
    graphqlGuard(payload, {
      maxRootFields: env.GRAPHQL_MAX_ROOT_FIELDS,
      maxCost: env.GRAPHQL_MAX_COST,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
    }),
  ]
}
