/**
 * The search sync job as the rest of the code sees it: its task slug, its input, and the
 * `req.context` flags writers set. Here (not in the plugin) so that search, ingestion and the seed
 * can use them without importing the plugin layer.
 */
import type { SyncedCollection } from './sync'

/** Set on `req.context` (e.g. by the seed) to change documents without queueing syncs. */
export const SKIP_SEARCH_SYNC = 'skipSearchSync'

/**
 * Set on `req.context` by bulk writers (feed ingestion) so that their syncs are claimed after
 * every other pending sync: a 700-episode import must not delay an editor's publish by minutes.
 */
export const SEARCH_SYNC_IN_BACKGROUND = 'searchSyncInBackground'

export const SEARCH_SYNC_TASK = 'searchSync'

export interface SearchSyncInput {
  collection: SyncedCollection
  id: number
  /** The request that caused the change, for logs. */
  requestId?: string
  /** Claimed after the queue's other jobs (see `BACKGROUND_INPUT` in src/jobs/claimingRunner.ts). */
  background?: boolean
}
