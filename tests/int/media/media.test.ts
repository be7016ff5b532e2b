/**
 * Media end to end, with real services: uploads through the real host into S3 (the run's bucket on
 * a local S3Proxy), served back with Range support and caching headers, variants and player media
 * in discovery, refusals that store nothing, clean-up of objects, and a second host configured for
 * local storage (switching is configuration only).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'
import sharp from 'sharp'

import {
  freePort,
  spawnServer,
  stopServer,
  type SpawnedServer,
} from '../../../scripts/lib/spawnServer'
import { inTransaction } from '../../../src/db/inTransaction'
import { startJobRunner, type JobRunner } from '../../../src/jobs/claimingRunner'
import { sweepOrphanFiles } from '../../../src/media/orphans'
import { closeRedis } from '../../../src/redis/client'
import type { Media } from '../../../src/payload-types'
import { mp3Bytes as mp3Frames } from '../../fixtures/mp3'
import { listKeys, testS3Client, testS3Env } from '../../setup/testBucket'
import { makeProgram } from '../helpers/fixtures'
import { authHeaders, baseUrl, request } from '../helpers/http'
import { signedIn, testPayload, uniqueTag } from '../helpers/payload'
import { until } from '../helpers/until'

let payload: Payload
let editor: { token: string }
let runner: JobRunner
const s3 = testS3Client()
const bucket = process.env.S3_BUCKET!

beforeAll(async () => {
  payload = await testPayload()
  editor = await signedIn(payload, 'editor')
  // Search sync for the discovery checks runs in this process, as in the discovery tests.
  runner = startJobRunner(payload, { idleMs: 50 })
})

afterAll(async () => {
  await runner.stop(10_000)
  s3.destroy()
  await closeRedis()
})

// -- files --------------------------------------------------------------------------------------

/**
 * Audio whose bytes no other upload has (a random mark in the first frame's payload): identical
 * bytes uploaded again reuse the stored file, and most tests here need a file of their own.
 */
const mp3Bytes = (frames = 400) => {
  const bytes = mp3Frames(frames)
  bytes.writeDoubleBE(Math.random(), 8)
  return bytes
}

/** This run's values of `keys` (set by globalSetup), for hosts the tests start themselves. */
const runEnv = (...keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.map((key) => [key, process.env[key] ?? '']))

/** A PNG of its own colour: see mp3Bytes. */
const pngOf = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: rand(256), g: rand(256), b: rand(256) },
    },
  })
    .png()
    .toBuffer()
const rand = (below: number) => Math.floor(Math.random() * below)

async function upload(
  bytes: Buffer,
  name: string,
  type: string,
  { base = baseUrl(), fields = {} }: { base?: string; fields?: Record<string, string> } = {},
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  const response = await fetch(`${base}/api/media`, {
    method: 'POST',
    headers: authHeaders(editor),
    body: form,
  })
  return { status: response.status, body: (await response.json()) as any }
}

const keyExists = (key: string) =>
  s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
    (head) => head,
    () => null,
  )

