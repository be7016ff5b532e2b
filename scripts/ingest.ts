/**
 * `npm run ingest -- <url-or-file> [--program <slug>] [--publish] [--language <code>] [--kind
 * podcast|youtube|feed]`: a one-off import of a feed into a program (created from the feed unless
 * --program names an existing one), with a progress line. Idempotent like the scheduled job:
 * importing the same feed again changes nothing.
 *
 * An operator's tool: unlike the job, it may read local files and fetch from private addresses.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    program: { type: 'string' },
    publish: { type: 'boolean', default: false },
    language: { type: 'string' },
    kind: { type: 'string', default: 'podcast' },
  },
})
const target = positionals[0]
const kind = values.kind as 'podcast' | 'youtube' | 'feed'
if (!target || !['podcast', 'youtube', 'feed'].includes(kind)) {
  console.error(
    'usage: npm run ingest -- <url-or-file> [--program <slug>] [--publish] [--language <code>] [--kind podcast|youtube|feed]',
  )
  process.exit(2)
}

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { env } = await import('../src/env')
const { fetchFeed } = await import('../src/ingest/fetch/fetchFeed')
const { parseFeed } = await import('../src/ingest/parse/parseFeed')
const { importFeed } = await import('../src/ingest/importFeed')
const { progressLine } = await import('./lib/progress')

const started = Date.now()
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
    onProgress: ({ done, total }) =>
      process.stderr.write(
        progressLine({ indexed: done, total, rate: done / ((Date.now() - started) / 1000) }),
      ),
  })
  process.stderr.write('\n')
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
  process.stderr.write('\n')
  console.error(`✗ ingest failed: ${(error as Error).message}`)
  process.exit(1)
}
