/**
 * Search insights as a Payload plugin: the `search-insights` collection (hourly counts written by
 * the flush, read by staff) and the admin view that summarises it at /admin/search-insights.
 * Counting itself happens in the discovery API (src/insights/SearchInsights.ts), flushing in the
 * processes that run jobs (src/insights/flush.ts).
 */
import { withAdminView } from './adminView'
import type { Config } from 'payload'

import { SearchInsights } from '../collections/SearchInsights'

export const searchInsights =
  () =>
  (config: Config): Config =>
    withAdminView(
      { ...config, collections: [...(config.collections ?? []), SearchInsights] },
      {
        key: 'searchInsights',
        path: '/search-insights',
        Component: 'mediamesh/rsc#SearchInsightsView',
        navLink: 'mediamesh/rsc#SearchInsightsNavLink',
      },
    )
