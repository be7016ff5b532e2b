/**
 * `mediaMesh(options)`: MediaMesh as one Payload plugin. It adds the catalogue collections
 * (programs, episodes, categories, media, sources) and composes the sub-plugins that give them
 * their behaviour: upload storage, search sync, search insights and rules, admin search, discovery
 * as Payload endpoints, ingestion, CMS rate limits, query bounds and security hardening.
 *
 * `disabled: true` keeps the schema, as Payload's own plugins do: every collection and field stays
 * (so migrations do not change), and the behaviour goes: hooks, endpoints, admin views, job handlers.
 */
import type { CollectionConfig, Config, Plugin, TaskConfig, UploadConfig } from 'payload'

import { categoriesCollection } from '../collections/Categories'
import { episodesCollection } from '../collections/Episodes'
import { mediaCollection } from '../collections/Media'
import { programsCollection } from '../collections/Programs'
import { sourcesCollection } from '../collections/Sources'
import { startJobRunner } from '../jobs/claimingRunner'
import { jobRequestContext } from '../jobs/requestContext'
import { CATALOGUE_COLLECTIONS, catalogueSlugs } from '../lib/catalogueSlugs'
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
    const sanitized = sanitizeOptions(incoming)
    // Files are served under the host's API route (Payload's `routes.api`, '/api' by default).
    const filesPath = `${config.routes?.api ?? '/api'}/${sanitized.collections.media.slug}/file/`
    const options = { ...sanitized, media: { ...sanitized.media, filesPath } }
    activateMediaMeshOptions(options)
    const withCollections: Config = {
      ...config,
      collections: [...catalogueCollections(options), ...(config.collections ?? [])],
      custom: { ...config.custom, mediaMesh: options },
    }
    const full = await composeSubPlugins(withCollections, options)
    return options.disabled ? schemaOnly(withCollections, full) : full
  }

const COLLECTIONS = {
  programs: programsCollection,
  episodes: episodesCollection,
  categories: categoriesCollection,
  media: mediaCollection,
  sources: sourcesCollection,
}

/** MediaMesh's collections under the host's slugs, with its labels, fields, access and admin. */
function catalogueCollections(options: SanitizedMediaMeshOptions): CollectionConfig[] {
  const slugs = catalogueSlugs(options)
  return CATALOGUE_COLLECTIONS.map((key) => {
    const collection = COLLECTIONS[key](slugs)
    const { labels, fields = [], access, admin } = options.collections[key]
    return {
      ...collection,
      ...(labels ? { labels } : {}),
      admin: { ...collection.admin, ...admin },
      access: { ...collection.access, ...access },
      fields: [...collection.fields, ...fields],
      ...(key === 'media'
        ? { upload: { ...(collection.upload as UploadConfig), staticDir: options.media.dir } }
        : {}),
    }
  })
}

/** Order matters: the login rate limit before security hardening, the job context last. */
async function composeSubPlugins(
  config: Config,
  options: SanitizedMediaMeshOptions,
): Promise<Config> {
  const slugs = catalogueSlugs(options)
  const plugins: Plugin[] = [
    mediaStorage(options.media.s3, slugs.media),
    searchSync({ queue: options.jobs.searchQueue, slugs }),
    searchInsights(),
    searchRules(slugs),
    adminSearch(slugs),
    ...(options.discovery.endpoints ? [discoveryEndpoints(options.discovery)] : []),
    // Off keeps the task's slug and the sources' fields, like `disabled` does for everything.
    options.ingestion.enabled ? ingest(slugs.sources) : schemaOnlyOf(ingest(slugs.sources)),
    cmsRateLimits(),
    queryBounds(options.queryBounds),
    securityHardening({ hideGraphQLSuggestions: options.hideGraphQLSuggestions }),
    jobRequestContext(),
    ...(options.jobs.autoRun ? [runJobsOnInit] : []),
  ]
  let result = config
  for (const plugin of plugins) result = await plugin(result)
  return result
}

/**
 * `jobs.autoRun`: MediaMesh's job runner (exclusive claims) in every Payload instance of a
 * long-running server, started once the instance is ready.
 */
const runJobsOnInit: Plugin = (config) => ({
  ...config,
  onInit: async (payload) => {
    await config.onInit?.(payload)
    startJobRunner(payload)
  },
})

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