const storedNames = (doc: Pick<Media, 'filename' | 'sizes'>) =>
  [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter(
    (name): name is string => Boolean(name),
  )

// -- tests --------------------------------------------------------------------------------------

describe('uploads to S3', () => {
  it('stores an image and its WebP variants in the bucket, named by content, with their types', async () => {
    const { status, body } = await upload(await pngOf(1920, 1080), 'Desert Dawn.png', 'image/png')
    expect(status).toBe(201)
    const doc = body.doc as Media
    expect(doc.filename).toMatch(/^desert-dawn-[0-9a-f]{16}\.png$/)
    expect(doc.mimeType).toBe('image/png')
    expect(doc.sizes?.card).toMatchObject({ width: 640, height: 360, mimeType: 'image/webp' })
    expect(doc.sizes?.hero?.filename).toMatch(/-1600x900\.webp$/)
    const original = await keyExists(doc.filename!)
    expect(original?.ContentType).toBe('image/png')
    for (const size of ['thumbnail', 'card', 'hero'] as const) {
      const head = await keyExists(doc.sizes![size]!.filename!)
      expect(head?.ContentType).toBe('image/webp')
    }
  })

  it('answers an upload of bytes already stored with the existing document, not a "-1" copy', async () => {
    const bytes = await pngOf(640, 360)
    const first = await upload(bytes, 'Poster.png', 'image/png')
    expect(first.status).toBe(201)
    const keysAfterFirst = await listKeys(s3, bucket)
    const rowsAfterFirst = (await payload.count({ collection: 'media' })).totalDocs

    const again = await upload(bytes, 'poster copy.png', 'image/png')
    expect(again.status).toBe(200)
    expect(again.body.doc.id).toBe(first.body.doc.id)
    expect(again.body.doc.filename).toBe(first.body.doc.filename)
    expect(again.body.doc.filename).not.toMatch(/-1\.png$/)
    expect(await listKeys(s3, bucket)).toEqual(keysAfterFirst)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(rowsAfterFirst)
    // Its URL stays content-addressed, so it keeps its year-long immutable caching.
    const served = await request(`/api/media/file/${again.body.doc.filename}`, { auth: editor })
    expect(served.headers.get('cache-control')).toContain('immutable')

    // Different bytes are a new document.
    const other = await upload(await pngOf(640, 360), 'Poster.png', 'image/png')
    expect(other.status).toBe(201)
    expect(other.body.doc.id).not.toBe(first.body.doc.id)
  })

  it('stores an audio file with the type its bytes have, whatever the browser declared', async () => {
    const bytes = mp3Bytes()
    const { status, body } = await upload(bytes, 'episode one.mp3', 'application/octet-stream')
    expect(status).toBe(201)
    expect(body.doc.mimeType).toBe('audio/mpeg')
    expect(body.doc.filename).toMatch(/^episode-one-[0-9a-f]{16}\.mp3$/)
    const head = await keyExists(body.doc.filename)
    expect(head).toMatchObject({ ContentType: 'audio/mpeg', ContentLength: bytes.length })
  })

  it('names a file after what it is: a PNG uploaded as .mp3 is stored as a PNG', async () => {
    const { status, body } = await upload(await pngOf(64, 36), 'sneaky.mp3', 'audio/mpeg')
    expect(status).toBe(201)
    expect(body.doc.mimeType).toBe('image/png')
    expect(body.doc.filename).toMatch(/\.png$/)
  })
})

describe('refused uploads store nothing', () => {
  const cases: [string, () => Promise<Buffer>, string, string, number][] = [
    [
      'a PDF disguised as a JPEG',
      async () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
      'cover.jpg',
      'image/jpeg',
      400,
    ],
    [
      'a shell script named .mp3',
      async () => Buffer.from('#!/bin/sh\nrm -rf /\n'.repeat(50)),
      'episode.mp3',
      'audio/mpeg',
      400,
    ],
    [
      'an HTML page named .png',
      async () => Buffer.from('<!doctype html><script>alert(1)</script>'),
      'cover.png',
      'image/png',
      400,
    ],
    [
      'a ZIP archive named .mp4',
      async () => Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(60).fill(0)]),
      'clip.mp4',
      'video/mp4',
      400,
    ],
    // MEDIA_MAX_IMAGE_BYTES is 1 MiB in the test run (UPLOAD_MAX_BYTES 2 MiB).
    ['an image over the image limit', () => noisyPng(), 'big.png', 'image/png', 413],
  ]

  it.each(cases)(
    'refuses %s, leaving no object and no row',
    async (_what, bytes, name, type, expected) => {
      const keysBefore = await listKeys(s3, bucket)
      const rowsBefore = (await payload.count({ collection: 'media' })).totalDocs
      const { status, body } = await upload(await bytes(), name, type)
      expect(status).toBe(expected)
      expect(JSON.stringify(body.errors)).toMatch(
        expected === 413 ? /limit for image is 1048576 bytes/ : /Accepted: jpg, png/,
      )
      expect(await listKeys(s3, bucket)).toEqual(keysBefore)
      expect((await payload.count({ collection: 'media' })).totalDocs).toBe(rowsBefore)
    },
  )

  it('accepts audio of the same size (limits are per kind)', async () => {
    const bytes = mp3Bytes(Math.ceil((1.3 * 1024 * 1024) / 417))
    expect((await upload(bytes, 'long.mp3', 'audio/mpeg')).status).toBe(201)
  })

  it("refuses an image as an episode's audio, and audio as a program cover", async () => {
    const image = (await upload(await pngOf(64, 36), 'not-audio.png', 'image/png')).body.doc
    const audio = (await upload(mp3Bytes(10), 'not-image.mp3', 'audio/mpeg')).body.doc
    const program = await makeProgram(payload)
    const episode = await request('/api/episodes', {
      method: 'POST',
      auth: editor,
      json: { title: 'x', program: program.id, media: image.id },
    })
    expect(episode.status).toBe(400)
    expect(JSON.stringify(episode.body)).toMatch(/media/)
    const cover = await request(`/api/programs/${program.id}`, {
      method: 'PATCH',
      auth: editor,
      json: { coverImage: audio.id },
    })
    expect(cover.status).toBe(400)
  })
})

