/**
 * Ingestion end to end on real Postgres: feeds served over loopback HTTP (conditional GET,
 * redirects, slow, oversized, broken and mislabelled responses), imported into programs and
 * episodes through the source's fetch-and-import run, idempotently.
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { compiledEntry, ROOT } from '../../../scripts/lib/paths'
import { importFeed } from '../../../src/ingest/importFeed'
import { startJobRunner } from '../../../src/jobs/claimingRunner'
import { parseFeed } from '../../../src/ingest/parse/parseFeed'
import { runSource } from '../../../src/ingest/runSource'
import { registry } from '../../../src/observability/metrics'
import type { Episode, Media, Source } from '../../../src/payload-types'
import { makeImage, pngBytes } from '../helpers/fixtures'
import { request } from '../helpers/http'
import { signedIn, testPayload, uniqueTag } from '../helpers/payload'
import { until } from '../helpers/until'

const exec = promisify(execFile)
const GIANT_BOMB = path.join(ROOT, 'tests/fixtures/feeds/giantbomb-podcast.rss')

let payload: Payload
let server: Server
let origin: string
/** What the fixture server answers per path; tests change it as they go. */
const routes = new Map<
  string,
  (res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void
>()
const hits = new Map<string, number>()

function rss(tag: string, items: { guid: string; title: string; duration?: string }[]) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>Feed ${tag}</title>
  <description>&lt;p&gt;A feed about &lt;b&gt;testing&lt;/b&gt;.&lt;/p&gt;</description>
  <language>en-GB</language>
  <itunes:category text="Technology"><itunes:category text="Tech News ${tag}"/></itunes:category>
  ${items
    .map(
      (item, i) => `<item>
    <guid isPermaLink="false">${item.guid}</guid>
    <title>${item.title}</title>
    <description>Episode ${i} of the test feed.</description>
    <pubDate>Mon, 0${(i % 9) + 1} Jan 2024 10:00:00 GMT</pubDate>
    <itunes:duration>${item.duration ?? '12:34'}</itunes:duration>
    <enclosure url="https://cdn.example.com/${tag}/${i}.mp3" type="audio/mpeg" length="1234"/>
  </item>`,
    )
    .join('\n')}
</channel>
</rss>`
}

/** Runs the compiled `scripts/ingest.ts` (`node dist/ingest.js`, as deployed); a failure names the exit code and the end of its output (the start is
 * library warnings, and a long error message would otherwise be cut before the reason). */
async function ingestFromCommandLine(file: string) {
  try {
    return await exec(process.execPath, [compiledEntry('ingest'), file], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 240_000,
    })
  } catch (error) {
    const {
      code,
      signal,
      stdout = '',
      stderr = '',
    } = error as {
      code?: number
      signal?: string
      stdout?: string
      stderr?: string
    }
    const tail = (text: string) => text.trim().split('\n').slice(-12).join('\n')
    throw new Error(
      `scripts/ingest.ts ${file} failed (exit ${code ?? signal}).\n` +
        `stdout:\n${tail(stdout)}\nstderr (end):\n${tail(stderr)}`,
    )
  }
}

function serveXml(body: string, etag?: string) {
  return (res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => {
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      ...(etag ? { ETag: etag } : {}),
    })
    res.end(body)
  }
}

async function makeSource(data: Partial<Source> & { url: string }): Promise<Source> {
  return payload.create({
    collection: 'sources',
    data: {
      name: `Source ${uniqueTag()}`,
      kind: 'podcast',
      enabled: false,
      refreshMinutes: 60,
      ...data,
    },
    context: { ingest: true },
  })
}

const reload = (source: Source) =>
  payload.findByID({ collection: 'sources', id: source.id, depth: 0 }) as Promise<Source>

async function episodesOf(programId: number): Promise<Episode[]> {
  const found = await payload.find({
    collection: 'episodes',
    where: { program: { equals: programId } },
    depth: 0,
    limit: 0,
    pagination: false,
    draft: true,
    sort: 'guid',
  })
  return found.docs
}

beforeAll(async () => {
  payload = await testPayload()
  server = createServer((req, res) => {
    const key = req.url ?? '/'
    hits.set(key, (hits.get(key) ?? 0) + 1)
    const route = routes.get(key)
    if (route) route(res, req)
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('a feed source', () => {
  it('creates the program and episodes on first import, then uses conditional GET', async () => {
    const tag = uniqueTag()
    const items = [
      { guid: `a-${tag}`, title: 'First &amp; foremost' },
      { guid: `b-${tag}`, title: 'Second', duration: '1:02:03' },
      { guid: `b-${tag}`, title: 'Second again (duplicate guid)' },
    ]
    routes.set(`/feed-${tag}.xml`, serveXml(rss(tag, items), `"v1-${tag}"`))
    const source = await makeSource({ url: `${origin}/feed-${tag}.xml`, publish: true })

    const first = await runSource(payload, source)
    expect(first.status).toBe('imported')
    const after = await reload(source)
    expect(after.lastError).toBeFalsy()
    expect(after.etag).toBe(`"v1-${tag}"`)
    expect(after.itemsCreated).toBe(2)
    expect(after.itemsSkipped).toBe(1)
    expect(after.skippedReasons).toMatch(/duplicate guid: 1/)

    const programId = typeof after.program === 'object' ? after.program!.id : after.program!
    const program = await payload.findByID({ collection: 'programs', id: programId, depth: 1 })
    expect(program.title).toBe(`Feed ${tag}`)
    expect(program.language).toBe('en')
    expect(program._status).toBe('published')
    const categories = (program.categories ?? []) as {
      name?: string | null
      needsReview?: boolean | null
    }[]
    expect(categories).toContainEqual(
      expect.objectContaining({ name: `Tech News ${tag}`, needsReview: true }),
    )

    const episodes = await episodesOf(programId)
    expect(episodes.map((e) => [e.guid, e.title, e.durationSeconds, e._status])).toEqual([
      [`a-${tag}`, 'First & foremost', 754, 'published'],
      [`b-${tag}`, 'Second', 3723, 'published'],
    ])
    expect(episodes[0]!.enclosureUrl).toBe(`https://cdn.example.com/${tag}/0.mp3`)

    // Unchanged upstream: 304, nothing written.
    const versionsBefore = (await payload.countVersions({ collection: 'episodes' })).totalDocs
    const second = await runSource(payload, await reload(source))
    expect(second.status).toBe('not-modified')
    expect((await payload.countVersions({ collection: 'episodes' })).totalDocs).toBe(versionsBefore)
  })

  it('updates edited items, keeps editor changes to other fields, never duplicates', async () => {
    const tag = uniqueTag()
    const path = `/edit-${tag}.xml`
    routes.set(path, serveXml(rss(tag, [{ guid: `x-${tag}`, title: 'Original title' }])))
    const source = await makeSource({ url: `${origin}${path}` })
    await runSource(payload, source)
    const programId = (await reload(source)).program as number | { id: number }
    const id = typeof programId === 'object' ? programId.id : programId
    const [episode] = await episodesOf(id)
    expect(episode!._status).toBe('draft')
    await payload.update({
      collection: 'episodes',
      id: episode!.id,
      data: { transcript: 'Edited by an editor' },
      draft: true,
    })

    // Same feed again, no validators: parsed, compared, nothing written.
    const unchanged = await runSource(payload, await reload(source))
    expect(unchanged).toMatchObject({
      status: 'imported',
      result: { created: 0, updated: 0, unchanged: 1 },
    })

    routes.set(
      path,
      serveXml(
        rss(tag, [
          { guid: `x-${tag}`, title: 'Corrected title' },
          { guid: `y-${tag}`, title: 'New one' },
        ]),
      ),
    )
    const edited = await runSource(payload, await reload(source))
    expect(edited).toMatchObject({
      status: 'imported',
      result: { created: 1, updated: 1, unchanged: 0 },
    })
    const episodes = await episodesOf(id)
    expect(episodes).toHaveLength(2)
    expect(episodes[0]!.title).toBe('Corrected title')
    expect(episodes[0]!.transcript).toBe('Edited by an editor')
  })

  it('follows redirects', async () => {
    const tag = uniqueTag()
    routes.set(`/old-${tag}`, (res) => res.writeHead(301, { Location: `/new-${tag}.xml` }).end())
    routes.set(`/new-${tag}.xml`, serveXml(rss(tag, [{ guid: `r-${tag}`, title: 'Moved' }])))
    const source = await makeSource({ url: `${origin}/old-${tag}` })
    expect((await runSource(payload, source)).status).toBe('imported')
    expect((await reload(source)).itemsCreated).toBe(1)
  })

  it.each([
    ['a missing feed', 404, 'http-status (HTTP 404)'],
    ['an HTML page', 'html', 'wrong-content-type'],
    ['broken XML', 'broken', 'malformed'],
    ['an oversized feed', 'huge', 'too-large'],
    ['a server that never answers', 'slow', 'timeout'],
  ] as const)('records a clear error for %s and writes nothing', async (_name, kind, expected) => {
    const tag = uniqueTag()
    const path = `/bad-${tag}`
    routes.set(path, (res) => {
      if (kind === 404) res.writeHead(404).end('gone')
      else if (kind === 'html')
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>hi</body></html>')
      else if (kind === 'broken')
        res
          .writeHead(200, { 'Content-Type': 'application/rss+xml' })
          .end('<rss><channel><title>x</channel>')
      else if (kind === 'huge') {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' })
        res.end(Buffer.alloc(5 * 1024 * 1024, 'a'))
      }
      // slow: never answers; the run's timeout (3 s in tests) ends it.
    })
    const programs = (await payload.count({ collection: 'programs' })).totalDocs
    const source = await makeSource({ url: `${origin}${path}` })
    const outcome = await runSource(payload, source)
    expect(outcome.status).toBe('failed')
    const after = await reload(source)
    expect(after.lastError).toContain(expected)
    expect(after.lastErrorAt).toBeTruthy()
    expect((await payload.count({ collection: 'programs' })).totalDocs).toBe(programs)
  })
})

