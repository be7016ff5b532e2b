/**
 * The package entry: MediaMesh as a Payload plugin. Only wiring: the plugin, its options and the
 * public types. See README, "Use MediaMesh in your Payload app".
 */
export { mediaMesh } from './plugins/mediaMesh'
export {
  defaults,
  sanitizeOptions,
  type MediaMeshCollectionOverride,
  type MediaMeshOptions,
  type MediaMeshS3Options,
  type SanitizedMediaMeshOptions,
} from './plugins/types'
export { getMediaMesh } from './lib/mediaMeshOptions'
export { configureLogger, type LoggerSettings } from './observability/logger'
export { CATALOGUE_COLLECTIONS, slugOf, type CatalogueCollection } from './lib/catalogueSlugs'
export { startJobRunner, stopJobRunners, type JobRunner } from './jobs/claimingRunner'
export type { Category, Episode, Media, Program, Source } from './payload-types'
export { createDiscovery } from './discovery'
export {
  webDiscoveryHandler,
  type WebDiscoveryHandler,
  type WebDiscoveryOptions,
} from './discovery/web'
export type { DiscoveryApi, DiscoveryRequest, DiscoveryResponse } from './discovery/api'
