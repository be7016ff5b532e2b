/**
 * The job queues MediaMesh puts work on, so that whoever runs jobs (the web instances' runner,
 * `npm run worker`, the admin panel's reindex) uses the names the plugins were configured with.
 * The search sync plugin records its queue in `config.custom`; nothing is read from the environment.
 */
import type { Config, SanitizedConfig } from 'payload'

/** Where general jobs go (scheduled publishing, ingestion runs, media sweeps). */
export const DEFAULT_QUEUE = 'default'
/** The search sync's queue when its plugin is given none. */
export const DEFAULT_SEARCH_QUEUE = 'search'

const SEARCH_QUEUE_KEY = 'mediaMeshSearchQueue'

/** Records the search sync's queue in the config. */
export function withSearchQueue(config: Config, queue: string): Config {
  return { ...config, custom: { ...config.custom, [SEARCH_QUEUE_KEY]: queue } }
}

/** The search sync's queue in `config`. */
export function searchQueueOf(config: Pick<SanitizedConfig, 'custom'>): string {
  const queue = config.custom?.[SEARCH_QUEUE_KEY]
  return typeof queue === 'string' ? queue : DEFAULT_SEARCH_QUEUE
}

/** The queues a runner works for `config`, in priority order: search sync first, then the rest. */
export function jobQueuesOf(config: Pick<SanitizedConfig, 'custom'>): string[] {
  return [...new Set([searchQueueOf(config), DEFAULT_QUEUE])]
}
