/**
 * The options of `mediaMesh(options)` and their defaults.
 *
 * Everything MediaMesh needs from its host arrives here, once: nothing below the plugin entry reads
 * `process.env` (this repository's payload.config.ts maps src/env.ts to these options). The options
 * are sanitised once, at the entry, like @payloadcms/plugin-search's `sanitizePluginConfig`, and the
 * sanitised copy is what every module receives.
 */
import type { Client } from '@elastic/elasticsearch'
import type { Redis } from 'ioredis'
import type { CollectionConfig, Field } from 'payload'

import { CATALOGUE_COLLECTIONS, type CatalogueCollection } from '../lib/catalogueSlugs'

/** S3-compatible storage for uploads (AWS S3, MinIO, S3Proxy, R2, ...). */
export interface MediaMeshS3Options {
  bucket: string
  /** Endpoint of a non-AWS server, e.g. `http://minio:9000`. Unset: AWS for `region`. */
  endpoint?: string
  /** @default 'us-east-1' */
  region?: string
  /** Path-style URLs (endpoint/bucket/key): needed by MinIO and S3Proxy. @default false */
  forcePathStyle?: boolean
  /** Key prefix inside the bucket, so several environments can share one bucket. @default '' */
  prefix?: string
  /** Unset: the SDK's default chain (IAM roles, instance profiles). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** How the host changes one of MediaMesh's collections. */
export interface MediaMeshCollectionOverride {
  /**
   * The collection's slug in this app (REST `/api/<slug>`, GraphQL names, database tables).
   * MediaMesh's own code follows it; its job inputs and discovery's URLs keep their own names.
   * @default the collection's key ('programs', 'episodes', 'categories', 'media', 'sources')
   */
  slug?: string
  /** Labels in the admin panel. @default MediaMesh's English and Arabic labels */
  labels?: CollectionConfig['labels']
  /** Fields appended to MediaMesh's own (which stay: MediaMesh reads them). @default [] */
  fields?: Field[]
  /**
   * Access functions that replace MediaMesh's, operation by operation (the others stay). Reads
   * that widen what the public sees do not widen discovery: it serves only what is published.
   * @default staff write, the public reads what is published and due
   */
  access?: CollectionConfig['access']
  /** Admin options merged over MediaMesh's (`group`, `hidden`, `defaultColumns`, ...). */
  admin?: CollectionConfig['admin']
}

export interface MediaMeshOptions {
  /**
   * Keeps the schema (collections and fields stay, so migrations are stable) and turns behaviour
   * off: no search sync or other MediaMesh hooks, endpoints, admin views or job handlers.
   * @default false
   */
  disabled?: boolean
  /**
   * Secret the discovery API signs pagination cursors with (16+ characters). Usually derived from
   * the Payload secret by the host.
   */
  cursorSecret: string
  /** Slugs, labels, extra fields, access and admin options of MediaMesh's collections. */
  collections?: { [C in CatalogueCollection]?: MediaMeshCollectionOverride }
  elasticsearch?: {
    /** Node URL of the cluster. Ignored when `client` is given. @default 'http://127.0.0.1:9200' */
    node?: string
    /** A ready client (its own auth, TLS, timeouts), used instead of one made from `node`. */
    client?: Client
    /**
     * Prefix of index and alias names, so several environments can share one cluster
     * (lowercase letters, digits, `-` and `_`).
     * @default 'mediamesh'
     */
    indexPrefix?: string
  }
  /**
   * Redis for discovery caches, rate limits, trending and insight counters. Everything in it can be
   * lost; `false` runs without it (per-instance memory caches and limits).
   */
  redis?:
    | false
    | {
        /** @default 'redis://127.0.0.1:6379' */
        url?: string
        /** A ready client, used for commands (MediaMesh still opens its own subscriber from `url`). */
        client?: Redis
        /** Prefix of every key and channel (letters, digits, `_`, `-`, `:`). @default 'mediamesh:' */
        keyPrefix?: string
      }
  discovery?: {
    /** Path the host mounts the public discovery API under (`<basePath>/v1/...`). @default '/discovery' */
    basePath?: string
    /** Freshness of cached answers: Redis TTL, in-process TTL cap, HTTP max-age. @default 30 */
    cacheTtlSeconds?: number
    /** How long a superseded answer is served while Elasticsearch fails. @default 3600 */
    staleTtlSeconds?: number
    /** Size of each instance's in-process answer cache, in MiB. @default 64 */
    memoryCacheMb?: number
    /** Budget of one Elasticsearch request on the discovery path. @default 1500 */
    searchTimeoutMs?: number
    /** Reads per minute per client IP (or per API key). @default 1200 */
    readsPerMinute?: number
    /** Usage events (POST `<basePath>/v1/events`) per minute per client IP. @default 60 */
    eventsPerMinute?: number
    /** Keys (16+ characters, sent as `X-Api-Key`) that get their own rate-limit budget. @default [] */
    apiKeys?: string[]
    /** Allowed CORS origins: `['*']` (a public read API) or a list of origins. @default ['*'] */
    corsOrigins?: string[]
    /** Serve the Swagger UI at `<basePath>/docs` (the OpenAPI JSON is always served). @default true */
    docs?: boolean
    /**
     * Also serve discovery as Payload endpoints, under the API route (`/api<basePath>/v1/...`):
     * what a stock Next-hosted Payload app uses. @default true
     */
    endpoints?: boolean
    /**
     * The client address of a request to the Payload endpoints, for rate limits. Read it from a
     * header only your own proxy sets. @default the last `X-Forwarded-For` entry (the one added by
     * the proxy nearest the app), else none (every client then shares one budget)
     */
    clientIp?: (headers: Headers) => string | undefined
  }
  ingestion?: {
    /** Feed sources: the `ingestSource` job, its schedule and "Fetch now". @default true */
    enabled?: boolean
    /** Whole-request budget for fetching one feed (or its artwork). @default 15000 */
    timeoutMs?: number
    /** Largest feed accepted (decompressed), in bytes. @default 20 MiB */
    maxBytes?: number
    /** Fetch from loopback and private addresses (SSRF otherwise: feed URLs are user input). @default false */
    allowPrivateNetworks?: boolean
  }
  media?: {
    /** Folder for uploads when no S3 bucket is configured. @default 'media' */
    dir?: string
    /** Store uploads in this bucket instead of `dir`. @default undefined (local folder) */
    s3?: MediaMeshS3Options
    /**
     * Origin of public media URLs (a CDN in front of this host's `/api/media/file/...`). Unset:
     * the server URL, and Payload's own file URLs are left as they are.
     */
    publicUrl?: string
    /** Origin of this host, for media URLs when `publicUrl` is unset. @default 'http://localhost:3000' */
    serverUrl?: string
    /** Largest accepted upload of any kind, in bytes. @default 1 GiB */
    uploadMaxBytes?: number
    /** Largest image upload, in bytes. @default 25 MiB */
    maxImageBytes?: number
    /** Largest audio upload, in bytes. @default 600 MiB */
    maxAudioBytes?: number
    /** Largest video upload, in bytes (also capped by `uploadMaxBytes`). @default 1 GiB */
    maxVideoBytes?: number
    /** Unreferenced stored files are deleted once this old (the orphan sweep). @default 60 */
    orphanGraceMinutes?: number
  }
  /** CMS rate limits (per minute), shared through Redis. */
  rateLimits?: {
    /** Login attempts per client IP and email. @default 10 */
    loginPerMinute?: number
    /** Writes (REST and GraphQL create, update, delete) per user. @default 300 */
    writesPerMinute?: number
    /** Account requests (forgot/reset password, unlock) per client IP. @default 5 */
    accountPerMinute?: number
    /** "Fetch now" on feed sources per user. @default 6 */
    fetchNowPerMinute?: number
  }
  insights?: {
    /** Distinct (query, locale) pairs counted per hour; the rest count as "other". @default 5000 */
    maxQueriesPerHour?: number
    /** How often counted searches move to Postgres, in seconds. @default 60 */
    flushSeconds?: number
    /** Days of hourly insights kept in Postgres. @default 90 */
    retentionDays?: number
  }
  jobs?: {
    /** Queue of search sync jobs. @default 'search' */
    searchQueue?: string
    /**
     * Start MediaMesh's job runner (exclusive claims, so several instances never run one job
     * twice) in every Payload instance, when it initialises. Right for long-running servers such
     * as `next start`; serverless hosts and this repository run it in a worker process instead
     * (`startJobRunner(payload)`). Without a runner, nothing reaches Elasticsearch.
     * @default false
     */
    autoRun?: boolean
  }
  /** Limits on `where` in REST and GraphQL reads and bulk writes. */
  queryBounds?: {
    /** Conditions (leaves of and/or trees) in one `where`. @default 30 */
    maxWhereConditions?: number
    /** Segments of one field path (`program.categories.slug` has 3). @default 3 */
    maxWherePathSegments?: number
  }
  /** Hide GraphQL "did you mean" suggestions (do so wherever introspection is off). @default false */
  hideGraphQLSuggestions?: boolean
}

/** The options with every default filled in: what MediaMesh's modules receive. */
export interface SanitizedMediaMeshOptions {
  disabled: boolean
  cursorSecret: string
  collections: {
    [C in CatalogueCollection]: Omit<MediaMeshCollectionOverride, 'slug'> & { slug: string }
  }
  elasticsearch: { node: string; client?: Client; indexPrefix: string }
  redis: false | { url: string; client?: Redis; keyPrefix: string }
  discovery: Required<NonNullable<MediaMeshOptions['discovery']>>
  ingestion: Required<NonNullable<MediaMeshOptions['ingestion']>>
  media: Required<Omit<NonNullable<MediaMeshOptions['media']>, 's3' | 'publicUrl'>> & {
    s3: (Required<Omit<MediaMeshS3Options, 'endpoint' | 'credentials'>> & MediaMeshS3Options) | null
    /** Only when configured: then Payload's REST/GraphQL file URLs use it for the public too. */
    publicUrlExplicit?: string
    /** Origin of public media URLs, without a trailing slash. */
    publicUrl: string
    /** Host path of stored files, `<API route>/<media slug>/file/` (set by the plugin entry). */
    filesPath: string
  }
  rateLimits: Required<NonNullable<MediaMeshOptions['rateLimits']>>
  insights: Required<NonNullable<MediaMeshOptions['insights']>>
  jobs: Required<NonNullable<MediaMeshOptions['jobs']>>
  queryBounds: Required<NonNullable<MediaMeshOptions['queryBounds']>>
  hideGraphQLSuggestions: boolean
}

const MiB = 1024 * 1024

/** The last `X-Forwarded-For` entry: the address the proxy nearest the app saw. */
function lastForwardedFor(headers: Headers): string | undefined {
  const entries = headers.get('x-forwarded-for')?.split(',')
  return entries?.at(-1)?.trim() || undefined
}

/** Every default, in one place (the README's options table lists the same values). */
export const defaults = {
  disabled: false,
  elasticsearch: { node: 'http://127.0.0.1:9200', indexPrefix: 'mediamesh' },
  redis: { url: 'redis://127.0.0.1:6379', keyPrefix: 'mediamesh:' },
  discovery: {
    basePath: '/discovery',
    cacheTtlSeconds: 30,
    staleTtlSeconds: 3600,
    memoryCacheMb: 64,
    searchTimeoutMs: 1500,
    readsPerMinute: 1200,
    eventsPerMinute: 60,
    apiKeys: [] as string[],
    corsOrigins: ['*'] as string[],
    docs: true,
    endpoints: true,
    clientIp: lastForwardedFor,
  },
  ingestion: {
    enabled: true,
    timeoutMs: 15_000,
    maxBytes: 20 * MiB,
    allowPrivateNetworks: false,
  },
  media: {
    dir: 'media',
    serverUrl: 'http://localhost:3000',
    uploadMaxBytes: 1024 * MiB,
    maxImageBytes: 25 * MiB,
    maxAudioBytes: 600 * MiB,
    maxVideoBytes: 1024 * MiB,
    orphanGraceMinutes: 60,
    s3Region: 'us-east-1',
  },
  rateLimits: {
    loginPerMinute: 10,
    writesPerMinute: 300,
    accountPerMinute: 5,
    fetchNowPerMinute: 6,
  },
  insights: { maxQueriesPerHour: 5000, flushSeconds: 60, retentionDays: 90 },
  jobs: { searchQueue: 'search', autoRun: false },
  queryBounds: { maxWhereConditions: 30, maxWherePathSegments: 3 },
  hideGraphQLSuggestions: false,
} as const

/**
 * Fills in defaults and checks the values, throwing one error that lists every problem
 * (`mediaMesh options: discovery.basePath must start with /; ...`) rather than failing later on
 * the first request that needs a value.
 */
export function sanitizeOptions(options: MediaMeshOptions): SanitizedMediaMeshOptions {
  const problems: string[] = []
  const check = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push(`${path} ${message}`)
  }
  const positiveInt = (value: number, path: string) =>
    check(Number.isInteger(value) && value > 0, path, 'must be a positive integer')
  const url = (value: string, path: string, protocols: string[]) => {
    let protocol = ''
    try {
      protocol = new URL(value).protocol
    } catch {
      protocol = ''
    }
    check(protocols.includes(protocol), path, `must be a ${protocols.join(' or ')} URL`)
  }

