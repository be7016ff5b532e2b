/**
 * Security headers on every response (what helmet sets, written out so each one is deliberate),
 * and a Content-Security-Policy the admin panel works under: the browser tests (tests/e2e) record
 * every violation and fail on any.
 *
 * - Scripts and styles: this origin only, inline allowed. Next's and Payload's pages bootstrap with
 *   inline scripts and style attributes; removing 'unsafe-inline' needs per-request nonces through
 *   Next's middleware, which the custom server does not run (see the notes).
 * - Images and media: this origin, data:/blob: (upload previews) and the media CDN when configured.
 * - No framing (clickjacking), no plugins, forms and <base> to this origin only.
 */
import type { RequestHandler } from 'express'

import { env } from '../env'

function contentSecurityPolicy(): string {
  const media = env.MEDIA_PUBLIC_URL ? ` ${new URL(env.MEDIA_PUBLIC_URL).origin}` : ''
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Public resources other sites embed or call: discovery answers and media files. */
const CROSS_ORIGIN_RESOURCES = /^\/(discovery\/|api\/media\/file\/)/

export function securityHeaders(): RequestHandler {
  const csp = contentSecurityPolicy()
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader(
      'Cross-Origin-Resource-Policy',
      CROSS_ORIGIN_RESOURCES.test(req.path) ? 'cross-origin' : 'same-origin',
    )
    res.setHeader('Origin-Agent-Cluster', '?1')
    res.setHeader('X-DNS-Prefetch-Control', 'off')
    res.setHeader('X-Permitted-Cross-Domain-Policies', 'none')
    // Only over HTTPS (directly, or behind a proxy trusted through TRUST_PROXY).
    if (req.secure)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}
