import { describe, expect, it } from '@jest/globals'

import { activateMediaMeshOptions, mediaMeshOptions } from '../../../src/lib/mediaMeshOptions'
import { defaults, sanitizeOptions } from '../../../src/plugins/types'

const cursorSecret = 'a-cursor-secret-of-enough-length'

describe('sanitizeOptions', () => {
  it('fills every default from the one defaults object', () => {
    const options = sanitizeOptions({ cursorSecret })
    expect(options.disabled).toBe(false)
    expect(options.elasticsearch).toEqual({
      node: defaults.elasticsearch.node,
      client: undefined,
      indexPrefix: 'mediamesh',
    })
    expect(options.redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      client: undefined,
      keyPrefix: 'mediamesh:',
    })
    expect(options.discovery).toEqual(defaults.discovery)
    expect(options.discovery.basePath).toBe('/discovery')
    expect(options.ingestion).toEqual(defaults.ingestion)
    expect(options.rateLimits).toEqual(defaults.rateLimits)
    expect(options.insights).toEqual(defaults.insights)
    expect(options.jobs).toEqual({ searchQueue: 'search', autoRun: false })
    expect(options.collections.programs).toEqual({ slug: 'programs' })
    expect(options.collections.sources).toEqual({ slug: 'sources' })
    expect(options.queryBounds).toEqual({ maxWhereConditions: 30, maxWherePathSegments: 3 })
    expect(options.media).toMatchObject({
      dir: 'media',
      s3: null,
      publicUrlExplicit: undefined,
      publicUrl: 'http://localhost:3000',
      uploadMaxBytes: 1024 * 1024 * 1024,
    })
  })

  it('keeps what the caller set, and only that', () => {
    const options = sanitizeOptions({
      cursorSecret,
      elasticsearch: { indexPrefix: 'shows_test' },
      redis: false,
      discovery: { basePath: '/api/find', cacheTtlSeconds: 5, docs: false },
      media: { publicUrl: 'https://cdn.example.com/', s3: { bucket: 'uploads', prefix: '/env/' } },
    })
    expect(options.elasticsearch.indexPrefix).toBe('shows_test')
    expect(options.redis).toBe(false)
    expect(options.discovery).toEqual({
      ...defaults.discovery,
      basePath: '/api/find',
      cacheTtlSeconds: 5,
      docs: false,
    })
    expect(options.media.publicUrl).toBe('https://cdn.example.com')
    expect(options.media.publicUrlExplicit).toBe('https://cdn.example.com')
    expect(options.media.s3).toEqual({
      bucket: 'uploads',
      prefix: 'env',
      region: 'us-east-1',
      forcePathStyle: false,
    })
  })

  it('takes collection slugs and overrides, and serves files under the media slug', () => {
    const extra = { name: 'rating', type: 'number' } as const
    const options = sanitizeOptions({
      cursorSecret,
      collections: { programs: { slug: 'shows', fields: [extra] }, media: { slug: 'files' } },
    })
    expect(options.collections.programs).toEqual({ slug: 'shows', fields: [extra] })
    expect(options.collections.episodes.slug).toBe('episodes')
    expect(options.media.filesPath).toBe('/api/files/file/')
  })

  it('refuses slugs Payload or the database could not take, and two collections on one slug', () => {
    expect(() =>
      sanitizeOptions({
        cursorSecret,
        collections: { programs: { slug: 'Shows' }, episodes: { slug: 'shows_2' } },
      }),
    ).toThrow(/collections\.programs\.slug .*\n.*collections\.episodes\.slug/)
    expect(() =>
      sanitizeOptions({
        cursorSecret,
        collections: { programs: { slug: 'items' }, episodes: { slug: 'items' } },
      }),
    ).toThrow('collections must have distinct slugs')
    expect(() => sanitizeOptions({ cursorSecret, collections: { shows: {} } as never })).toThrow(
      'collections.shows is not a MediaMesh collection',
    )
  })

  it('does not need a node URL when given a ready client', () => {
    const client = {} as never
    expect(
      sanitizeOptions({ cursorSecret, elasticsearch: { client, node: 'not a url' } }).elasticsearch
        .client,
    ).toBe(client)
  })

  it('lists every invalid option in one error, by its path', () => {
    let message = ''
    try {
      sanitizeOptions({
        cursorSecret: 'short',
        elasticsearch: { node: 'ftp://search', indexPrefix: 'Upper' },
        redis: { url: 'http://redis' },
        discovery: { basePath: 'discovery/', cacheTtlSeconds: 0, apiKeys: ['short'] },
        ingestion: { timeoutMs: 1.5 },
        rateLimits: { loginPerMinute: -1 },
      })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.split('\n')).toEqual([
      'mediaMesh options:',
      '  - cursorSecret must be at least 16 characters',
      '  - elasticsearch.node must be a http: or https: URL',
      '  - elasticsearch.indexPrefix may hold lowercase letters, digits, - and _ only',
      '  - redis.url must be a redis: or rediss: URL',
      '  - discovery.basePath must start with / and not end with one (e.g. /discovery)',
      '  - discovery.cacheTtlSeconds must be a positive integer',
      '  - discovery.apiKeys must each be at least 16 characters',
      '  - ingestion.timeoutMs must be a positive integer',
      '  - rateLimits.loginPerMinute must be a positive integer',
    ])
  })

  it('refuses options without a cursor secret', () => {
    expect(() => sanitizeOptions({} as never)).toThrow(
      'cursorSecret must be at least 16 characters',
    )
  })
})

describe('the options of the process', () => {
  it('are those of the last MediaMesh that runs; a disabled one only fills a gap', () => {
    const disabled = sanitizeOptions({ cursorSecret, disabled: true })
    const running = sanitizeOptions({ cursorSecret, elasticsearch: { indexPrefix: 'running' } })
    activateMediaMeshOptions(disabled)
    expect(mediaMeshOptions()).toBe(disabled)
    activateMediaMeshOptions(running)
    activateMediaMeshOptions(disabled)
    expect(mediaMeshOptions()).toBe(running)
  })
})
