/**
 * Hardening of parts of Payload our collection files do not define (issue 21, part B):
 *
 * - `payload-locked-documents` (the admin panel's "being edited by" locks) is created by Payload
 *   with "any logged-in user" access: a viewer could list, fake and delete locks and probe which
 *   draft and user ids exist. Staff only here, and a lock made over the API is always in the name
 *   of the user making it (hardenSanitizedConfig: Payload adds this collection after plugins).
 * - GraphQL's "Did you mean ...?" suggestions name types and fields even while introspection is
 *   off (production): stripped from validation errors and from execution errors.
 * - Logins to unknown or locked accounts answer like a wrong password (src/auth/uniformLogin.ts),
 *   over REST and GraphQL. Added last to auth collections' hooks, so after the login rate limit
 *   (cmsRateLimits, registered before this plugin): every attempt is counted the same way.
 * - Every collection refuses query arguments that would crash the database (refuseInvalidQueries).
 */
import type { ValidationContext, ValidationRule } from 'graphql'
import type {
  Access,
  AfterErrorHook,
  CollectionBeforeChangeHook,
  Config,
  SanitizedConfig,
} from 'payload'

import { isStaffUser } from '../access/roles'
import {
  lockedLoginAsIncorrect,
  lockedLoginAsIncorrectInGraphQL,
  uniformLoginBeforeOperation,
} from '../auth/uniformLogin'
import { refuseInvalidQueries } from '../hooks/refuseInvalidQueries'

export const LOCKED_DOCUMENTS = 'payload-locked-documents'

const staffOnly: Access = ({ req }) => isStaffUser(req.user)

/** A lock written through REST or GraphQL belongs to whoever writes it. */
const lockInOwnName: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.payloadAPI === 'local' || !req.user) return data
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}

/**
 * Applied to the sanitised config (payload.config.ts: `buildConfig(...).then(hardenSanitizedConfig)`)
 * because Payload adds this collection after the plugins run. Not in onInit: Next's route
 * handlers build their GraphQL schema from their own copy of the config, which onInit never sees.
 */
export function hardenSanitizedConfig(config: SanitizedConfig): SanitizedConfig {
  const collection = config.collections.find((c) => c.slug === LOCKED_DOCUMENTS)
  if (collection) {
    collection.access = {
      ...collection.access,
      create: staffOnly,
      delete: staffOnly,
      read: staffOnly,
      update: staffOnly,
    }
    collection.hooks.beforeChange = [...(collection.hooks.beforeChange ?? []), lockInOwnName]
  }
  return config
}

/** " Did you mean "x"?" and its variants, as graphql-js words them. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '')
}

/**
 * A validation rule that visits nothing: it only rewrites what the other rules report, through
 * the context's error callback (graphql-js 16 calls `context._onError` for every reported error).
 */
export const hideSuggestionsRule: ValidationRule = (context: ValidationContext) => {
  const holder = context as unknown as { _onError?: (error: Error) => void }
  const report = holder._onError
  if (typeof report === 'function' && !(report as { stripped?: boolean }).stripped) {
    const stripped = (error: Error) => {
      error.message = withoutSuggestions(error.message)
      report(error)
    }
    ;(stripped as { stripped?: boolean }).stripped = true
    holder._onError = stripped
  }
  return {}
}

const suggestionsOutOfExecutionErrors: AfterErrorHook = ({ graphqlResult }) => {
  if (!graphqlResult || !/Did you mean /.test(graphqlResult.message)) return
  return { graphqlResult: { ...graphqlResult, message: withoutSuggestions(graphqlResult.message) } }
}

/** Errors of Payload's multipart parser (busboy) on a malformed body: the client's fault. */
const MALFORMED_MULTIPART =
  /^(Unexpected end of (form|file)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/

const malformedMultipartAs400: AfterErrorHook = ({ error }) => {
  if (!MALFORMED_MULTIPART.test(String((error as Error | undefined)?.message ?? ''))) return
  return {
    status: 400,
    response: { errors: [{ message: 'The multipart request body is malformed.' }] },
  }
}

export interface SecurityHardeningOptions {
  /**
   * Strip GraphQL suggestions. Should match whether introspection is off (Payload turns it off
   * when NODE_ENV is production).
   * @default true
   */
  hideGraphQLSuggestions?: boolean
}

export const securityHardening =
  ({ hideGraphQLSuggestions = true }: SecurityHardeningOptions = {}) =>
  (config: Config): Config => {
    const previousRules = config.graphQL?.validationRules
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            refuseInvalidQueries,
            ...(collection.hooks?.beforeOperation ?? []),
            ...(collection.auth ? [uniformLoginBeforeOperation] : []),
          ],
          afterError: [
            ...(collection.hooks?.afterError ?? []),
            ...(collection.auth ? [lockedLoginAsIncorrect] : []),
          ],
        },
      })),
      graphQL: {
        ...config.graphQL,
        validationRules: (args) => [
          ...(previousRules?.(args) ?? []),
          ...(hideGraphQLSuggestions ? [hideSuggestionsRule] : []),
        ],
      },
      hooks: {
        ...config.hooks,
        afterError: [
          ...(config.hooks?.afterError ?? []),
          malformedMultipartAs400,
          lockedLoginAsIncorrectInGraphQL,
          ...(hideGraphQLSuggestions ? [suggestionsOutOfExecutionErrors] : []),
        ],
      },
    }
  }
