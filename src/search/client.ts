import { Client } from '@elastic/elasticsearch'

import { mediaMeshOptions } from '../lib/mediaMeshOptions'

/**
 * Elasticsearch client for this process. Timeouts and retries are explicit: the client's defaults
 * (several retries with backoff, and no request timeout in 9.x) would let a dead node stall a
 * request for seconds. Callers on the request path pass tighter per-request options.
 */
export function createSearchClient(node: string): Client {
  return new Client({
    node,
    requestTimeout: 5000,
    maxRetries: 1,
    compression: false,
  })
}

let shared: Client | undefined

/** The process-wide client (connections are pooled inside it): the one given in the options, or ours. */
export function searchClient(): Client {
  if (!shared) {
    const { client, node } = mediaMeshOptions().elasticsearch
    shared = client ?? createSearchClient(node)
  }
  return shared
}

/**
 * Health for /readyz: the cluster answers and is not red. GET / is not used: the integration-test
 * distribution answers it with 404 (its root endpoint lives in a module it lacks).
 */
export async function checkSearchHealth(client: Client = searchClient()): Promise<void> {
  const health = await client.cluster.health(
    { timeout: '1s' },
    { requestTimeout: 1500, maxRetries: 0 },
  )
  if (health.status === 'red') throw new Error('cluster status is red')
}
