import { describe, expect, it } from '@jest/globals'

import { interpretCli } from '../../../scripts/lib/cli'

const spec = {
  command: 'npm run ingest --',
  args: '<url-or-file>',
  positionals: { min: 1, max: 1 },
  summary: 'Imports a feed.',
  options: {
    program: { type: 'string', value: '<slug>', description: 'Import into this program.' },
    publish: { type: 'boolean', default: false, description: 'Publish new episodes.' },
    kind: { type: 'string', default: 'podcast', description: 'What the feed is.' },
  },
  examples: ['npm run ingest -- feed.xml --publish'],
} as const

describe('script command lines', () => {
  it('answers --help and -h with usage, every option, its default and the examples', () => {
    for (const flag of ['--help', '-h']) {
      const outcome = interpretCli(spec, ['feed.xml', flag, '--bogus'])
      expect(outcome.kind).toBe('help')
      const text = outcome.kind === 'help' ? outcome.text : ''
      expect(text).toMatch(/^usage: npm run ingest -- <url-or-file> \[options\]\n/)
      expect(text).toContain('--program <slug>')
      expect(text).toContain('--publish')
      expect(text).toContain('(default: podcast)')
      expect(text).toContain('-h, --help')
      expect(text).toContain('npm run ingest -- feed.xml --publish')
    }
  })

  it('names an unknown option and shows the usage instead of a stack trace', () => {
    const outcome = interpretCli(spec, ['feed.xml', '--bogus'])
    expect(outcome).toEqual({
      kind: 'error',
      text: expect.stringMatching(/^✗ unknown option --bogus\nusage: npm run ingest/),
    })
  })

  it('says which option is missing its value, and which takes none', () => {
    expect(interpretCli(spec, ['feed.xml', '--program'])).toMatchObject({
      text: expect.stringContaining('option --program needs a value'),
    })
    expect(interpretCli(spec, ['feed.xml', '--publish=yes'])).toMatchObject({
      text: expect.stringContaining('option --publish takes no value'),
    })
  })

  it('counts the arguments', () => {
    expect(interpretCli(spec, [])).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('missing argument: <url-or-file>'),
    })
    expect(interpretCli(spec, ['a.xml', 'b.xml'])).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('unexpected argument "b.xml"'),
    })
  })

  it('reads options with their defaults', () => {
    expect(interpretCli(spec, ['feed.xml', '--program', 'my-show'])).toEqual({
      kind: 'run',
      values: { program: 'my-show', publish: false, kind: 'podcast' },
      positionals: ['feed.xml'],
    })
  })

  it('treats --help after -- as an argument', () => {
    expect(interpretCli(spec, ['--', '--help'])).toMatchObject({
      kind: 'run',
      positionals: ['--help'],
    })
  })

  it('passes everything but --help through when the script forwards its arguments', () => {
    const forwarding = { command: 'npm test --', summary: 'Tests.', passThrough: true }
    expect(interpretCli(forwarding, ['tests/int', '--selectProjects', 'int'])).toEqual({
      kind: 'run',
      values: {},
      positionals: ['tests/int', '--selectProjects', 'int'],
    })
    expect(interpretCli(forwarding, ['--help']).kind).toBe('help')
  })
})
