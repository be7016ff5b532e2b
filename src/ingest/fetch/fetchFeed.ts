import type { LookupAddress } from 'node:dns'
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createUnzip } from 'node:zlib'

import { decodeFeedBody } from './decodeFeedBody'
import { FeedFetchError } from './FeedFetchError'
import { isBlockedAddress } from './isBlockedAddress'
import { isFeedContentType } from './isFeedContentType'
import { resolveFeedTarget, type AddressPolicy, type FeedTarget } from './resolveFeedTarget'

export { FeedFetchError, type FeedFetchFailure } from './FeedFetchError'
export { isBlockedAddress } from './isBlockedAddress'

export interface FetchFeedOptions {
  /** Validators from the previous successful fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null
  lastModified?: string | null
  /**
   * Budget for the whole fetch: DNS, connect, headers and body, across every redirect hop.
   * @default 15_000
   */
  timeoutMs?: number
  /**
   * Largest body accepted, counted both as received and after decompression (so a small gzip
   * bomb is stopped too).
   * @default 20 MiB
   */
  maxBytes?: number
  /** @default 5 */
  maxRedirects?: number
  /**
   * Allow loopback, private, link-local and other non-public addresses. Only for tests and local
   * development: feed URLs come from outside, and following them into our network is SSRF.
   * @default false
   */
  allowPrivateNetworks?: boolean
  userAgent?: string
}

export type FetchFeedResult =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok'
      /** Final URL, after redirects. */
      url: string
      body: string
      contentType: string | null
      etag: string | null
      lastModified: string | null
      /** Size of the body in bytes, after decompression. */
      bytes: number
    }

const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
const DEFAULT_MAX_REDIRECTS = 5
const DEFAULT_USER_AGENT = 'MediaMesh-FeedFetcher/0.1'
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, ' +
  'text/xml;q=0.9, */*;q=0.1'
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

const allowEveryAddress: AddressPolicy = () => false

/** What a fetch asks for and accepts: feeds (decoded to text) or images (kept as bytes). */
interface Wanted {
  accept: string
  acceptsContentType: (contentType: string | null) => boolean
  /** For the wrong-content-type message: "a feed", "an image". */
  noun: string
}

const FEED: Wanted = { accept: ACCEPT, acceptsContentType: isFeedContentType, noun: 'a feed' }
const IMAGE: Wanted = {
  accept: 'image/avif, image/webp, image/png, image/jpeg, image/*;q=0.8',
  acceptsContentType: (contentType) => /^image\//i.test(contentType ?? ''),
  noun: 'an image',
}

type Fetched =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok'
      url: string
      raw: Buffer
      contentType: string | null
      etag: string | null
      lastModified: string | null
    }

/**
 * Fetches a podcast or video feed from a URL we do not control, defensively: http(s) only, every
 * hop's addresses vetted and the socket pinned to them, a hard deadline and size cap, conditional
 * GET. Resolves with the decoded body or 'not-modified'; every failure is a FeedFetchError.
 */
export async function fetchFeed(
  url: string,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const policy = options.allowPrivateNetworks ? allowEveryAddress : isBlockedAddress
  return fetchFeedWithAddressPolicy(url, options, policy)
}

/**
 * `fetchFeed` with the address check passed in rather than chosen by `allowPrivateNetworks`.
 * Production code calls `fetchFeed`; tests use this to treat one loopback address as "public" and
 * watch a redirect into a blocked one being refused.
 */
export async function fetchFeedWithAddressPolicy(
  url: string,
  options: FetchFeedOptions,
  isBlocked: AddressPolicy,
): Promise<FetchFeedResult> {
  const fetched = await fetchWithin(url, options, isBlocked, FEED)
  if (fetched.status === 'not-modified') return fetched
  const { raw, ...rest } = fetched
  return { ...rest, body: decodeFeedBody(raw, fetched.contentType), bytes: raw.byteLength }
}

/**
 * A feed's artwork, with the same defences as the feed itself (vetted and pinned addresses on every
 * hop, deadline, size cap). Only `image/*` answers are accepted; the bytes are checked again on
 * upload (src/media/prepareUpload.ts), whatever the server claimed.
 */
export async function fetchImage(
  url: string,
  options: Omit<FetchFeedOptions, 'etag' | 'lastModified'> = {},
): Promise<{ url: string; bytes: Buffer; contentType: string | null }> {
  const policy = options.allowPrivateNetworks ? allowEveryAddress : isBlockedAddress
  const fetched = await fetchWithin(url, options, policy, IMAGE)
  if (fetched.status === 'not-modified') throw new Error('unreachable: no validators were sent')
  return { url: fetched.url, bytes: fetched.raw, contentType: fetched.contentType }
}