/** About 1.3 MB of PNG that does not compress: over the 1 MiB image limit, under the 2 MiB cap. */
function noisyPng(): Promise<Buffer> {
  return sharp({
    create: {
      width: 760,
      height: 600,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 80 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer()
}

describe('serving files', () => {
  let audio: Media
  let bytes: Buffer

  beforeAll(async () => {
    bytes = mp3Bytes()
    audio = (await upload(bytes, 'seekable.mp3', 'audio/mpeg')).body.doc
  })

  const fileUrl = (filename: string, base = baseUrl()) =>
    `${base}/api/media/file/${encodeURIComponent(filename)}`

  it('answers a Range request for the middle of an audio file with exactly those bytes (206)', async () => {
    const start = 50_000
    const end = 60_123
    const response = await fetch(fileUrl(audio.filename!), {
      headers: { ...authHeaders(editor), Range: `bytes=${start}-${end}` },
    })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`)
    expect(response.headers.get('content-length')).toBe(String(end - start + 1))
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.equals(bytes.subarray(start, end + 1))).toBe(true)
  })

  it('answers an unsatisfiable range with 416 and the real size', async () => {
    const response = await fetch(fileUrl(audio.filename!), {
      headers: { ...authHeaders(editor), Range: `bytes=${bytes.length + 10}-` },
    })
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`)
  })

  it('hides a file no published content uses, and serves it once an episode using it is published', async () => {
    expect((await fetch(fileUrl(audio.filename!))).status).toBeGreaterThanOrEqual(400)
    const program = await makeProgram(payload, 'published')
    const episode = await payload.create({
      collection: 'episodes',
      data: {
        title: `Seek ${uniqueTag()}`,
        program: program.id,
        media: audio.id,
        _status: 'published',
      },
    })
    const response = await fetch(fileUrl(audio.filename!), { headers: { Range: 'bytes=0-3' } })
    expect(response.status).toBe(206)
    // Content-addressed: cacheable for a year by anyone, CDNs included.
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    // Unpublishing the episode hides the file again.
    await payload.update({ collection: 'episodes', id: episode.id, data: { _status: 'draft' } })
    expect((await fetch(fileUrl(audio.filename!))).status).toBeGreaterThanOrEqual(400)
  })

  it('keeps answers to signed-in requests out of shared caches', async () => {
    const response = await fetch(fileUrl(audio.filename!), { headers: authHeaders(editor) })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect((await fetch(fileUrl('no-such-file.mp3'))).headers.get('cache-control')).toBe('no-store')
  })
})

describe('discovery', () => {
  it("exposes a cover variant with its srcset, and the episode's media, with public URLs", async () => {
    const cover = (await upload(await pngOf(1920, 1080), 'cover.png', 'image/png')).body
      .doc as Media
    const bytes = mp3Bytes(50)
    const audio = (await upload(bytes, 'pilot.mp3', 'audio/mpeg')).body.doc as Media
    const tag = uniqueTag()
    const program = await makeProgram(payload, 'published', {
      coverImage: cover.id,
      title: `Lighthouse ${tag}`,
    })
    const episode = await payload.create({
      collection: 'episodes',
      data: {
        title: `Pilot ${tag}`,
        program: program.id,
        media: audio.id,
        durationSeconds: 1234,
        _status: 'published',
      },
    })
    const item = await until('the episode in discovery', async () => {
      const response = await request(`/discovery/v1/episodes/episode:${episode.id}`)
      return response.status === 200 ? response.body.episode : undefined
    })
    // Its own page uses the hero variant; srcset lists every variant, smallest first.
    expect(item.image).toMatchObject({ width: 1600, height: 900, mimeType: 'image/webp' })
    // Without MEDIA_PUBLIC_URL (or SERVER_URL), URLs use the host's default public origin.
    const origin = baseUrl().replace('127.0.0.1', 'localhost')
    expect(item.image.url).toBe(`${origin}/api/media/file/${cover.sizes!.hero!.filename}`)
    expect(item.image.srcset.map((s: { width: number }) => s.width)).toEqual([320, 640, 1600])
    expect(item.media).toEqual({
      url: `${origin}/api/media/file/${audio.filename}`,
      mimeType: 'audio/mpeg',
      sizeBytes: bytes.length,
      durationSeconds: 1234,
    })
    // The URLs work for anyone, now that published content uses the files.
    const onHost = (url: string) => `${baseUrl()}${new URL(url).pathname}`
    const image = await fetch(onHost(item.image.url))
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/webp')
    expect((await fetch(onHost(item.media.url), { headers: { Range: 'bytes=0-99' } })).status).toBe(
      206,
    )
    // In lists, the card variant.
    const search = await request(`/discovery/v1/search?q=lighthouse%20${tag}&type=program`)
    expect(search.body.results[0]).toMatchObject({ id: `program:${program.id}` })
    expect(search.body.results[0].image).toMatchObject({ width: 640, height: 360 })
  })

  it('gives an external enclosure the same media shape', async () => {
    const program = await makeProgram(payload, 'published')
    const episode = await payload.create({
      collection: 'episodes',
      data: {
        title: `Remote ${uniqueTag()}`,
        program: program.id,
        enclosureUrl: 'https://cdn.example.com/remote.mp3',
        mimeType: 'audio/mpeg',
        sizeBytes: 999,
        durationSeconds: 60,
        _status: 'published',
      },
    })
    const item = await until('the episode in discovery', async () => {
      const response = await request(`/discovery/v1/episodes/episode:${episode.id}`)
      return response.status === 200 ? response.body.episode : undefined
    })
    expect(item.media).toEqual({
      url: 'https://cdn.example.com/remote.mp3',
      mimeType: 'audio/mpeg',
      sizeBytes: 999,
      durationSeconds: 60,
    })
  })
})

describe('no stray objects', () => {
  it('removes the original and every variant from the bucket when the media document is deleted', async () => {
    const doc = (await upload(await pngOf(1920, 1080), 'doomed.png', 'image/png')).body.doc as Media
    const names = storedNames(doc)
    expect(names).toHaveLength(4)
    for (const name of names) expect(await keyExists(name)).not.toBeNull()
    const response = await request(`/api/media/${doc.id}`, { method: 'DELETE', auth: editor })
    expect(response.status).toBe(200)
    for (const name of names) expect(await keyExists(name)).toBeNull()
  })

  it('removes the old objects when a document gets a new file', async () => {
    const doc = (await upload(await pngOf(1920, 1080), 'first.png', 'image/png')).body.doc as Media
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(mp3Bytes(20))], { type: 'audio/mpeg' }),
      'second.mp3',
    )
    const response = await fetch(`${baseUrl()}/api/media/${doc.id}`, {
      method: 'PATCH',
      headers: authHeaders(editor),
      body: form,
    })
    expect(response.status).toBe(200)
    const updated = ((await response.json()) as { doc: Media }).doc
    expect(updated.filename).toMatch(/^second-.*\.mp3$/)
    expect(await keyExists(updated.filename!)).not.toBeNull()
    for (const name of storedNames(doc)) expect(await keyExists(name)).toBeNull()
  })

  it('sweeps files whose upload was rolled back, and keeps every referenced one', async () => {
    const png = await pngOf(1920, 1080)
    let written: string[] = []
    await expect(
      inTransaction(payload, async (req) => {
        const doc = await payload.create({
          collection: 'media',
          data: { alt: 'rolled back' },
          file: {
            data: png,
            mimetype: 'image/png',
            name: `rollback-${uniqueTag()}.png`,
            size: png.length,
          },
          req,
        })
        written = storedNames(doc)
        throw new Error('the batch failed after the upload')
      }),
    ).rejects.toThrow('the batch failed')
    // Payload stores files before the row commits: the rollback left them behind.
    expect(written).toHaveLength(4)
    for (const name of written) expect(await keyExists(name)).not.toBeNull()
    // Something stored by hand with no row at all is an orphan too.
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'stray.bin', Body: 'x' }))

    const referenced = (
      await payload.find({ collection: 'media', limit: 0, pagination: false, depth: 0 })
    ).docs.flatMap((doc) => storedNames(doc))
    const result = await sweepOrphanFiles(payload, { graceMs: 0 })
    expect(result.deleted.sort()).toEqual([...written, 'stray.bin'].sort())
    for (const name of written) expect(await keyExists(name)).toBeNull()
    const keys = new Set(await listKeys(s3, bucket))
    expect(referenced.filter((name) => !keys.has(name))).toEqual([])
  })

  it('spares files younger than the grace period (an upload may still be committing)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'in-flight.bin', Body: 'x' }))
    const result = await sweepOrphanFiles(payload, { graceMs: 60_000 })
    expect(result.deleted).not.toContain('in-flight.bin')
    expect(await keyExists('in-flight.bin')).not.toBeNull()
    const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'in-flight.bin' }))
    expect(await body.Body?.transformToString()).toBe('x')
  })
})

