import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { ROOT } from '../../scripts/lib/paths'
import { ENV_NAMES } from '../../src/env'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

describe('README', () => {
  it("lists every environment variable src/env.ts reads in the operator section's table", () => {
    const section = readme.slice(
      readme.indexOf('### Environment variables'),
      readme.indexOf('### Scaling'),
    )
    const documented = new Set([...section.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]))
    // Also rows naming two variables: | `A`, `B` |.
    for (const [, pair] of section.matchAll(/^\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)+)/gm))
      for (const [, name] of pair!.matchAll(/`([A-Z0-9_]+)`/g)) documented.add(name!)
    // Set by Next itself while it builds.
    const missing = ENV_NAMES.filter((name) => name !== 'NEXT_PHASE' && !documented.has(name))
    expect(missing).toEqual([])
  })

  it('shows the screenshot it links to', () => {
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
      expect(() => readFileSync(path.join(ROOT, image!))).not.toThrow()
    }
  })
})
