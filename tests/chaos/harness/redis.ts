/** A private Redis server for a chaos test that kills and restarts it (no persistence, as deployed). */
import { spawn, type ChildProcess } from 'node:child_process'

import { Redis } from 'ioredis'

import { until } from '../../int/helpers/until'

export class PrivateRedis {
  private child: ChildProcess | undefined

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    )
    await until('the private Redis to answer', () => this.ping(), 10_000, 50)
  }

  /** SIGKILL: the server vanishes mid-conversation, with everything it held. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }

  /** Keys under `prefix` (a test prefix on a private server: SCAN is fine). */
  async keyCount(prefix: string): Promise<number> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await client.connect()
    try {
      let cursor = '0'
      let count = 0
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
        count += keys.length
        cursor = next
      } while (cursor !== '0')
      return count
    } finally {
      client.disconnect()
    }
  }

  private async ping(): Promise<true | undefined> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 })
    try {
      await client.connect()
      return (await client.ping()) === 'PONG' ? true : undefined
    } catch {
      return undefined
    } finally {
      client.disconnect()
    }
  }
}
