/**
 * MediaMesh's collections under the slugs the host gave them (`mediaMesh({ collections: { programs:
 * { slug: 'shows' } } })`). MediaMesh's code names a collection by its key ('programs') and asks
 * for its slug at the Payload boundary, so job inputs, index records and discovery's URLs keep one
 * vocabulary whatever the host calls its collections.
 */
import type { Payload } from 'payload'

import type { SanitizedMediaMeshOptions } from '../plugins/types'
import { getMediaMesh } from './mediaMeshOptions'

export const CATALOGUE_COLLECTIONS = [
  'programs',
  'episodes',
  'categories',
  'media',
  'sources',
] as const
export type CatalogueCollection = (typeof CATALOGUE_COLLECTIONS)[number]

/**
 * Each collection's slug in this app, by key. Typed as the keys, like `slugOf` (below): the
 * documents have the same shape under any slug, and Payload's generated types know MediaMesh's own.
 */
export type CatalogueSlugs = { [C in CatalogueCollection]: C }

export const DEFAULT_SLUGS: CatalogueSlugs = {
  programs: 'programs',
  episodes: 'episodes',
  categories: 'categories',
  media: 'media',
  sources: 'sources',
}

/**
 * The slug of `collection` in this Payload instance. Typed as the key: the documents have the same
 * shape under any slug, and Payload's generated types are keyed by MediaMesh's own slugs.
 */
export function slugOf<C extends CatalogueCollection>(
  payload: Pick<Payload, 'config'>,
  collection: C,
): C {
  return getMediaMesh(payload).collections[collection].slug as C
}

/** Every collection's slug, from MediaMesh's options (see `CatalogueSlugs` for the typing). */
export function catalogueSlugs(
  options: Pick<SanitizedMediaMeshOptions, 'collections'>,
): CatalogueSlugs {
  return Object.fromEntries(
    CATALOGUE_COLLECTIONS.map((key) => [key, options.collections[key].slug]),
  ) as CatalogueSlugs
}
