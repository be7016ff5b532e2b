/**
 * Cookie sessions and cross-site requests (CSRF), in front of Payload.
 *
 * - A write (POST, PUT, PATCH, DELETE) that carries the session cookie must come from this site:
 *   its `Origin` (or, without one, its `Sec-Fetch-Site`) must be this host's own origin, the
 *   configured SERVER_URL, or one of CSRF_TRUSTED_ORIGINS. `SameSite=Lax` alone lets a sibling
 *   subdomain (same site, other origin) write with an editor's cookie; this does not.
 *   Requests without the cookie (API keys, `Authorization: JWT/Bearer`) are not affected: browsers
 *   never attach those on their own, and no CORS is granted on /api for scripts to add them.
 * - Session cookies get `Secure` when the public URL is HTTPS or the request arrived over HTTPS
 *   (directly, or through a proxy trusted with TRUST_PROXY), so they never travel over plain HTTP.
 */
import type { ServerResponse } from 'node:http'

import type { Request, RequestHandler } from 'express'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SESSION_COOKIE = /(?:^|;\s*)payload-token=/

export interface CrossSiteOptions {
  /** Origins allowed besides the request's own (e.g. SERVER_URL, CSRF_TRUSTED_ORIGINS). */
  trustedOrigins: string[]
  /** The public URL is HTTPS: cookies are always `Secure`. */
  publicUrlIsHttps: boolean
}

function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** The request's own origin, as the browser addressed it (trust proxy applied to the scheme). */
function ownOrigins(req: Request): string[] {
  const origins = new Set<string>()
  const host = req.headers.host
  if (host) {
    const own = normaliseOrigin(`${req.protocol}://${host}`)
    if (own) origins.add(own)
  }
  // Behind a trusted proxy, Express reads X-Forwarded-Host into req.host.
  if (req.host && req.host !== host) {
    const forwarded = normaliseOrigin(`${req.protocol}://${req.host}`)
    if (forwarded) origins.add(forwarded)
  }
  return [...origins]
}

/** Why a cookie-authenticated write is refused, or undefined when it may go on. */
export function crossSiteRefusal(
  req: Pick<Request, 'method' | 'headers'> & { ownOrigins: string[] },
  trusted: Set<string>,
): string | undefined {
  if (!UNSAFE_METHODS.has(req.method)) return undefined
  if (!SESSION_COOKIE.test(req.headers.cookie ?? '')) return undefined
  // A non-cookie credential: not something a browser sends by itself to another site.
  if (req.headers.authorization) return undefined
  const origin = req.headers.origin
  if (typeof origin === 'string') {
    const normalised = origin === 'null' ? undefined : normaliseOrigin(origin)
    if (normalised && (req.ownOrigins.includes(normalised) || trusted.has(normalised))) {
      return undefined
    }
    return `Origin ${origin === 'null' ? 'null' : (normalised ?? 'invalid')}`
  }
  // Browsers send Origin on every cross-origin write; without it, Sec-Fetch-Site still tells.
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site ${site}`
  // No Origin and no Sec-Fetch-Site: not a browser (curl, a server-side integration).
  return undefined
}

export function refuseCrossSiteWrites(options: CrossSiteOptions): RequestHandler {
  const trusted = new Set(
    options.trustedOrigins.map(normaliseOrigin).filter((o): o is string => Boolean(o)),
  )
  return (req, res, next) => {
    const refusal = crossSiteRefusal(
      { method: req.method, headers: req.headers, ownOrigins: ownOrigins(req) },
      trusted,
    )
    if (!refusal) return next()
    res.status(403).json({
      errors: [
        {
          message:
            'Cross-site request refused: a write with a session cookie must come from this site.',
        },
      ],
    })
  }
}

/** Adds `; Secure` to each Set-Cookie value that lacks it. */
export function withSecure(value: string | number | readonly string[]): string | string[] {
  const add = (cookie: string) =>
    /;\s*secure(?:[;=]|$)/i.test(cookie) ? cookie : `${cookie}; Secure`
  if (Array.isArray(value)) return value.map(add)
  return add(String(value))
}

/** Marks every cookie the response sets `Secure` (see the module comment for when). */
export function secureCookies(options: Pick<CrossSiteOptions, 'publicUrlIsHttps'>): RequestHandler {
  return (req, res, next) => {
    if (!options.publicUrlIsHttps && !req.secure) return next()
    patchSetCookie(res)
    next()
  }
}

function patchSetCookie(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name, value) =>
    setHeader(name, name.toLowerCase() === 'set-cookie' ? withSecure(value) : value)
  const appendHeader = res.appendHeader.bind(res)
  res.appendHeader = (name, value) =>
    appendHeader(name, name.toLowerCase() === 'set-cookie' ? withSecure(value) : value)
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    // writeHead(status, [message], [headers]): headers as an object or a flat [name, value] list.
    const headers = args.find((arg, i) => i > 0 && typeof arg === 'object' && arg !== null)
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) {
        if (String(headers[i]).toLowerCase() === 'set-cookie') {
          headers[i + 1] = withSecure(headers[i + 1] as string)
        }
      }
    } else if (headers) {
      const record = headers as Record<string, string | string[]>
      for (const key of Object.keys(record)) {
        if (key.toLowerCase() === 'set-cookie') record[key] = withSecure(record[key]!)
      }
    }
    return writeHead(...args)
  }) as typeof res.writeHead
}