describe('what a podcast feed says about its episodes', () => {
  const podcastingFeed = (tag: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
  xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel>
  <title>Durations ${tag}</title>
  <link>https://show.example/${tag}/</link>
  <podcast:person href="https://show.example/ada">Ada Host</podcast:person>
  <item>
    <guid>long-${tag}</guid><title>An hour and five seconds</title>
    <itunes:duration>00:60:05</itunes:duration>
    <enclosure url="https://cdn.example.com/${tag}/1.mp3" type="audio/mpeg" length="1"/>
    <podcast:transcript url="https://show.example/${tag}/1.txt" type="text/plain"/>
    <podcast:transcript url="https://show.example/${tag}/1.vtt" type="text/vtt" rel="captions"/>
    <podcast:chapters url="https://show.example/${tag}/1.json" type="application/json+chapters"/>
    <podcast:person role="guest" href="https://guest.example/">Sara Guest</podcast:person>
  </item>
  <item>
    <guid>vague-${tag}</guid><title>About an hour</title>
    <itunes:duration>about an hour</itunes:duration>
    <enclosure url="https://cdn.example.com/${tag}/2.mp3" type="audio/mpeg" length="1"/>
  </item>
  <item>
    <guid>zero-${tag}</guid><title>Zero</title>
    <itunes:duration>0:00</itunes:duration>
    <enclosure url="https://cdn.example.com/${tag}/3.mp3" type="audio/mpeg" length="1"/>
  </item>
</channel>
</rss>`

  it('stores durations with 60+ fields arithmetically and unreadable ones as unknown, in the CMS and the public API', async () => {
    const tag = uniqueTag()
    const imported = await importFeed(payload, parseFeed(podcastingFeed(tag)), {
      sourceUrl: `file:///durations-${tag}`,
      publish: true,
      kind: 'podcast',
    })
    const [long, vague, zero] = ['long', 'vague', 'zero'].map((name) =>
      episodesOf(imported.programId).then((all) => all.find((e) => e.guid === `${name}-${tag}`)!),
    )
    expect((await long).durationSeconds).toBe(3605)
    expect((await vague).durationSeconds).toBeNull()
    expect((await zero).durationSeconds).toBeNull()

    const runner = startJobRunner(payload, { queues: ['search'], idleMs: 50 })
    try {
      for (const [episode, seconds] of [
        [await long, 3605],
        [await vague, null],
      ] as const) {
        const shown = await until(`episode ${episode.guid} in discovery`, async () => {
          const response = await request(`/discovery/v1/episodes/episode:${episode.id}`)
          return response.status === 200 ? response.body.episode : undefined
        })
        expect(shown.durationSeconds).toBe(seconds)
        expect(shown.media.durationSeconds).toBe(seconds)
      }
    } finally {
      await runner.stop(10_000)
    }
  })

  it('stores the Podcasting 2.0 transcript, chapters and people, and an unchanged feed rewrites nothing', async () => {
    const tag = uniqueTag()
    const feed = parseFeed(podcastingFeed(tag))
    const options = {
      sourceUrl: `file:///podcasting-${tag}`,
      publish: false,
      kind: 'podcast',
    } as const
    const imported = await importFeed(payload, feed, options)
    const episodes = await episodesOf(imported.programId)
    const long = episodes.find((e) => e.guid === `long-${tag}`)!
    expect(long).toMatchObject({
      transcriptUrl: `https://show.example/${tag}/1.vtt`,
      transcriptType: 'text/vtt',
      chaptersUrl: `https://show.example/${tag}/1.json`,
      people: [{ name: 'Sara Guest', role: 'guest', href: 'https://guest.example/' }],
    })
    // The transcript text is the editors' (nothing is fetched); the channel's host is the others'.
    expect(long.transcript ?? null).toBeNull()
    const vague = episodes.find((e) => e.guid === `vague-${tag}`)!
    expect(vague).toMatchObject({ transcriptUrl: null, chaptersUrl: null })
    expect(vague.people).toMatchObject([
      { name: 'Ada Host', role: 'host', href: 'https://show.example/ada' },
    ])

    const again = await importFeed(payload, feed, options)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
  })
})