describe('switching storage by configuration', () => {
  let local: SpawnedServer
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'mediamesh-local-media-'))
    // The same database and index, without S3_*: uploads go to MEDIA_DIR; URLs to a CDN origin.
    const env = runEnv(
      'DATABASE_URL',
      'PAYLOAD_SECRET',
      'METRICS_TOKEN',
      'SEARCH_INDEX_PREFIX',
      'REDIS_KEY_PREFIX',
      'UPLOAD_MAX_BYTES',
      'MEDIA_MAX_IMAGE_BYTES',
    )
    local = await spawnServer(
      {
        ...env,
        // Empty means unset (src/env.ts): this host has no S3 configuration at all.
        ...Object.fromEntries(Object.keys(testS3Env('x')).map((key) => [key, ''])),
        MEDIA_DIR: directory,
        MEDIA_PUBLIC_URL: 'https://cdn.example.test/',
        JOBS_AUTORUN: 'false',
        LOG_LEVEL: 'warn',
      },
      'media-local',
    )
  }, 300_000)

  afterAll(async () => {
    await stopServer(local)
    await rm(directory, { recursive: true, force: true })
  })

  it('stores uploads in the local folder, not the bucket, and serves ranges from there', async () => {
    const keysBefore = await listKeys(s3, bucket)
    const bytes = mp3Bytes()
    const { status, body } = await upload(bytes, 'local.mp3', 'audio/mpeg', { base: local.url })
    expect(status).toBe(201)
    expect(await readdir(directory)).toContain(body.doc.filename)
    expect(await listKeys(s3, bucket)).toEqual(keysBefore)
    const response = await fetch(`${local.url}/api/media/file/${body.doc.filename}`, {
      headers: { ...authHeaders(editor), Range: 'bytes=1000-1999' },
    })
    expect(response.status).toBe(206)
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true)
    // Deleting the document (through the host that stored it) deletes the file.
    const deleted = await fetch(`${local.url}/api/media/${body.doc.id}`, {
      method: 'DELETE',
      headers: authHeaders(editor),
    })
    expect(deleted.status).toBe(200)
    await until('the local file to go', async () =>
      (await readdir(directory)).includes(body.doc.filename) ? undefined : true,
    )
  })

  it('builds discovery and public REST URLs from MEDIA_PUBLIC_URL', async () => {
    const cover = (
      await upload(await pngOf(1920, 1080), 'cdn.png', 'image/png', { base: local.url })
    ).body.doc as Media
    const program = await makeProgram(payload, 'published', { coverImage: cover.id })
    const item = await until('the program in discovery', async () => {
      const response = await fetch(`${local.url}/discovery/v1/programs/${program.slug}`)
      return response.status === 200 ? ((await response.json()) as any).program : undefined
    })
    expect(item.image.url).toBe(
      `https://cdn.example.test/api/media/file/${cover.sizes!.hero!.filename}`,
    )
    // Payload's REST API gives the public the same origin; staff keep the host's URLs.
    const anonymous = (await (await fetch(`${local.url}/api/media/${cover.id}`)).json()) as Media
    expect(anonymous.url).toBe(`https://cdn.example.test/api/media/file/${cover.filename}`)
    expect(anonymous.sizes?.card?.url).toBe(
      `https://cdn.example.test/api/media/file/${cover.sizes!.card!.filename}`,
    )
    const staff = (await (
      await fetch(`${local.url}/api/media/${cover.id}`, { headers: authHeaders(editor) })
    ).json()) as Media
    expect(staff.url).toBe(`/api/media/file/${cover.filename}`)
  })
})