  const o = options ?? ({} as MediaMeshOptions)
  check(
    typeof o.cursorSecret === 'string' && o.cursorSecret.length >= 16,
    'cursorSecret',
    'must be at least 16 characters',
  )

  const elasticsearch = {
    node: o.elasticsearch?.node ?? defaults.elasticsearch.node,
    client: o.elasticsearch?.client,
    indexPrefix: o.elasticsearch?.indexPrefix ?? defaults.elasticsearch.indexPrefix,
  }
  if (!elasticsearch.client) url(elasticsearch.node, 'elasticsearch.node', ['http:', 'https:'])
  check(
    /^[a-z0-9][a-z0-9_-]*$/.test(elasticsearch.indexPrefix),
    'elasticsearch.indexPrefix',
    'may hold lowercase letters, digits, - and _ only',
  )

  const redis =
    o.redis === false
      ? false
      : {
          url: o.redis?.url ?? defaults.redis.url,
          client: o.redis?.client,
          keyPrefix: o.redis?.keyPrefix ?? defaults.redis.keyPrefix,
        }
  if (redis) {
    url(redis.url, 'redis.url', ['redis:', 'rediss:'])
    check(
      /^[A-Za-z0-9_:-]*$/.test(redis.keyPrefix),
      'redis.keyPrefix',
      'may hold letters, digits, _, - and : only',
    )
  }