describe('feed kinds and safety', () => {
  it('imports an Arabic podcast into the Arabic locale and a YouTube channel as a show', async () => {
    const arabic = parseFeed(
      await readFile(path.join(ROOT, 'tests/fixtures/feeds/arabic-podcast.rss'), 'utf8'),
    )
    const imported = await importFeed(payload, arabic, {
      sourceUrl: `file:///arabic-${uniqueTag()}`,
      publish: false,
      kind: 'podcast',
    })
    const program = await payload.findByID({
      collection: 'programs',
      id: imported.programId,
      locale: 'ar',
      fallbackLocale: false,
      draft: true,
    })
    expect(program.language).toBe('ar')
    expect(program.title).toBe(arabic.title)
    expect(imported.created).toBe(arabic.items.length)

    const youtube = parseFeed(
      await readFile(path.join(ROOT, 'tests/fixtures/feeds/youtube-channel.xml'), 'utf8'),
    )
    const channel = await importFeed(payload, youtube, {
      sourceUrl: `file:///youtube-${uniqueTag()}`,
      publish: true,
      kind: 'youtube',
    })
    const show = await payload.findByID({ collection: 'programs', id: channel.programId })
    expect(show.format).toBe('show')
    const videos = await episodesOf(channel.programId)
    expect(videos.map((v) => v.guid).sort()).toEqual(youtube.items.map((i) => i.externalId).sort())
  })

  it('refuses loopback and private addresses unless allowed, recording why', async () => {
    const tag = uniqueTag()
    routes.set(`/private-${tag}.xml`, serveXml(rss(tag, [{ guid: `p-${tag}`, title: 'Internal' }])))
    const source = await makeSource({ url: `${origin}/private-${tag}.xml` })
    const outcome = await runSource(payload, source, { allowPrivateNetworks: false })
    expect(outcome.status).toBe('failed')
    expect((await reload(source)).lastError).toContain('blocked-address')
    expect(hits.get(`/private-${tag}.xml`)).toBeUndefined()
  })
})

