import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Express host (server.ts) owns the port, logging, metrics and shutdown; Next only renders.
  poweredByHeader: false,
  // Type-checking runs once in `npm run typecheck` (and in CI), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  // server.ts initialises Payload from node_modules before Next handles a request, and Next's route
  // handlers reuse that instance. Loading these packages from node_modules in production too (as
  // withPayload already does in development) keeps one copy of each in the process: a second,
  // bundled copy of `payload` would not recognise errors thrown by the first (`instanceof
  // ValidationError` fails) and would answer validation errors without their field details.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-postgres',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'drizzle-orm',
    'pg',
    'pino',
    // The development log format (src/observability/logger.ts); installed with payload, which uses it.
    'pino-pretty',
    'sharp',
    // One copy of each in the process too: one Prometheus registry, one Redis client library.
    'prom-client',
    'ioredis',
    'rate-limiter-flexible',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
