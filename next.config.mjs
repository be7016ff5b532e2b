import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Express host (server.ts) owns the port, logging, metrics and shutdown; Next only renders.
  poweredByHeader: false,
  // Type-checking runs once in `npm run typecheck` (and in CI), not again inside every build.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