describe('importing a large real feed', () => {
  it('imports every item correctly in seconds, and a second import changes nothing', async () => {
    const feed = parseFeed(await readFile(GIANT_BOMB, 'utf8'))
    const started = Date.now()
    const sourceUrl = `file:///giantbomb-${uniqueTag()}`
    const first = await importFeed(payload, feed, { sourceUrl, publish: true, kind: 'podcast' })
    const seconds = (Date.now() - started) / 1000
    expect(first.created).toBe(feed.items.length)
    console.log(`giant bomb: ${feed.items.length} items imported in ${seconds.toFixed(1)} s`)

    const episodes = await episodesOf(first.programId)
    expect(episodes).toHaveLength(feed.items.length)
    const byGuid = new Map(episodes.map((e) => [e.guid, e]))
    for (const item of feed.items) {
      const episode = byGuid.get(item.externalId)!
      expect(episode.durationSeconds).toBe(item.durationSeconds)
      expect(episode.publishedAt && new Date(episode.publishedAt).toISOString()).toBe(
        item.publishedAt,
      )
    }

    const versions = (await payload.countVersions({ collection: 'episodes' })).totalDocs
    // Found again by where it came from: no programId needed.
    const again = await importFeed(payload, feed, { sourceUrl, publish: true, kind: 'podcast' })
    expect(again.programId).toBe(first.programId)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: feed.items.length })
    expect((await payload.countVersions({ collection: 'episodes' })).totalDocs).toBe(versions)
  }, 300_000)
})

