import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Everything a `next build` depends on. A change to any of these makes the build stale. */
const INPUTS = ['src', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']

async function* files(target: string): AsyncGenerator<string> {
  if (!existsSync(target)) return
  const entries = await readdir(target, { withFileTypes: true }).catch(() => null)
  if (!entries) {
    yield target
    return
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    yield* files(path.join(target, entry.name))
  }
}

export async function sourceHash(root: string): Promise<string> {
  const hash = createHash('sha256')
  for (const input of INPUTS) {
    for await (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file))
      hash.update(await readFile(file))
    }
  }
  return hash.digest('hex')
}

const stampFile = (root: string) => path.join(root, '.next', 'mediamesh-source-hash')

/** True when `.next` holds a production build of exactly the current sources. */
export async function buildIsFresh(root: string): Promise<boolean> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return false
  const stamp = await readFile(stampFile(root), 'utf8').catch(() => '')
  return stamp === (await sourceHash(root))
}

export async function writeBuildStamp(root: string): Promise<void> {
  await writeFile(stampFile(root), await sourceHash(root))
}
