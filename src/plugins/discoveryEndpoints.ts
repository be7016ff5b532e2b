/**
 * Discovery as Payload endpoints, for hosts without this repository's Express server: a stock
 * Next-hosted Payload app serves it under its API route (`/api/discovery/v1/...` by default) with
 * the same behaviour (the same framework-free API behind a Web `Request → Response` adapter).
 *
 * One catch-all endpoint per method, so unknown paths and wrong methods get discovery's own 404 and
 * 405 problem details instead of Payload's. The API is built on first use, once per Payload
 * instance (it needs `payload` for its service).
 */
import type { Config, Endpoint, Payload, PayloadHandler, Plugin } from 'payload'

import { createDiscovery } from '../discovery'
import { webDiscoveryHandler, type WebDiscoveryHandler } from '../discovery/web'
import type { SanitizedMediaMeshOptions } from './types'

const METHODS: Endpoint['method'][] = ['get', 'head', 'post', 'options', 'put', 'patch', 'delete']

export const discoveryEndpoints =
  (settings: SanitizedMediaMeshOptions['discovery']): Plugin =>
  (config: Config): Config => {
    const built = new WeakMap<Payload, WebDiscoveryHandler>()
    const handlerFor = (payload: Payload): WebDiscoveryHandler => {
      let handler = built.get(payload)
      if (!handler) {
        const basePath = `${payload.config.routes.api}${settings.basePath}`
        handler = webDiscoveryHandler(createDiscovery(payload, { basePath }).api, {
          basePath,
          clientIp: (request) => settings.clientIp(request.headers),
        })
        built.set(payload, handler)
      }
      return handler
    }
    // Payload hands endpoints the incoming Request itself, extended with its own fields.
    const handler: PayloadHandler = (req) => handlerFor(req.payload)(req as unknown as Request)
    const endpoints: Endpoint[] = METHODS.map((method) => ({
      path: `${settings.basePath}/:path*`,
      method,
      handler,
    }))
    return { ...config, endpoints: [...(config.endpoints ?? []), ...endpoints] }
  }
