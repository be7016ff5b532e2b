import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import { compiledEntry, ROOT } from '../../../scripts/lib/paths'
import { LOG_DIR } from '../../../scripts/lib/spawnServer'

export interface SpawnedWorker {
  child: ChildProcess
  /** Its stdout and stderr (JSON logs), to read when a test fails. */
  logFile: string
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>
}

/** A real worker process, compiled as deployed (`node dist/worker.js`), with the test's environment and `env`. */
export async function spawnWorker(
  env: Record<string, string>,
  name: string,
): Promise<SpawnedWorker> {
  await mkdir(LOG_DIR, { recursive: true })
  const logFile = path.join(LOG_DIR, `${name}-${process.pid}.log`)
  const log = createWriteStream(logFile)
  const child = spawn(process.execPath, [compiledEntry('worker')], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    child,
    logFile,
    stop: async (graceMs = 30_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref())
      if ((await Promise.race([exited.then(() => 'exited'), timer])) !== 'exited') {
        child.kill('SIGKILL')
        await exited
      }
    },
  }
}
