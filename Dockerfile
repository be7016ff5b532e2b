# syntax=docker/dockerfile:1
# MediaMesh image. One image, three commands:
#   web host (default)  node dist/server.js
#   worker              node dist/worker.js
#   migrations          node dist/migrate.js
# (also node dist/seed.js, dist/reindex.js and dist/ingest.js: the compiled scripts)
# Build: `docker build -t mediamesh .` (BuildKit, the default builder: the cache mounts below keep
# npm's download cache and Next's build cache between builds without putting them in a layer).

# Node 24 LTS, the version in .node-version (Node 20 cannot run the compiled build).
ARG NODE_IMAGE=node:24-bookworm-slim

# deps: every dependency, devDependencies included (`next build` needs TypeScript and friends), as
# package-lock.json pins them. `npm ci` fails on this project's registry (foreign-platform optional
# packages are missing from the lockfile); `npm install` still honours the lockfile.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# swagger-ui-dist's install script would otherwise report the install to its vendor.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

# build: the production bundle in .next (and its build stamp) and the compiled processes in dist/.
# Next's build cache stays in a cache mount: 150+ MB that the runtime never reads.
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN --mount=type=cache,target=/app/.next/cache npm run build

# prod-deps: the same node_modules without devDependencies (tsx, esbuild and TypeScript stay out).
# Branches off deps, so it runs alongside the build.
FROM deps AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm prune --omit=dev --no-audit --no-fund

# runtime: only what the processes read: dist/ (the host, the worker and the scripts, compiled with
# our modules bundled in), .next (the admin panel and API routes), next.config.mjs (read by Next at
# start), package.json (its name finds the project folder). No TypeScript sources. Files belong to
# root and are read-only for the process; only media/ and .next/cache are its own.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# The heap cap makes a web instance collect garbage before it grows (~470 MiB resident under load).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    NODE_OPTIONS=--max-old-space-size=384
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json /app/next.config.mjs ./
# media/: uploads when S3_BUCKET is unset. .next/cache: Next's runtime cache (optimised images).
# Upload temp files go to /tmp, writable as in every image.
RUN mkdir -p media .next/cache && chown node:node media .next/cache
# The base image's `node` user (uid 1000).
USER node
EXPOSE 3000
# Liveness of the web host only; the worker serves /healthz on WORKER_METRICS_PORT, and compose and
# Kubernetes declare their own checks for it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1, so it receives SIGTERM and server.ts drains in-flight requests before exiting
# (npx or npm in between would not pass the signal on reliably).
CMD ["node", "dist/server.js"]
