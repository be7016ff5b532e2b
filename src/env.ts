/**
 * The only module that reads `process.env`.
 *
 * Every variable is parsed and validated once, at import time. An invalid environment fails fast with
 * one message that lists every problem, instead of failing later on the first request that needs it.
 * Development gets defaults that work on a fresh machine (local Postgres with trust auth, a dev-only
 * secret); production refuses those defaults for secrets.
 */
import { z } from 'zod'

export const DEV_PAYLOAD_SECRET = 'mediamesh-dev-secret-do-not-use-in-production'
export const DEV_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mediamesh'

const nodeEnv = z.enum(['development', 'test', 'production'])

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL')

const schema = z
  .object({
    NODE_ENV: nodeEnv.default('development'),
    /** Port the Express host listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface the host binds to. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /**
     * Express `trust proxy`: how many proxy hops to trust for the client address (rate limits and
     * logs). 0 when the host is exposed directly.
     */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Public origin of this host, used in printed URLs and by Payload for absolute links. */
    SERVER_URL: z.string().url().optional(),
    DATABASE_URL: postgresUrl.optional(),
    /** Max connections in this instance's Postgres pool. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * How the database schema is kept in step with the collections: `push` (dev only: drizzle
     * pushes changes on start) or `migrate` (the committed migrations in src/migrations).
     */
    DATABASE_SCHEMA: z.enum(['push', 'migrate']).optional(),
    /**
     * Apply pending migrations when an instance starts (production). Turn off where a separate step
     * migrates before the rollout (the Kubernetes migration Job, `npm run migrate`), so that many
     * instances starting at once never race to migrate.
     */
    MIGRATE_ON_START: booleanString.default(true),
    /** Elasticsearch cluster. Unset: the local dev/test node on ES_PORT (started by npm run es:start). */
    ELASTICSEARCH_URL: z.string().url().optional(),
    /** Prefix of index and alias names, so several environments can share one cluster. */
    SEARCH_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _ only')
      .default('mediamesh'),
    /** Port of the local dev/test node when ELASTICSEARCH_URL is unset. */
    ES_PORT: z.coerce.number().int().min(1).max(65535).default(9200),
    PAYLOAD_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Bearer token that guards GET /metrics in production (unset there = metrics disabled). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /**
     * `json`: one JSON object per line, for log collectors (production, tests). `pretty`: coloured,
     * readable lines for a developer's terminal; `npm run dev` sets it unless told otherwise.
     */
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    /** Run Payload's job queue (scheduled publish) inside the web process. */
    JOBS_AUTORUN: booleanString.optional(),
    /** A job claim not renewed for this long is taken back from its (dead) runner. */
    JOBS_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
    /** When set, `npm run worker` serves its own /metrics on this port (same token rules). */
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** How long finished jobs are kept as history before the runner prunes them. */
    JOBS_RETENTION_HOURS: z.coerce.number().min(0).default(24),
    /** Password for the demo users created by `npm run seed` (dev only). */
    SEED_PASSWORD: z.string().min(8).default('mediamesh-demo'),
    /** Largest accepted upload in bytes (audio and video dominate). Default 1 GiB. */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024 * 1024),
    /**
     * A client must send its request line and headers within this time (slow-loris defence); it
     * then gets a 408 and the connection is closed.
     */
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
    /**
     * A whole request, body included, must arrive within this time. Generous by default: a 1 GiB
     * upload over a slow link takes minutes. 0 turns the limit off.
     */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(30 * 60_000),
    /**
     * How long an idle keep-alive connection stays open. Keep it above the load balancer's idle
     * timeout (AWS ALB: 60 s), or it will reuse connections the host has just closed.
     */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
    /** Grace period for in-flight requests on SIGTERM before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
    /** Redis: discovery cache, rate limits, trending counters. Local default for dev and tests. */
    REDIS_URL: z
      .string()
      .url()
      .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL')
      .default('redis://127.0.0.1:6379'),
    /** Prefix of every Redis key and channel, so several environments can share one server. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_:-]*$/, 'letters, digits, _, - and : only')
      .default('mediamesh:'),
    /** Freshness of cached discovery answers (Redis TTL, in-process TTL cap, HTTP max-age). */
    DISCOVERY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** How long a superseded answer is kept to serve while Elasticsearch fails (stale-if-error). */
    DISCOVERY_STALE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
    /** Size of each instance's in-process answer cache, in MiB (least recently used evicted). */
    DISCOVERY_MEMORY_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
    /** Budget for one Elasticsearch request on the discovery path before it counts as failed. */
    DISCOVERY_SEARCH_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
    /** Key that signs pagination cursors. Default: derived from PAYLOAD_SECRET. */
    DISCOVERY_CURSOR_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * API keys that get their own discovery rate-limit budget instead of their IP's, sent as
     * `X-Api-Key`. Comma-separated; each at least 16 characters.
     */
    DISCOVERY_API_KEYS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every((key) => key.length >= 16), 'each key needs 16+ characters'),
    /** Path the discovery API is served under (`<path>/v1/...`). */
    DISCOVERY_BASE_PATH: z
      .string()
      .regex(/^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/, 'must start with / and not end with one')
      .default('/discovery'),
    /** Serve the discovery API's Swagger UI at `<DISCOVERY_BASE_PATH>/docs`. */
    DISCOVERY_DOCS: booleanString.default(true),
    /** Allowed CORS origins for discovery: `*` (default, public read API) or a comma-separated list. */
    DISCOVERY_CORS_ORIGINS: z.string().default('*'),
    /** Days of hourly search insights kept in Postgres; older rows are deleted by the flush. */
    SEARCH_INSIGHTS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /**
     * Distinct (query, locale) pairs counted per hour; searches beyond are counted together as
     * "other queries", so a flood of unique queries cannot grow Redis or Postgres without bound.
     */
    SEARCH_INSIGHTS_MAX_QUERIES_PER_HOUR: z.coerce.number().int().min(10).default(5000),
    /** How often counted searches move from Redis (or memory) to Postgres, in seconds. */
    SEARCH_INSIGHTS_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Discovery reads per minute per client IP (or per API key). */
    RATE_LIMIT_DISCOVERY_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    /** Usage events (POST /discovery/v1/events) per minute per client IP. */
    RATE_LIMIT_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** CMS login attempts per minute per client IP and email. */
    RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** CMS writes (REST and GraphQL create, update, delete) per minute per user. */
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /** "Fetch now" on feed sources per minute per user (each one fetches a remote feed). */
    RATE_LIMIT_FETCH_NOW_PER_MINUTE: z.coerce.number().int().min(1).default(6),
    /**
     * Origins besides SERVER_URL allowed to send cookie-authenticated writes to the CMS (an admin
     * served from another host name). Comma-separated, e.g. `https://cms.example.com`.
     */
    CSRF_TRUSTED_ORIGINS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .refine(
        (origins) => origins.every((origin) => /^https?:\/\/[^/]+$/.test(origin)),
        'each origin is scheme://host[:port], no path',
      ),
    /**
     * Account recovery per minute per client IP and email: unlock and forgot-password (each GraphQL
     * alias counts), reset-password per client IP.
     */
    RATE_LIMIT_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    /**
     * Largest JSON or urlencoded body of a CMS API request (REST create, update, method-override
     * reads), in bytes; refused with 413 before it is parsed. Multipart uploads have their own limit
     * (UPLOAD_MAX_BYTES).
     */
    HTTP_JSON_BODY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    /** Largest body of a login, logout, unlock, forgot- or reset-password request, in bytes. */
    HTTP_AUTH_BODY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(256)
      .default(16 * 1024),
    /** Largest body of a GraphQL request (POST /api/graphql), in bytes. */
    HTTP_GRAPHQL_BODY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(64 * 1024),
    /**
     * Root fields (aliases included) one GraphQL request may run: each is at least one database
     * query. A document with more is refused with 400 before it runs.
     */
    GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(1000).default(20),
    /**
     * Estimated cost of one GraphQL request (src/host/graphqlCost.ts: every root field is a query,
     * fields under a list count once per document the list may return). Refused with 400 above it.
     */
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
    /** Nesting depth of selections in one GraphQL request. */
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    /** Conditions (leaves of and/or trees) in one `where` of a REST or GraphQL read or bulk write. */
    WHERE_MAX_CONDITIONS: z.coerce.number().int().min(1).max(10_000).default(30),
    /**
     * Segments of one `where` field path (`program.categories.slug` has 3): each segment after the
     * first may join another table.
     */
    WHERE_MAX_PATH_SEGMENTS: z.coerce.number().int().min(1).max(20).default(3),
    /**
     * Let ingestion fetch feeds from loopback and private addresses. Off by default: a feed URL is
     * user input, and fetching internal addresses from the server is SSRF. Tests turn it on.
     */
    INGEST_ALLOW_PRIVATE_NETWORKS: booleanString.default(false),
    /** Whole-request budget for fetching one feed. */
    INGEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    /** Largest feed accepted (decompressed), in bytes. */
    INGEST_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
    /**
     * S3-compatible storage for uploads (AWS S3, MinIO, S3Proxy, R2, ...). With S3_BUCKET set,
     * uploads go to the bucket; unset, to the local `media/` folder. Nothing else changes.
     */
    S3_BUCKET: z.string().min(3).optional(),
    /** Endpoint of a non-AWS S3 server, e.g. http://minio:9000. Unset: AWS for S3_REGION. */
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (endpoint/bucket/key): needed by MinIO and S3Proxy. */
    S3_FORCE_PATH_STYLE: booleanString.default(false),
    /** Key prefix inside the bucket, so several environments can share one bucket. */
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_/-]*$/, 'letters, digits, _, - and / only')
      .default(''),
    /** Folder for uploads when S3 is not configured (relative to the working directory). */
    MEDIA_DIR: z.string().min(1).default('media'),
    /**
     * Public origin for media file URLs (a CDN whose origin is this host: it must serve the host's
     * `/api/media/file/...` paths). Unset: the host's own SERVER_URL.
     */
    MEDIA_PUBLIC_URL: z.string().url().optional(),
    /** Largest image upload, in bytes (a cover or thumbnail). */
    MEDIA_MAX_IMAGE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(25 * 1024 * 1024),
    /** Largest audio upload, in bytes (about 10 hours of 128 kb/s MP3). */
    MEDIA_MAX_AUDIO_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(600 * 1024 * 1024),
    /** Largest video upload, in bytes (also capped by UPLOAD_MAX_BYTES). */
    MEDIA_MAX_VIDEO_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024 * 1024),
    /**
     * Stored files that no media document references are deleted once they are this old (the
     * orphan sweep). Younger ones may belong to an upload still in progress.
     */
    MEDIA_ORPHAN_GRACE_MINUTES: z.coerce.number().min(0).default(60),
    /** Set by Next itself while building. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.S3_BUCKET &&
      Boolean(value.S3_ACCESS_KEY_ID) !== Boolean(value.S3_SECRET_ACCESS_KEY)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message:
          'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or neither, for IAM roles)',
      })
    }
    // `next build` imports the config with NODE_ENV=production but uses no secret: runtime checks
    // apply when the server starts, not while compiling.
    if (value.NODE_ENV !== 'production' || value.NEXT_PHASE === 'phase-production-build') return
    if (!value.PAYLOAD_SECRET || value.PAYLOAD_SECRET === DEV_PAYLOAD_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'is required in production and must not be the development default',
      })
    }
    if (!value.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' })
    }
    if (value.DATABASE_SCHEMA === 'push') {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_SCHEMA'],
        message: 'push is for development only; production applies migrations',
      })
    }
  })

export type Env = ReturnType<typeof resolveEnv>

/** Every variable this module reads (deployment files are checked against it). */
export const ENV_NAMES: readonly string[] = Object.keys(schema.shape)

