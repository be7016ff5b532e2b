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

  it('has a heading for every #anchor it links to', () => {
    // GitHub's slugs: lowercase, punctuation dropped, spaces to hyphens; repeated headings get -1, -2.
    const seen = new Map<string, number>()
    const anchors = new Set<string>()
    const withoutCode = readme.replace(/```[\s\S]*?```/g, '')
    for (const [, heading] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
      const slug = heading!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-')
      const count = seen.get(slug) ?? 0
      seen.set(slug, count + 1)
      anchors.add(count === 0 ? slug : `${slug}-${count}`)
    }
    const links = [...withoutCode.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!)
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter((link) => !anchors.has(link))).toEqual([])
  })
})