describe('scheduling', () => {
  it('fetches a new source at once and schedules the next run at its interval', async () => {
    const tag = uniqueTag()
    routes.set(`/sched-${tag}.xml`, serveXml(rss(tag, [{ guid: `s-${tag}`, title: 'Scheduled' }])))
    const source = await payload.create({
      collection: 'sources',
      data: {
        name: `Scheduled ${tag}`,
        url: `${origin}/sched-${tag}.xml`,
        kind: 'podcast',
        refreshMinutes: 30,
        enabled: true,
      },
    })
    const runner = startJobRunner(payload, { queues: ['default'], idleMs: 50 })
    try {
      const deadline = Date.now() + 120_000
      let after = await reload(source)
      while (!(after.lastSuccessAt && after.nextFetchAt) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        after = await reload(source)
      }
      expect(after.itemsCreated).toBe(1)
      const next = Date.parse(after.nextFetchAt!)
      expect(next - Date.now()).toBeGreaterThan(29 * 60_000)
      expect(next - Date.now()).toBeLessThanOrEqual(30 * 60_000)
    } finally {
      await runner.stop(10_000)
    }
    const pending = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'ingestSource' } },
          { 'input.sourceId': { equals: source.id } },
          { completedAt: { exists: false } },
        ],
      },
    })
    expect(pending.docs).toHaveLength(1)
    expect(Date.parse(pending.docs[0]!.waitUntil!)).toBe(
      Date.parse((await reload(source)).nextFetchAt!),
    )
  })
})

