import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'

import { afterEach, describe, expect, it } from '@jest/globals'

import {
  FeedFetchError,
  fetchFeed,
  fetchFeedWithAddressPolicy,
  isBlockedAddress,
  type FetchFeedOptions,
} from '../../../src/ingest/fetch/fetchFeed'

/**
 * Real HTTP servers on loopback addresses, ephemeral ports: the fetcher goes through the real
 * network stack (DNS for `localhost`, sockets, HTTP parser, zlib). Nothing is mocked.
 */
interface TestServer {
  origin: string
  port: number
  /** Request heads the server received, in order. */
  requests: IncomingMessage[]
  /** Sockets ever accepted: proves whether a refused fetch connected at all. */
  connections: Socket[]
}

const servers: http.Server[] = []

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
})

async function serve(
  handler: (request: IncomingMessage, response: ServerResponse, server: TestServer) => void,
  host = '127.0.0.1',
): Promise<TestServer> {
  const state: TestServer = { origin: '', port: 0, requests: [], connections: [] }
  const server = http.createServer((request, response) => {
    state.requests.push(request)
    handler(request, response, state)
  })
  server.on('connection', (socket) => state.connections.push(socket))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  state.port = (server.address() as AddressInfo).port
  state.origin = `http://${host}:${state.port}`
  return state
}

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Desert Cities</title></channel></rss>'
const local: FetchFeedOptions = { allowPrivateNetworks: true }

function feed(response: ServerResponse, body: string | Buffer = RSS, headers = {}) {
  response.writeHead(200, { 'content-type': 'application/rss+xml', ...headers })
  response.end(body)
}

