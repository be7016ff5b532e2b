/**
 * Editors' levers over discovery search: the synonym and promotion collections, and the search
 * preview view (its data comes from `/api/search-preview`, served by the host: src/discovery/preview.ts).
 */
import { withAdminView } from './adminView'
import type { Config, Plugin } from 'payload'

import { SearchPromotions } from '../collections/SearchPromotions'
import { SearchSynonyms } from '../collections/SearchSynonyms'

export const searchRules =
  (): Plugin =>
  (config: Config): Config =>
    withAdminView(
      { ...config, collections: [...(config.collections ?? []), SearchSynonyms, SearchPromotions] },
      {
        key: 'searchPreview',
        path: '/search-preview',
        Component: '/admin/SearchPreviewView#SearchPreviewView',
        navLink: '/admin/SearchPreviewNavLink#SearchPreviewNavLink',
      },
    )
