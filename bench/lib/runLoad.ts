/**
 * Runs autocannon in a process of its own (bench/lib/loadProcess.ts), so the load generator never
 * competes with the code it measures for an event loop, and returns what it measured.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT } from '../../scripts/lib/paths'

/** Which URLs the connections request. */
export type RequestMix =
  | { kind: 'fixed'; path: string }
  /**
   * Each request: a search not sent before with probability `uniqueShare`, else one of `hot`. New
   * searches are never one of `hot` or `exclude` (e.g. what the warm-up sent).
   */
  | { kind: 'mixed'; hot: string[]; uniqueShare: number; seed: number; exclude?: string[] }

export interface LoadJob {
  /** Origin, e.g. http://127.0.0.1:4000 */
  origin: string
  requests: RequestMix
  connections: number
  durationSeconds: number
  /** Requests per second over all connections (autocannon `overallRate`); unset: as fast as possible. */
  overallRate?: number
  /** Return the distinct URLs sent (`urls`). */
  reportUrls?: boolean
  /** Sent with every request (e.g. `Range`). */
  headers?: Record<string, string>
}

export interface LoadResult {
  requestsPerSecond: number
  /** Percentiles of every response's duration (all statuses), computed exactly from all samples. */
  latencyMs: {
    mean: number
    p50: number
    p90: number
    p95: number
    p97_5: number
    p99: number
    max: number
  }
  requests: number
  uniqueUrlsSent: number
  errors: number
  timeouts: number
  non2xx: number
  statusCodes: Record<string, number>
  durationSeconds: number
  /** CPU time of the load-generator process, start-up included. */
  loadGeneratorCpuSeconds: number
  urls?: string[]
}

const LOAD_PROCESS = path.join(ROOT, 'bench', 'lib', 'loadProcess.ts')

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOAD_PROCESS], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  // On stdin: URL lists can outgrow a command-line argument.
  child.stdin.end(JSON.stringify(job))
  // The load must not outlive the benchmark, whichever way it ends.
  const kill = () => child.kill('SIGKILL')
  process.on('exit', kill)
  let output = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  }).finally(() => process.off('exit', kill))
  if (code !== 0) throw new Error(`load generator exited with code ${code}`)
  return JSON.parse(output) as LoadResult
}