async function failure(promise: Promise<unknown>): Promise<FeedFetchError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(FeedFetchError)
  return error as FeedFetchError
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('fetchFeed', () => {
  describe('a successful fetch', () => {
    it('returns the body with its ETag and Last-Modified for the next conditional GET', async () => {
      const server = await serve((_request, response) =>
        feed(response, RSS, { etag: '"v1"', 'last-modified': 'Tue, 01 Jul 2025 10:00:00 GMT' }),
      )
      const result = await fetchFeed(`${server.origin}/feed.xml`, local)
      expect(result).toEqual({
        status: 'ok',
        url: `${server.origin}/feed.xml`,
        body: RSS,
        contentType: 'application/rss+xml',
        etag: '"v1"',
        lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT',
        bytes: Buffer.byteLength(RSS),
      })
    })

    it('asks for feeds, offers compression and identifies itself', async () => {
      const server = await serve((_request, response) => feed(response))
      await fetchFeed(server.origin, { ...local, userAgent: 'MediaMeshTest/1.0' })
      const { headers } = server.requests[0]!
      expect(headers.accept).toContain('application/rss+xml')
      expect(headers.accept).toContain('application/atom+xml')
      expect(headers['accept-encoding']).toBe('gzip, deflate, br')
      expect(headers['user-agent']).toBe('MediaMeshTest/1.0')
      expect(headers['if-none-match']).toBeUndefined()
    })

    it('reports not-modified when the server matches the ETag sent back to it', async () => {
      const server = await serve((request, response) => {
        if (request.headers['if-none-match'] === '"v1"') {
          response.writeHead(304, { etag: '"v1"' })
          response.end()
        } else {
          feed(response, RSS, { etag: '"v1"' })
        }
      })
      const first = await fetchFeed(`${server.origin}/feed.xml`, local)
      expect(first.status).toBe('ok')
      const second = await fetchFeed(`${server.origin}/feed.xml`, {
        ...local,
        etag: first.status === 'ok' ? first.etag : null,
        lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT',
      })
      expect(second).toEqual({ status: 'not-modified', url: `${server.origin}/feed.xml` })
      expect(server.requests[1]!.headers['if-modified-since']).toBe('Tue, 01 Jul 2025 10:00:00 GMT')
    })

    it.each([
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ])('decompresses a %s body', async (encoding, compress) => {
      const server = await serve((_request, response) =>
        feed(response, compress(Buffer.from(RSS)), { 'content-encoding': encoding }),
      )
      const result = await fetchFeed(server.origin, local)
      expect(result).toMatchObject({ status: 'ok', body: RSS, bytes: Buffer.byteLength(RSS) })
    })

    it.each([
      ['text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
      ['application/atom+xml', 'application/atom+xml'],
      ['text/xml', 'text/xml'],
      ['no Content-Type at all', undefined],
    ])('accepts a feed served as %s', async (_label, contentType) => {
      const server = await serve((_request, response) => {
        if (contentType) response.setHeader('content-type', contentType)
        response.end(RSS)
      })
      const result = await fetchFeed(server.origin, local)
      expect(result).toMatchObject({ status: 'ok', body: RSS, contentType: contentType ?? null })
    })
  })

  describe('character encodings', () => {
    const title = 'Café Society: Ép. Über'
    const latin1 = (declaration: string) =>
      Buffer.from(`${declaration}<rss><channel><title>${title}</title></channel></rss>`, 'latin1')

    it('decodes ISO-8859-1 named by the Content-Type charset', async () => {
      const server = await serve((_request, response) =>
        feed(response, latin1('<?xml version="1.0"?>'), {
          'content-type': 'text/xml; charset=ISO-8859-1',
        }),
      )
      const result = await fetchFeed(server.origin, local)
      expect(result.status === 'ok' && result.body).toContain(`<title>${title}</title>`)
    })

    it('decodes ISO-8859-1 named only by the XML declaration', async () => {
      const server = await serve((_request, response) =>
        feed(response, latin1('<?xml version="1.0" encoding="ISO-8859-1"?>')),
      )
      const result = await fetchFeed(server.origin, local)
      expect(result.status === 'ok' && result.body).toContain(`<title>${title}</title>`)
    })

    it('decodes UTF-8 by default', async () => {
      const server = await serve((_request, response) =>
        feed(response, `<rss><channel><title>${title} — مدن الصحراء</title></channel></rss>`),
      )
      const result = await fetchFeed(server.origin, local)
      expect(result.status === 'ok' && result.body).toContain(`${title} — مدن الصحراء`)
    })
  })

  describe('redirects', () => {
    it('follows a relative Location and reports the final URL', async () => {
      const server = await serve((request, response) => {
        if (request.url === '/old') {
          response.writeHead(301, { location: '/podcasts/new.xml?x=1' })
          response.end()
        } else {
          feed(response)
        }
      })
      const result = await fetchFeed(`${server.origin}/old`, local)
      expect(result).toMatchObject({ status: 'ok', url: `${server.origin}/podcasts/new.xml?x=1` })
    })

    it('follows absolute Locations to another host through 302, 303, 307 and 308', async () => {
      const target = await serve((_request, response) => feed(response))
      const server = await serve((request, response) => {
        const step = Number(request.url!.slice(1))
        const statuses = [302, 303, 307, 308]
        const location =
          step < statuses.length - 1 ? `${server.origin}/${step + 1}` : `${target.origin}/feed.xml`
        response.writeHead(statuses[step]!, { location })
        response.end()
      })
      const result = await fetchFeed(`${server.origin}/0`, local)
      expect(result).toMatchObject({ status: 'ok', url: `${target.origin}/feed.xml`, body: RSS })
      expect(server.requests.map((request) => request.url)).toEqual(['/0', '/1', '/2', '/3'])
    })

    const chain = () =>
      serve((request, response) => {
        const step = Number(request.url!.slice(1))
        if (step === 0) return feed(response)
        response.writeHead(302, { location: `/${step - 1}` })
        response.end()
      })

    it('follows exactly maxRedirects redirects', async () => {
      const server = await chain()
      const result = await fetchFeed(`${server.origin}/3`, { ...local, maxRedirects: 3 })
      expect(result).toMatchObject({ status: 'ok', url: `${server.origin}/0` })
    })

    it('gives up when there are more than maxRedirects', async () => {
      const server = await chain()
      const error = await failure(fetchFeed(`${server.origin}/4`, { ...local, maxRedirects: 3 }))
      expect(error.reason).toBe('too-many-redirects')
      expect(server.requests).toHaveLength(4)
    })

    it('refuses a redirect to a non-http protocol', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(302, { location: 'file:///etc/passwd' })
        response.end()
      })
      const error = await failure(fetchFeed(server.origin, local))
      expect(error.reason).toBe('unsupported-protocol')
    })
  })

  describe('refusing private networks', () => {
    it.each([
      ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/feed.xml`],
      ['localhost', (port: number) => `http://localhost:${port}/feed.xml`],
      ['0x7f.0.0.1', (port: number) => `http://0x7f.0.0.1:${port}/feed.xml`],
      ['2130706433', (port: number) => `http://2130706433:${port}/feed.xml`],
      ['[::ffff:127.0.0.1]', (port: number) => `http://[::ffff:127.0.0.1]:${port}/feed.xml`],
    ])('refuses loopback written as %s without connecting', async (_host, url) => {
      const server = await serve((_request, response) => feed(response))
      const error = await failure(fetchFeed(url(server.port)))
      expect(error.reason).toBe('blocked-address')
      expect(server.connections).toHaveLength(0)
    })

    // Here 127.0.0.1 plays a public feed host; every other non-public address stays blocked.
    const publicLoopback = (ip: string) => ip !== '127.0.0.1' && isBlockedAddress(ip)

    it('refuses a redirect into a blocked address at that hop, before connecting', async () => {
      const internal = await serve((_request, response) => feed(response), '127.0.0.2')
      const targets = [
        `${internal.origin}/admin`,
        `http://[::ffff:127.0.0.2]:${internal.port}/admin`,
        'http://169.254.169.254/latest/meta-data/',
      ]
      const server = await serve((request, response) => {
        if (request.url === '/feed.xml') return feed(response)
        response.writeHead(302, { location: targets[Number(request.url!.slice(1))] })
        response.end()
      })

      const fetched = await fetchFeedWithAddressPolicy(
        `${server.origin}/feed.xml`,
        {},
        publicLoopback,
      )
      expect(fetched.status).toBe('ok') // Sanity: the "public" host itself is reachable.
      for (const [index] of targets.entries()) {
        const error = await failure(
          fetchFeedWithAddressPolicy(`${server.origin}/${index}`, {}, publicLoopback),
        )
        expect(error.reason).toBe('blocked-address')
      }
      expect(internal.connections).toHaveLength(0)
    })
  })

  describe('limits', () => {
    it('times out when the response headers never come, and closes the connection', async () => {
      const server = await serve(() => undefined)
      const started = Date.now()
      const error = await failure(fetchFeed(server.origin, { ...local, timeoutMs: 300 }))
      const elapsed = Date.now() - started
      expect(error.reason).toBe('timeout')
      expect(elapsed).toBeGreaterThanOrEqual(290)
      expect(elapsed).toBeLessThan(1_500)
      await waitFor(() => server.connections.every((socket) => socket.closed))
    })

    it('times out when the body trickles in, and closes the connection', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' })
        response.write('<rss>')
        const timer = setInterval(() => response.write(' '), 20)
        response.on('close', () => clearInterval(timer))
      })
      const started = Date.now()
      const error = await failure(fetchFeed(server.origin, { ...local, timeoutMs: 400 }))
      const elapsed = Date.now() - started
      expect(error.reason).toBe('timeout')
      expect(elapsed).toBeGreaterThanOrEqual(390)
      expect(elapsed).toBeLessThan(1_500)
      await waitFor(() => server.connections.every((socket) => socket.closed))
    })

    it('refuses a body whose Content-Length is over maxBytes without reading it', async () => {
      const server = await serve((_request, response) => feed(response, 'x'.repeat(2_000)))
      const error = await failure(fetchFeed(server.origin, { ...local, maxBytes: 1_000 }))
      expect(error.reason).toBe('too-large')
    })

    it('stops reading a chunked body once it passes maxBytes', async () => {
      let written = 0
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' })
        const chunk = Buffer.alloc(16 * 1024, 'x')
        const timer = setInterval(() => {
          written += chunk.byteLength
          response.write(chunk)
        }, 1)
        response.on('close', () => clearInterval(timer))
      })
      const error = await failure(fetchFeed(server.origin, { ...local, maxBytes: 256 * 1024 }))
      expect(error.reason).toBe('too-large')
      await waitFor(() => server.connections.every((socket) => socket.closed))
      expect(written).toBeLessThan(4 * 1024 * 1024)
    })

    it.each([
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ])('stops a %s bomb by its decompressed size', async (encoding, compress) => {
      const bomb = compress(Buffer.alloc(16 * 1024 * 1024, ' '))
      const maxBytes = 1024 * 1024
      expect(bomb.byteLength).toBeLessThan(maxBytes) // Small on the wire; only inflating exceeds it.
      const server = await serve((_request, response) =>
        feed(response, bomb, { 'content-encoding': encoding }),
      )
      const error = await failure(fetchFeed(server.origin, { ...local, maxBytes }))
      expect(error.reason).toBe('too-large')
    })
  })

  describe('failures', () => {
    it.each([404, 410, 500, 503])(
      'reports HTTP %i as http-status with the status',
      async (code) => {
        const server = await serve((_request, response) => {
          response.writeHead(code, { 'content-type': 'text/html' })
          response.end('<h1>nope</h1>')
        })
        const error = await failure(fetchFeed(server.origin, local))
        expect(error.reason).toBe('http-status')
        expect(error.status).toBe(code)
      },
    )

    it.each([
      'text/html; charset=utf-8',
      'application/json',
      'image/png',
      'audio/mpeg',
      'video/mp4',
    ])('refuses a response served as %s', async (contentType) => {
      const server = await serve((_request, response) =>
        feed(response, '<html></html>', { 'content-type': contentType }),
      )
      const error = await failure(fetchFeed(server.origin, local))
      expect(error.reason).toBe('wrong-content-type')
    })

    it.each(['ftp://example.com/feed.xml', 'file:///etc/passwd', 'data:text/xml,<rss/>'])(
      'refuses %s as an unsupported protocol',
      async (url) => {
        const error = await failure(fetchFeed(url, local))
        expect(error.reason).toBe('unsupported-protocol')
      },
    )

    it.each(['', 'not a url', 'http://'])('refuses %p as an invalid URL', async (url) => {
      const error = await failure(fetchFeed(url, local))
      expect(error.reason).toBe('invalid-url')
    })

    it('reports a refused connection as a network error', async () => {
      const server = await serve(() => undefined)
      const origin = server.origin
      await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()))
      const error = await failure(fetchFeed(origin, local))
      expect(error.reason).toBe('network')
    })
  })
})
