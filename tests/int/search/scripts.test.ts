/**
 * The operator scripts drive a second, separate node (its own port and state folder), so the node
 * the rest of the suite uses is never disturbed.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, describe, expect, it } from '@jest/globals'

import { ROOT } from '../../../scripts/lib/paths'
import { ensureElasticsearch } from '../../../scripts/lib/services'
import { runCommand } from '../helpers/exec'

const exec = promisify(execFile)
const PORT = 9271
const STATE = path.join(ROOT, '.cache', 'elasticsearch', `node-${PORT}-scripts-test`)
const PID_FILE = path.join(STATE, 'elasticsearch.pid')
const env = {
  ...process.env,
  ES_PORT: String(PORT),
  ES_STATE_DIR: STATE,
  ES_HEAP: '256m',
  ES_MAX_HEAP: '512m',
}

const es = (command: 'start' | 'stop' | 'status') =>
  runCommand('bash', ['scripts/elasticsearch/es.sh', command], { env, timeoutMs: 240_000 })

const pid = () => Number(readFileSync(PID_FILE, 'utf8').trim())
const health = async () =>
  (await fetch(`http://127.0.0.1:${PORT}/_cluster/health`).then((r) => r.json())) as {
    status: string
  }

afterAll(async () => {
  await es('stop')
})

describe('npm run es:start / es:stop / es:status', () => {
  it('reports a stopped node', async () => {
    await es('stop')
    const status = await es('status')
    expect(status.code).toBe(3)
    expect(status.output).toMatch(/stopped/)
  })

  it('starts a node that reaches yellow, and starting again is a no-op', async () => {
    const first = await es('start')
    expect(first.code).toBe(0)
    expect(['green', 'yellow']).toContain((await health()).status)
    const firstPid = pid()

    const second = await es('start')
    expect(second.code).toBe(0)
    expect(second.output).toMatch(/already running/)
    expect(pid()).toBe(firstPid)

    const status = await es('status')
    expect(status.code).toBe(0)
    expect(status.output).toMatch(new RegExp(`running \\(pid ${firstPid}`))
  })

  it('runs the node as a dedicated non-root user', async () => {
    const { stdout } = await exec('ps', ['-o', 'user=', '-p', String(pid())])
    expect(stdout.trim()).not.toBe('root')
  })

  it('restarts after the node was killed, replacing the stale pid file', async () => {
    const killed = pid()
    process.kill(killed, 'SIGKILL')
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline && (await es('status')).code === 0) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect((await es('status')).code).toBe(3)

    const restarted = await es('start')
    expect(restarted.code).toBe(0)
    expect(restarted.output).toMatch(/stale pid file/)
    expect(pid()).not.toBe(killed)
    expect(['green', 'yellow']).toContain((await health()).status)
  })

  it('stops the node', async () => {
    const stopped = await es('stop')
    expect(stopped.code).toBe(0)
    expect(existsSync(PID_FILE)).toBe(false)
    await expect(fetch(`http://127.0.0.1:${PORT}/`)).rejects.toThrow()
  })
})

describe('ELASTICSEARCH_URL', () => {
  it('is used as given and never makes the scripts start a node', async () => {
    const deadPort = 9279
    const url = await ensureElasticsearch(
      { explicitUrl: `http://127.0.0.1:${deadPort}`, port: deadPort },
      { required: false },
    )
    expect(url).toBeUndefined()
    expect(existsSync(path.join(ROOT, '.cache', 'elasticsearch', `node-${deadPort}`))).toBe(false)
    await expect(fetch(`http://127.0.0.1:${deadPort}/`)).rejects.toThrow()
  })

  it('accepts a cluster that answers', async () => {
    const live = process.env.ELASTICSEARCH_URL ?? `http://127.0.0.1:${process.env.ES_PORT ?? 9200}`
    expect(await ensureElasticsearch({ explicitUrl: live, port: 1 }, { required: true })).toBe(live)
  })
})