  const discovery = { ...defaults.discovery, ...o.discovery }
  check(
    /^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/.test(discovery.basePath),
    'discovery.basePath',
    'must start with / and not end with one (e.g. /discovery)',
  )
  for (const key of [
    'cacheTtlSeconds',
    'memoryCacheMb',
    'searchTimeoutMs',
    'readsPerMinute',
    'eventsPerMinute',
  ] as const) {
    positiveInt(discovery[key], `discovery.${key}`)
  }
  check(
    Number.isInteger(discovery.staleTtlSeconds) && discovery.staleTtlSeconds >= 0,
    'discovery.staleTtlSeconds',
    'must be an integer of 0 or more',
  )
  check(
    discovery.apiKeys.every((key) => key.length >= 16),
    'discovery.apiKeys',
    'must each be at least 16 characters',
  )
  check(discovery.corsOrigins.length > 0, 'discovery.corsOrigins', 'must not be empty')
  check(typeof discovery.clientIp === 'function', 'discovery.clientIp', 'must be a function')

  const ingestion = { ...defaults.ingestion, ...o.ingestion }
  positiveInt(ingestion.timeoutMs, 'ingestion.timeoutMs')
  positiveInt(ingestion.maxBytes, 'ingestion.maxBytes')

  const { s3Region, ...mediaDefaults } = defaults.media
  const { s3, publicUrl, ...mediaRest } = o.media ?? {}
  const media = { ...mediaDefaults, ...mediaRest }
  for (const key of [
    'uploadMaxBytes',
    'maxImageBytes',
    'maxAudioBytes',
    'maxVideoBytes',
  ] as const) {
    positiveInt(media[key], `media.${key}`)
  }
  url(media.serverUrl, 'media.serverUrl', ['http:', 'https:'])
  if (publicUrl) url(publicUrl, 'media.publicUrl', ['http:', 'https:'])
  if (s3) check(s3.bucket?.length >= 3, 'media.s3.bucket', 'must be at least 3 characters')
  const publicUrlExplicit = publicUrl?.replace(/\/+$/, '')

