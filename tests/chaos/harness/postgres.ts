/**
 * A private PostgreSQL server for a chaos test that stops and restarts it: its own data folder and
 * port, started from the machine's PostgreSQL binaries (as the `postgres` user when this runs as
 * root, since PostgreSQL refuses to run as root). The server the rest of the suite uses is untouched.
 */
import { spawn, type ChildProcess, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, chownSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { until } from '../../int/helpers/until'

function binaries(): string {
  const root = '/usr/lib/postgresql'
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
  if (!version) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql')
  return path.join(root, version, 'bin')
}

/** uid and gid of the `postgres` user when running as root; undefined otherwise. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const [uid, gid] = ['-u', '-g'].map((flag) =>
    Number(execFileSync('id', [flag, 'postgres']).toString().trim()),
  )
  return { uid: uid!, gid: gid! }
}

export class PrivatePostgres {
  readonly dir: string
  private child: ChildProcess | undefined
  private readonly user = runAs()

  constructor(readonly port: number) {
    this.dir = path.join(tmpdir(), `mediamesh-chaos-pg-${process.pid}-${port}`)
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  async start(): Promise<void> {
    if (!existsSync(path.join(this.dir, 'PG_VERSION'))) {
      rmSync(this.dir, { recursive: true, force: true })
      mkdirSync(this.dir, { recursive: true })
      if (this.user) chownSync(this.dir, this.user.uid, this.user.gid)
      execFileSync(
        path.join(binaries(), 'initdb'),
        ['-D', this.dir, '-A', 'trust', '-U', 'postgres', '--no-sync'],
        {
          ...this.user,
          stdio: 'ignore',
        },
      )
    }
    this.child = spawn(
      path.join(binaries(), 'postgres'),
      [
        '-D',
        this.dir,
        '-p',
        String(this.port),
        '-k',
        this.dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
      ],
      { ...this.user, stdio: 'ignore' },
    )
    await until('the private PostgreSQL to accept connections', () => this.ping(), 30_000, 100)
  }

  /** Fast shutdown (SIGINT): open sessions are cut, as in a restart or a failover. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    await exited
  }

  async query(sql: string, database = 'postgres'): Promise<void> {
    const client = new pg.Client({ connectionString: this.url(database) })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }

  async destroy(): Promise<void> {
    await this.stop()
    rmSync(this.dir, { recursive: true, force: true })
  }

  private async ping(): Promise<true | undefined> {
    const client = new pg.Client({ connectionString: this.url() })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } catch {
      return undefined
    } finally {
      await client.end().catch(() => undefined)
    }
  }
}
