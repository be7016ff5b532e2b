/**
 * The package's `./express` entry: discovery as Express middleware, for hosts that put Express in
 * front of Next as this repository does (`app.use('/discovery', discoveryMiddleware(api))`).
 */
export { createDiscovery } from './discovery'
export { discoveryMiddleware } from './discovery/express'