  const rateLimits = { ...defaults.rateLimits, ...o.rateLimits }
  for (const [key, value] of Object.entries(rateLimits)) positiveInt(value, `rateLimits.${key}`)
  const insights = { ...defaults.insights, ...o.insights }
  for (const [key, value] of Object.entries(insights)) positiveInt(value, `insights.${key}`)
  const collections = Object.fromEntries(
    CATALOGUE_COLLECTIONS.map((key) => [
      key,
      { ...o.collections?.[key], slug: o.collections?.[key]?.slug ?? key },
    ]),
  ) as SanitizedMediaMeshOptions['collections']
  const slugs = Object.values(collections).map((collection) => collection.slug)
  for (const [key, { slug }] of Object.entries(collections)) {
    check(
      /^[a-z][a-z0-9-]*$/.test(slug),
      `collections.${key}.slug`,
      'may hold lowercase letters, digits and - only, starting with a letter',
    )
  }
  check(new Set(slugs).size === slugs.length, 'collections', 'must have distinct slugs')
  for (const key of Object.keys(o.collections ?? {})) {
    check(
      CATALOGUE_COLLECTIONS.includes(key as CatalogueCollection),
      `collections.${key}`,
      'is not a MediaMesh collection',
    )
  }
  const jobs = { ...defaults.jobs, ...o.jobs }
  check(jobs.searchQueue.length > 0, 'jobs.searchQueue', 'must not be empty')
  const queryBounds = { ...defaults.queryBounds, ...o.queryBounds }
  for (const [key, value] of Object.entries(queryBounds)) positiveInt(value, `queryBounds.${key}`)

  if (problems.length) throw new Error(`mediaMesh options:\n  - ${problems.join('\n  - ')}`)
  return {
    disabled: o.disabled ?? defaults.disabled,
    cursorSecret: o.cursorSecret,
    collections,
    elasticsearch,
    redis,
    discovery,
    ingestion,
    media: {
      ...media,
      s3: s3
        ? {
            ...s3,
            region: s3.region ?? s3Region,
            forcePathStyle: s3.forcePathStyle ?? false,
            prefix: (s3.prefix ?? '').replace(/^\/+|\/+$/g, ''),
          }
        : null,
      publicUrlExplicit,
      publicUrl: (publicUrlExplicit ?? media.serverUrl).replace(/\/+$/, ''),
      filesPath: `/api/${collections.media.slug}/file/`,
    },
    rateLimits,
    insights,
    jobs,
    queryBounds,
    hideGraphQLSuggestions: o.hideGraphQLSuggestions ?? defaults.hideGraphQLSuggestions,
  }
}
