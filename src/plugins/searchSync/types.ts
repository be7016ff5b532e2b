import type { CatalogueSlugs } from '../../lib/catalogueSlugs'
import type { SyncedCollection } from '../../search/sync'

export interface SearchSyncOptions {
  /**
   * Collections whose changes are synced to the catalogue index.
   * @default ['programs', 'episodes', 'categories', 'media']
   */
  collections?: SyncedCollection[]
  /**
   * Job queue the sync tasks run on (workers and autoRun must process it).
   * @default 'search'
   */
  queue?: string
  /**
   * Attempts before a sync job is left as failed (the dead-letter list), with exponential backoff.
   * @default 8
   */
  attempts?: number
  /** The collections' slugs in this app. @default their keys */
  slugs?: CatalogueSlugs
}