describe('operators', () => {
  it('queue a fetch with "Fetch now"; viewers cannot', async () => {
    const source = await makeSource({ url: `${origin}/now-${uniqueTag()}.xml` })
    const editor = await signedIn(payload, 'editor')
    const viewer = await signedIn(payload, 'viewer')
    const queued = await request(`/api/sources/${source.id}/fetch`, {
      method: 'POST',
      auth: editor,
    })
    expect(queued.status).toBe(202)
    const refused = await request(`/api/sources/${source.id}/fetch`, {
      method: 'POST',
      auth: viewer,
    })
    expect(refused.status).toBe(403)
    const jobs = await payload.count({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'ingestSource' } },
          { 'input.sourceId': { equals: source.id } },
        ],
      },
    })
    expect(jobs.totalDocs).toBe(1)
    expect((await request(`/api/sources/${source.id}`)).status).not.toBe(200)
  })

  it('import a file from the command line', async () => {
    const tag = uniqueTag()
    const file = path.join(tmpdir(), `feed-${tag}.xml`)
    await writeFile(file, rss(tag, [{ guid: `cli-${tag}`, title: 'From the CLI' }]))
    const { stdout } = await ingestFromCommandLine(file)
    expect(stdout).toMatch(/✓ program \d+ \(created\): 1 created, 0 updated, 0 unchanged/)
    // Again: the same program, nothing written.
    const again = await ingestFromCommandLine(file)
    expect(again.stdout).toMatch(/✓ program \d+: 0 created, 0 updated, 1 unchanged/)
  }, 300_000)
})

describe("a feed's artwork", () => {
  function feedWithImage(tag: string, imageUrl: string) {
    return rss(tag, [{ guid: `art-${tag}`, title: 'With artwork' }]).replace(
      '<language>en-GB</language>',
      `<language>en-GB</language>\n  <itunes:image href="${imageUrl}"/>`,
    )
  }

  function servePng(bytes: Buffer, type = 'image/png') {
    return (res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'Content-Type': type }).end(bytes)
    }
  }

  const importWithImage = (tag: string, imageUrl: string, allowPrivateNetworks = true) =>
    importFeed(payload, parseFeed(feedWithImage(tag, imageUrl)), {
      sourceUrl: `${origin}/artwork-${tag}.xml`,
      publish: true,
      kind: 'podcast',
      allowPrivateNetworks,
    })

  const coverOf = async (programId: number) =>
    (await payload.findByID({ collection: 'programs', id: programId, depth: 1 }))
      .coverImage as Media | null

  it('becomes the program cover, downloaded once and reused on the next import', async () => {
    const tag = uniqueTag()
    const imagePath = `/art-${tag}.png`
    routes.set(imagePath, servePng(await pngBytes(1600, 900)))
    const first = await importWithImage(tag, `${origin}${imagePath}`)
    expect(first.cover).toBe('attached')
    const cover = await coverOf(first.programId)
    expect(cover).toMatchObject({ sourceUrl: `${origin}${imagePath}`, mimeType: 'image/png' })
    expect(cover?.sizes?.hero?.mimeType).toBe('image/webp')

    const again = await importWithImage(tag, `${origin}${imagePath}`)
    expect(again.cover).toBe('unchanged')
    expect(hits.get(imagePath)).toBe(1)
  })

  it("follows the feed's new artwork, but never replaces a cover an editor chose", async () => {
    const tag = uniqueTag()
    routes.set(`/one-${tag}.png`, servePng(await pngBytes(320, 180)))
    routes.set(`/two-${tag}.png`, servePng(await pngBytes(640, 360)))
    const { programId } = await importWithImage(tag, `${origin}/one-${tag}.png`)
    expect((await importWithImage(tag, `${origin}/two-${tag}.png`)).cover).toBe('attached')
    expect((await coverOf(programId))?.sourceUrl).toBe(`${origin}/two-${tag}.png`)

    const chosen = await makeImage(payload)
    await payload.update({ collection: 'programs', id: programId, data: { coverImage: chosen.id } })
    expect((await importWithImage(tag, `${origin}/one-${tag}.png`)).cover).toBe('kept-editor-cover')
    expect((await coverOf(programId))?.id).toBe(chosen.id)
  })

  it('records a failure and still imports when the artwork is not an image or not allowed', async () => {
    const tag = uniqueTag()
    // Claims to be a PNG; the bytes are a web page.
    routes.set(`/fake-${tag}.png`, servePng(Buffer.from('<html><body>nope</body></html>')))
    const fake = await importWithImage(tag, `${origin}/fake-${tag}.png`)
    expect(fake.cover).toMatch(/^failed: .*not a recognised image/)
    expect(fake.created).toBe(1)
    const stored = await payload.count({
      collection: 'media',
      where: { sourceUrl: { equals: `${origin}/fake-${tag}.png` } },
    })
    expect(stored.totalDocs).toBe(0)

    routes.set(`/page-${tag}.png`, servePng(Buffer.from('<html></html>'), 'text/html'))
    expect((await importWithImage(tag, `${origin}/page-${tag}.png`)).cover).toMatch(
      /^failed: wrong-content-type/,
    )
    // Loopback artwork when private networks are not allowed: refused before connecting (SSRF).
    const before = hits.get(`/blocked-${tag}.png`) ?? 0
    expect((await importWithImage(tag, `${origin}/blocked-${tag}.png`, false)).cover).toMatch(
      /^failed: blocked-address/,
    )
    expect(hits.get(`/blocked-${tag}.png`) ?? 0).toBe(before)
  })
})

