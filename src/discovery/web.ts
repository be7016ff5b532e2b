/**
 * The discovery API as a Web `Request → Response` handler: for any runtime that speaks the Fetch
 * API (Next route handlers, Payload endpoints, Bun, Deno, workers). `basePath` is the path the
 * handler is reached under (`/api/discovery` for Payload endpoints).
 */
import type { DiscoveryApi, DiscoveryRequest } from './api'
import { ApiError } from './errors'

export interface WebDiscoveryOptions {
  basePath: string
  /** The client address for rate limits (from the platform or a trusted proxy's header). */
  clientIp: (request: Request) => string | undefined
  /** The request id the host's logs use, when it has one. */
  requestId?: (request: Request) => string | undefined
  /**
   * Answer with brotli or gzip when the client accepts them. Off by default: Next's route handlers
   * (so Payload endpoints) drop a handler's `Content-Encoding` header and send the compressed bytes
   * as they are, and platforms in front of them (Next's own compression, a CDN) compress anyway.
   */
  compress?: boolean
}

export type WebDiscoveryHandler = (request: Request) => Promise<Response>

export function webDiscoveryHandler(
  api: DiscoveryApi,
  { basePath, clientIp, requestId, compress = false }: WebDiscoveryOptions,
): WebDiscoveryHandler {
  return async (request) => {
    const { status, headers, body } = await api(toDiscoveryRequest(request))
    const bytes = typeof body === 'string' ? body : body && new Uint8Array(body)
    return new Response(status === 304 ? null : (bytes ?? null), { status, headers })
  }

  function toDiscoveryRequest(request: Request): DiscoveryRequest {
    const url = new URL(request.url)
    const path = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length) || '/'
      : url.pathname
    return {
      method: request.method.toUpperCase(),
      path,
      query: queryRecord(url.searchParams),
      header: (name) =>
        !compress && name.toLowerCase() === 'accept-encoding'
          ? undefined
          : (request.headers.get(name) ?? undefined),
      ip: clientIp(request) ?? '',
      requestId: requestId?.(request) ?? request.headers.get('x-request-id') ?? undefined,
      body: (limitBytes) => readBody(request, limitBytes),
    }
  }
}

/** As Node's querystring parses a query: a repeated name gives an array. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const [name, value] of params) {
    const seen = query[name]
    query[name] =
      seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return query
}

async function readBody(request: Request, limitBytes: number): Promise<string> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', 'Request body is too large.')
  if (Number(request.headers.get('content-length') ?? 0) > limitBytes) throw tooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