describe('storage down', () => {
  let broken: SpawnedServer

  beforeAll(async () => {
    const env = runEnv('DATABASE_URL', 'PAYLOAD_SECRET', 'SEARCH_INDEX_PREFIX', 'REDIS_KEY_PREFIX')
    // S3 configured, but nothing listens at its endpoint.
    const closedPort = await freePort()
    broken = await spawnServer(
      {
        ...env,
        ...testS3Env(bucket),
        S3_ENDPOINT: `http://127.0.0.1:${closedPort}`,
        JOBS_AUTORUN: 'false',
        LOG_LEVEL: 'warn',
      },
      'media-storage-down',
    )
  }, 300_000)

  afterAll(() => stopServer(broken))

  it('answers an upload with a 503 that says nothing was saved, and keeps no row', async () => {
    const rowsBefore = (await payload.count({ collection: 'media' })).totalDocs
    const { status, body } = await upload(await pngOf(64, 36), 'unlucky.png', 'image/png', {
      base: broken.url,
    })
    expect(status).toBe(503)
    expect(body.errors[0].message).toMatch(/storage is unavailable.*nothing was saved/)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(rowsBefore)
  })

  it('reports S3 as degraded in /readyz and stays ready', async () => {
    const response = await fetch(`${broken.url}/readyz`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      status: string
      checks: Record<string, { status: string; latencyMs: number }>
    }
    expect(body.status).toBe('ready')
    expect(body.checks.s3).toMatchObject({ status: 'degraded' })
    expect(body.checks.postgres).toMatchObject({ status: 'ok' })
  })
})