describe('ingestion metrics', () => {
  async function value(name: string, label: string, labelValue: string): Promise<number> {
    const metric = registry.getSingleMetric(name)
    const values = (await metric?.get())?.values ?? []
    return values
      .filter((v) => v.labels[label] === labelValue && !('le' in v.labels))
      .reduce((sum, v) => sum + v.value, 0)
  }

  /** Observations in the run-duration histogram for `outcome` (its `_count` series). */
  async function timedRuns(outcome: string): Promise<number> {
    const histogram = await registry.getSingleMetric('ingest_run_duration_seconds')?.get()
    const values = (histogram?.values ?? []) as {
      metricName?: string
      labels: object
      value: number
    }[]
    const count = values.find(
      (v) =>
        v.metricName === 'ingest_run_duration_seconds_count' &&
        (v.labels as { outcome?: string }).outcome === outcome,
    )
    return count?.value ?? 0
  }

  it('counts runs by outcome, items by result, and times runs', async () => {
    const tag = uniqueTag()
    const items = [
      { guid: `m1-${tag}`, title: 'One' },
      { guid: `m2-${tag}`, title: 'Two' },
    ]
    routes.set(`/metrics-${tag}.xml`, serveXml(rss(tag, items), `"m-${tag}"`))
    const source = await makeSource({ url: `${origin}/metrics-${tag}.xml`, publish: false })
    const missing = await makeSource({ url: `${origin}/missing-${tag}.xml` })
    const before = {
      imported: await value('ingest_runs_total', 'outcome', 'imported'),
      notModified: await value('ingest_runs_total', 'outcome', 'not-modified'),
      failed: await value('ingest_runs_total', 'outcome', 'failed'),
      created: await value('ingest_items_total', 'result', 'created'),
      timed: await timedRuns('imported'),
    }
    expect((await runSource(payload, source)).status).toBe('imported')
    expect((await runSource(payload, await reload(source))).status).toBe('not-modified')
    expect((await runSource(payload, missing)).status).toBe('failed')
    expect(await value('ingest_runs_total', 'outcome', 'imported')).toBe(before.imported + 1)
    expect(await value('ingest_runs_total', 'outcome', 'not-modified')).toBe(before.notModified + 1)
    expect(await value('ingest_runs_total', 'outcome', 'failed')).toBe(before.failed + 1)
    expect(await value('ingest_items_total', 'result', 'created')).toBe(before.created + 2)
    expect(await timedRuns('imported')).toBe(before.timed + 1)
  })
})
