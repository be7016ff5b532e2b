/**
 * The folder of this project's package.json, found from a module's own URL: the same answer
 * whether the module runs from its TypeScript source (`src/...`), from the compiled build
 * (`dist/...`) or from Next's bundle (`.next/...`).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export function projectRoot(moduleUrl: string, packageName = 'mediamesh'): string {
  let dir = path.dirname(fileURLToPath(moduleUrl))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && readName(manifest) === packageName) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
  } catch {
    return undefined
  }
}
