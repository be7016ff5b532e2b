/**
 * `npm run ingest -- <url-or-file> [options]` (`--help` lists them): a one-off import of a feed
 * into a program (created from the feed unless --program names an existing one), with progress.
 * Idempotent like the scheduled job: importing the same feed again changes nothing.
 *
 * An operator's tool: unlike the job, it may read local files and fetch from private addresses.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import nextEnv from '@next/env'

import { parseCli, usageError } from './lib/cli'

const KINDS = ['podcast', 'youtube', 'feed'] as const
const cli = {
  command: 'npm run ingest --',
  args: '<url-or-file>',
  positionals: { min: 1, max: 1 },
  summary:
    'Imports a podcast, YouTube or RSS/Atom feed (a URL or a local file) into a program: the\n' +
    "feed's program (found by the feed's URL, else created from the feed) or the one --program\n" +
    'names. Running it again changes only what the feed changed.',
  options: {
    program: { type: 'string', value: '<slug>', description: 'Import into this existing program.' },
    publish: {
      type: 'boolean',
      default: false,
      description: 'Publish new episodes (and a new program); otherwise they are drafts.',
    },
    language: {
      type: 'string',
      value: '<code>',
      description: 'Language when the feed declares none (en, ar, ...).',
    },
    kind: {
      type: 'string',
      value: KINDS.join('|'),
      default: 'podcast',
      description: 'What the feed is.',
    },
  },
  examples: [
    'npm run ingest -- https://feeds.example.org/show.xml --publish',
    'npm run ingest -- ./feed.xml --program my-show --language ar   # into an existing program',
    'npm run ingest -- https://www.youtube.com/feeds/videos.xml?channel_id=UC... --kind youtube',
  ],
  notes:
    'An operator tool: unlike the scheduled job it may read local files and private addresses.\n' +
    'Exit codes: 0 imported, 1 failed (nothing of the failed batch is kept), 2 usage error.',
} as const
const { values, positionals } = parseCli(cli)
const target = positionals[0]
const kind = values.kind as (typeof KINDS)[number]
if (!KINDS.includes(kind)) usageError(cli, `--kind must be one of ${KINDS.join(', ')}`)

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { env } = await import('../src/env')
const { fetchFeed } = await import('../src/ingest/fetch/fetchFeed')
const { parseFeed } = await import('../src/ingest/parse/parseFeed')
const { importFeed } = await import('../src/ingest/importFeed')
const { progressReporter } = await import('./lib/progress')

const started = Date.now()
const progress = progressReporter({ label: 'importing', unit: 'items' })
try {
  let xml: string
  const remote = /^https?:\/\//i.test(target)
  const sourceUrl = remote ? target : pathToFileURL(path.resolve(target)).href
  if (remote) {
    const fetched = await fetchFeed(target, {
      timeoutMs: env.INGEST_TIMEOUT_MS,
      maxBytes: env.INGEST_MAX_BYTES,
      allowPrivateNetworks: true,
    })
    if (fetched.status !== 'ok') throw new Error('the server answered 304 to an unconditional GET')
    xml = fetched.body
  } else {
    xml = await readFile(target, 'utf8')
  }
  const feed = parseFeed(xml)
  console.log(`… ${feed.items.length} items in "${feed.title ?? target}" (${feed.kind})`)

  const payload = await getPayload({ config })
  let programId: number | null = null
  if (values.program) {
    const found = await payload.find({
      collection: 'programs',
      where: { slug: { equals: values.program } },
      depth: 0,
      limit: 1,
      draft: true,
    })
    if (!found.docs[0]) throw new Error(`no program with slug "${values.program}"`)
    programId = found.docs[0].id
  }
  const result = await importFeed(payload, feed, {
    sourceUrl,
    programId,
    publish: values.publish,
    language: values.language ?? null,
    kind,
    onProgress: ({ done, total }) => progress.update(done, total),
  })
  progress.finish()
  const skipped = Object.entries(result.skipped)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ')
  console.log(
    `✓ program ${result.programId}${result.programCreated ? ' (created)' : ''}: ` +
      `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged` +
      (skipped ? `; skipped ${skipped}` : '') +
      `; cover: ${result.cover}` +
      ` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  process.exit(0)
} catch (error) {
  progress.finish()
  console.error(`✗ ingest failed: ${(error as Error).message}`)
  process.exit(1)
}
