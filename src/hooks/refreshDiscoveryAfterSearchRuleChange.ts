import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { catalogueChanged } from '../search/catalogueChanges'

/**
 * A synonym or promotion changed: bump the catalogue generation, so every instance drops its
 * cached discovery answers and its cached search rules (src/discovery/searchRules.ts) at once.
 */
export const refreshDiscoveryAfterSearchRuleChange: CollectionAfterChangeHook &
  CollectionAfterDeleteHook = ({ doc }) => {
  catalogueChanged()
  return doc
}
