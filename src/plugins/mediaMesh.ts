/**
 * `mediaMesh(options)`: MediaMesh as one Payload plugin. It adds the catalogue collections
 * (programs, episodes, categories, media, sources) and composes the sub-plugins that give them
 * their behaviour: upload storage, search sync, search insights and rules, admin search, discovery
 * as Payload endpoints, ingestion, CMS rate limits, query bounds and security hardening.
 *
 * `disabled: true` keeps the schema, as Payload's own plugins do: every collection and field stays
 * (so migrations do not change), and the behaviour goes: hooks, endpoints, admin views, job handlers.
 */
import type { Config, Plugin, TaskConfig, UploadConfig } from 'payload'

import { Categories } from '../collections/Categories'
import { Episodes } from '../collections/Episodes'
import { Media } from '../collections/Media'
import { Programs } from '../collections/Programs'
import { Sources } from '../collections/Sources'
import { jobRequestContext } from '../jobs/requestContext'
import { activateMediaMeshOptions } from '../lib/mediaMeshOptions'
import { adminSearch } from './adminSearch'
import { cmsRateLimits } from './cmsRateLimits'
import { discoveryEndpoints } from './discoveryEndpoints'
import { ingest } from './ingest'
import { mediaStorage } from './mediaStorage'
import { queryBounds } from './queryBounds'
import { searchInsights } from './searchInsights'
import { searchRules } from './searchRules'
import { searchSync } from './searchSync'
import { securityHardening } from './securityHardening'
import { sanitizeOptions, type MediaMeshOptions, type SanitizedMediaMeshOptions } from './types'

export const mediaMesh =
  (incoming: MediaMeshOptions): Plugin =>
  async (config: Config): Promise<Config> => {
    const options = sanitizeOptions(incoming)
    activateMediaMeshOptions(options)
    const withCollections: Config = {
      ...config,
      collections: [...catalogueCollections(options), ...(config.collections ?? [])],
      custom: { ...config.custom, mediaMesh: options },
    }
    const full = await composeSubPlugins(withCollections, options)
    return options.disabled ? schemaOnly(withCollections, full) : full
  }

function catalogueCollections(options: SanitizedMediaMeshOptions) {
  const media = {
    ...Media,
    upload: { ...(Media.upload as UploadConfig), staticDir: options.media.dir },
  }
  return [Programs, Episodes, Categories, media, Sources]
}

/** Order matters: the login rate limit before security hardening, the job context last. */
async function composeSubPlugins(
  config: Config,
  options: SanitizedMediaMeshOptions,
): Promise<Config> {
  const plugins: Plugin[] = [
    mediaStorage(options.media.s3),
    searchSync({ queue: options.jobs.searchQueue }),
    searchInsights(),
    searchRules(),
    adminSearch(),
    ...(options.discovery.endpoints ? [discoveryEndpoints(options.discovery)] : []),
    // Off keeps the task's slug and the sources' fields, like `disabled` does for everything.
    options.ingestion.enabled ? ingest() : schemaOnlyOf(ingest()),
    cmsRateLimits(),
    queryBounds(options.queryBounds),
    securityHardening({ hideGraphQLSuggestions: options.hideGraphQLSuggestions }),
    jobRequestContext(),
  ]
  let result = config
  for (const plugin of plugins) result = await plugin(result)
  return result
}

/** A plugin that adds what `plugin` adds to the schema, and none of its behaviour. */
function schemaOnlyOf(plugin: Plugin): Plugin {
  return async (config) => schemaOnly(config, await plugin(config))
}

const disabledTask: TaskConfig['handler'] = () => {
  throw new Error('MediaMesh is disabled in this config (mediaMesh({ disabled: true }))')
}

/**
 * The schema of `full` with the behaviour of `base`: collections keep every field the
 * sub-plugins added but the hooks and endpoints they had before them; collections the sub-plugins
 * added keep their fields and access only; new tasks stay (their slugs are part of the jobs
 * table) with a handler that refuses and no schedule; endpoints, admin views, onInit, GraphQL and
 * root hooks are those of `base`.
 */
function schemaOnly(base: Config, full: Config): Config {
  const before = new Map((base.collections ?? []).map((c) => [c.slug, c]))
  const baseTasks = new Set((base.jobs?.tasks ?? []).map((task) => task.slug))
  return {
    ...full,
    collections: (full.collections ?? []).map((collection) => {
      const original = before.get(collection.slug)
      return original
        ? { ...original, fields: collection.fields, upload: original.upload }
        : { ...collection, hooks: {}, endpoints: [] }
    }),
    jobs: full.jobs && {
      ...full.jobs,
      tasks: (full.jobs.tasks ?? []).map((task) =>
        baseTasks.has(task.slug) ? task : { ...task, handler: disabledTask, schedule: undefined },
      ),
    },
    endpoints: base.endpoints,
    admin: base.admin,
    onInit: base.onInit,
    graphQL: base.graphQL,
    hooks: base.hooks,
  }
}