async function fetchWithin(
  url: string,
  options: FetchFeedOptions,
  isBlocked: AddressPolicy,
  wanted: Wanted,
): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new FeedFetchError('timeout', `${url} did not answer within ${timeoutMs} ms`)
      // Tears down whatever is in flight: the socket, the body stream and its decompressors.
      controller.abort(error)
      reject(error)
    }, timeoutMs)
  })
  try {
    return await Promise.race([
      follow(url, options, isBlocked, controller.signal, wanted),
      deadline,
    ])
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

async function follow(
  url: string,
  options: FetchFeedOptions,
  isBlocked: AddressPolicy,
  signal: AbortSignal,
  wanted: Wanted,
): Promise<Fetched> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const headers: OutgoingHttpHeaders = {
    accept: wanted.accept,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified

  let location = url
  let base: string | undefined
  for (let redirects = 0; ; redirects++) {
    // Every hop is vetted afresh: a public feed host may redirect to http://169.254.169.254/.
    const target = await resolveFeedTarget(location, isBlocked, base)
    const response = await send(target, headers, signal)
    const status = response.statusCode ?? 0
    const finalUrl = target.url.href

    if (REDIRECT_STATUSES.has(status) && response.headers.location) {
      response.destroy()
      if (redirects >= maxRedirects) {
        throw new FeedFetchError(
          'too-many-redirects',
          `${url} redirected more than ${maxRedirects} times`,
        )
      }
      location = response.headers.location
      base = finalUrl
      continue
    }
    if (status === 304) {
      response.destroy()
      return { status: 'not-modified', url: finalUrl }
    }
    if (status < 200 || status > 299) {
      response.destroy()
      const reason = response.statusMessage ? ` ${response.statusMessage}` : ''
      throw new FeedFetchError('http-status', `${finalUrl} answered ${status}${reason}`, status)
    }
    const contentType = response.headers['content-type'] ?? null
    if (!wanted.acceptsContentType(contentType)) {
      response.destroy()
      throw new FeedFetchError(
        'wrong-content-type',
        `${finalUrl} is ${contentType}, not ${wanted.noun}`,
        status,
      )
    }

    return {
      status: 'ok',
      url: finalUrl,
      raw: await readBody(response, maxBytes, finalUrl, signal),
      contentType,
      etag: header(response, 'etag'),
      lastModified: header(response, 'last-modified'),
    }
  }
}

/** Sends one GET and resolves with the response head; the body is left unread. */
function send(
  target: FeedTarget,
  headers: OutgoingHttpHeaders,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(asFetchError(signal.reason, target.url, signal))
    const { url, hostname, addresses } = target
    const request = (url.protocol === 'https:' ? https : http).request({
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
      method: 'GET',
      headers,
      // Connect only to the addresses just vetted; a second lookup could answer differently.
      lookup: pinnedLookup(addresses),
      // A fresh, non-pooled connection: never reuse a socket opened for another host or check.
      agent: false,
      signal,
    })
    request.once('response', resolve)
    request.on('error', (error) => reject(asFetchError(error, url, signal)))
    request.end()
  })
}

/** A `lookup` for http.request that answers only with addresses already checked. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const usable = options.family
      ? addresses.filter(({ family }) => family === options.family)
      : addresses
    const first = usable[0]
    if (!first) {
      const error: NodeJS.ErrnoException = new Error(
        `No IPv${options.family} address for ${hostname}`,
      )
      error.code = 'ENOTFOUND'
      return callback(error, '')
    }
    // With autoSelectFamily (Node 20's default) net asks for all addresses and tries them in turn.
    if (options.all) callback(null, usable)
    else callback(null, first.address, first.family)
  }
}

/** Reads, decompresses and size-checks the body. */
async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  url: string,
  signal: AbortSignal,
): Promise<Buffer> {
  const tooLarge = () => new FeedFetchError('too-large', `${url} is larger than ${maxBytes} bytes`)
  const declared = Number(response.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy()
    throw tooLarge()
  }

  let decoders: Transform[]
  try {
    decoders = decodersFor(response.headers['content-encoding'])
  } catch (error) {
    response.destroy()
    throw error
  }

  let received = 0
  const countReceived = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.byteLength
      if (received > maxBytes) callback(tooLarge())
      else callback(null, chunk)
    },
  })
  const chunks: Buffer[] = []
  let decoded = 0
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      decoded += chunk.byteLength
      if (decoded > maxBytes) return callback(tooLarge())
      chunks.push(chunk)
      callback()
    },
  })

  try {
    await pipeline([response, countReceived, ...decoders, collect], { signal })
  } catch (error) {
    throw asFetchError(error, new URL(url), signal)
  }
  return Buffer.concat(chunks, decoded)
}

function decodersFor(contentEncoding: string | undefined): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  // Codings are listed in the order they were applied, so undo them from the last.
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
      case 'deflate':
        // Unzip detects gzip or zlib framing, which also covers servers that mislabel one as the other.
        return createUnzip()
      case 'br':
        return createBrotliDecompress()
      default:
        throw new FeedFetchError('network', `Unsupported Content-Encoding: ${coding}`)
    }
  })
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? null
}

/**
 * Maps whatever a socket, parser or decompressor threw onto a FeedFetchError. After the deadline the
 * abort reason is the timeout error itself, so a torn-down socket is reported as what caused it.
 */
function asFetchError(error: unknown, url: URL, signal: AbortSignal): FeedFetchError {
  if (signal.aborted && signal.reason instanceof FeedFetchError) return signal.reason
  if (error instanceof FeedFetchError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const message = error instanceof Error ? error.message : String(error)
  return new FeedFetchError(
    'network',
    `Could not fetch ${url.origin}: ${code ? `${code} ` : ''}${message}`,
    undefined,
    { cause: error },
  )
}
