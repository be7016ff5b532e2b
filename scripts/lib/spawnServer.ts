import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'

import { compiledEntry, ROOT } from './paths'

export const LOG_DIR = path.join(ROOT, '.cache', 'test-logs')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export interface SpawnedServer {
  child: ChildProcess
  url: string
  logFile: string
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>
}

/**
 * Starts the real host (`node dist/server.js`, compiled by `npm run build`) in production mode, as deployed, and waits until /readyz
 * answers 200. Its stdout/stderr (JSON logs) go to a file that tests may read. Used by the test
 * suite and the benchmarks.
 */
export async function spawnServer(
  env: Record<string, string>,
  name = 'server',
  timeoutMs = 120_000,
): Promise<SpawnedServer> {
  // (An early exit with code 13 once in ~30 starts was Node 20's unsettled top-level await in
  // Payload's module graph; Node 22+ does not have it, so there is no retry.)
  const port = await freePort()
  await mkdir(LOG_DIR, { recursive: true })
  const logFile = path.join(LOG_DIR, `${name}-${process.pid}-${port}.log`)
  const log = createWriteStream(logFile)
  const child = spawn(process.execPath, [compiledEntry('server')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const url = `http://127.0.0.1:${port}`

  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${name} exited with code ${child.exitCode} before becoming ready; see ${logFile}`,
      )
    }
    try {
      const response = await fetch(`${url}/readyz`)
      if (response.status === 200) return { child, url, logFile, exited }
      lastError = `readyz ${response.status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGKILL')
  throw new Error(
    `${name} did not become ready within ${timeoutMs} ms (${lastError}); see ${logFile}`,
  )
}

/** SIGTERM, then SIGKILL if the host has not exited within `graceMs`. */
export async function stopServer(server: SpawnedServer | undefined, graceMs = 30_000) {
  if (!server || server.child.exitCode !== null) return
  server.child.kill('SIGTERM')
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref())
  if ((await Promise.race([server.exited.then(() => 'exited'), timer])) !== 'exited') {
    server.child.kill('SIGKILL')
  }
}
