import { existsSync } from 'node:fs'

import { run } from './run'

/**
 * The Chromium the browser tests drive: Debian's package (`apt-get install chromium`), or another
 * build named by CHROMIUM_PATH.
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/** Installs Debian's Chromium when it is missing and this process may (root with apt-get). */
export async function ensureChromium(): Promise<void> {
  if (existsSync(chromiumPath())) return
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    throw new Error(
      `No Chromium at ${chromiumPath()} for the browser tests: install Debian's (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    )
  }
  console.log('… installing Chromium for the browser tests (apt-get install chromium)')
  const env = { DEBIAN_FRONTEND: 'noninteractive' }
  const install = () => run('apt-get', ['install', '-y', '-q', 'chromium'], { env })
  if ((await install()) !== 0) {
    // A fresh machine may not have read the package lists yet.
    await run('apt-get', ['update', '-q'], { env })
    if ((await install()) !== 0) throw new Error('apt-get install chromium failed')
  }
}

// `npx tsx scripts/lib/chromium.ts`: what .ci/run calls before the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureChromium()
  console.log(`✓ Chromium at ${chromiumPath()}`)
}
