/**
 * The operator commands answer --help with their usage and exit 0 before they load anything, and
 * a mistyped option with a one-line reason and exit 2: `npm run reindex -- --help` must not
 * rebuild the index, `npm run ingest -- --help` must not die on an unknown option.
 */
import { describe, expect, it } from '@jest/globals'

import { runCommand } from '../helpers/exec'

const SCRIPTS = [
  'ingest',
  'reindex',
  'seed',
  'worker',
  'migrate',
  'migrate-create',
  'dev',
  'build',
  'audit',
  'test',
]
const script = (name: string, ...args: string[]) =>
  runCommand(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
    env: { ...process.env, NODE_OPTIONS: '' },
    timeoutMs: 180_000,
  })

/** The run's physical indices and what its aliases point at. */
async function searchIndexState(): Promise<string> {
  const url = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200'
  const prefix = process.env.SEARCH_INDEX_PREFIX ?? 'mediamesh'
  const answer = await fetch(`${url}/${prefix}*/_alias?expand_wildcards=all`)
  return answer.status === 404 ? '{}' : JSON.stringify(await answer.json())
}

describe('operator commands', () => {
  it.each(SCRIPTS)('%s --help prints its usage and options and exits 0', async (name) => {
    const { code, output } = await script(name, '--help')
    expect(output).toMatch(/^usage: npm (run |test)/m)
    expect(output).toContain('-h, --help')
    expect(output).not.toMatch(/\n\s+at /) // no stack trace
    expect(code).toBe(0)
  })

  it('reindex --help leaves the search index alone', async () => {
    const before = await searchIndexState()
    const { code, output } = await script('reindex', '--help')
    expect(code).toBe(0)
    expect(output).not.toContain('rebuilding')
    expect(await searchIndexState()).toBe(before)
  })

  it.each(SCRIPTS.filter((name) => name !== 'test'))(
    '%s with an unknown option names it, shows the usage and exits 2',
    async (name) => {
      const { code, output } = await script(name, 'x', '--no-such-option')
      expect(output).toContain('✗ unknown option --no-such-option')
      expect(output).toMatch(/^usage: npm run /m)
      expect(output).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /)
      expect(code).toBe(2)
    },
  )

  it('ingest without a feed says what is missing and exits 2', async () => {
    const { code, output } = await script('ingest')
    expect(output).toContain('✗ missing argument: <url-or-file>')
    expect(code).toBe(2)
  })
})