/** Turns a zod error into one readable line per variable. */
export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map(
    (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  )
  return `Invalid environment configuration:\n${lines.join('\n')}`
}

/** Parses an environment (defaults to `process.env`); throws one error listing every problem. */
export function resolveEnv(source: Record<string, string | undefined> = process.env) {
  // Empty strings mean "unset" (docker-compose and .env files often produce them).
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) throw new Error(formatEnvError(parsed.error))
  const value = parsed.data
  const isProduction = value.NODE_ENV === 'production'
  const serverUrl = value.SERVER_URL ?? `http://localhost:${value.PORT}`
  return {
    ...value,
    isProduction,
    isDevelopment: value.NODE_ENV === 'development',
    isTest: value.NODE_ENV === 'test',
    DATABASE_URL: value.DATABASE_URL ?? DEV_DATABASE_URL,
    ELASTICSEARCH_URL: value.ELASTICSEARCH_URL ?? `http://127.0.0.1:${value.ES_PORT}`,
    /** Set only when an external cluster is configured: then no local node is ever started. */
    ELASTICSEARCH_URL_EXPLICIT: value.ELASTICSEARCH_URL,
    DATABASE_SCHEMA:
      value.DATABASE_SCHEMA ?? (value.NODE_ENV === 'development' ? 'push' : 'migrate'),
    PAYLOAD_SECRET: value.PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET,
    SERVER_URL: serverUrl,
    /** Only an explicitly configured origin is given to Payload (it then builds absolute URLs). */
    SERVER_URL_EXPLICIT: value.SERVER_URL,
    JOBS_AUTORUN: value.JOBS_AUTORUN ?? !value.NODE_ENV.startsWith('test'),
    DISCOVERY_CURSOR_SECRET:
      value.DISCOVERY_CURSOR_SECRET ??
      `${value.PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET}:discovery-cursor`,
    /** Upload storage: an S3 bucket when S3_BUCKET is set, otherwise the local `media/` folder. */
    s3: value.S3_BUCKET
      ? {
          bucket: value.S3_BUCKET,
          endpoint: value.S3_ENDPOINT,
          region: value.S3_REGION,
          forcePathStyle: value.S3_FORCE_PATH_STYLE,
          prefix: value.S3_PREFIX.replace(/^\/+|\/+$/g, ''),
          credentials:
            value.S3_ACCESS_KEY_ID && value.S3_SECRET_ACCESS_KEY
              ? {
                  accessKeyId: value.S3_ACCESS_KEY_ID,
                  secretAccessKey: value.S3_SECRET_ACCESS_KEY,
                }
              : undefined,
        }
      : null,
    /** Set only when configured: then Payload's REST/GraphQL file URLs use it for the public too. */
    MEDIA_PUBLIC_URL_EXPLICIT: value.MEDIA_PUBLIC_URL?.replace(/\/+$/, ''),
    /** Origin of public media URLs, without a trailing slash. */
    MEDIA_PUBLIC_URL: (value.MEDIA_PUBLIC_URL ?? serverUrl).replace(/\/+$/, ''),
    // Open in dev and test; in production only with a token, otherwise disabled.
    metricsAccess: value.METRICS_TOKEN
      ? ({ mode: 'token', token: value.METRICS_TOKEN } as const)
      : isProduction
        ? ({ mode: 'disabled' } as const)
        : ({ mode: 'open' } as const),
  }
}

export const env = resolveEnv()
