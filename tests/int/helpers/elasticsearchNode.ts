import path from 'node:path'

import { ROOT } from '../../../scripts/lib/paths'
import { runCommand } from './exec'

/**
 * A private Elasticsearch node for a test that stops and starts it (scripts/elasticsearch/es.sh on
 * its own port and state folder), so the node the rest of the suite uses is never disturbed.
 */
export function elasticsearchNode(port: number, name: string) {
  const env = {
    ...process.env,
    ES_PORT: String(port),
    ES_STATE_DIR: path.join(ROOT, '.cache', 'elasticsearch', `node-${port}-${name}`),
    ES_HEAP: '256m',
    ES_MAX_HEAP: '512m',
  }
  const run = async (command: 'start' | 'stop') => {
    const { code, output } = await runCommand('bash', ['scripts/elasticsearch/es.sh', command], {
      env,
      timeoutMs: 240_000,
    })
    if (code !== 0) throw new Error(`es.sh ${command} exited with ${code}: ${output}`)
  }
  return {
    url: `http://127.0.0.1:${port}`,
    start: () => run('start'),
    stop: () => run('stop'),
  }
}
