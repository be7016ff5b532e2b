/**
 * Editors' levers over discovery search: the synonym and promotion collections, and the search
 * preview view (its data comes from `/api/search-preview`, served by the host: src/discovery/preview.ts).
 */
import { withAdminView } from './adminView'
import type { Config, Plugin } from 'payload'

import { searchPromotionsCollection } from '../collections/SearchPromotions'
import type { CatalogueSlugs } from '../lib/catalogueSlugs'
import { SearchSynonyms } from '../collections/SearchSynonyms'

export const searchRules =
  (slugs: CatalogueSlugs): Plugin =>
  (config: Config): Config =>
    withAdminView(
      {
        ...config,
        collections: [
          ...(config.collections ?? []),
          SearchSynonyms,
          searchPromotionsCollection(slugs),
        ],
      },
      {
        key: 'searchPreview',
        path: '/search-preview',
        Component: 'mediamesh/rsc#SearchPreviewView',
        navLink: 'mediamesh/rsc#SearchPreviewNavLink',
      },
    )
