import { describe, expect, it } from '@jest/globals'

import { DEV_DATABASE_URL, DEV_PAYLOAD_SECRET, resolveEnv } from '../../src/env'

describe('resolveEnv', () => {
  it('gives development defaults that work on a fresh machine', () => {
    const env = resolveEnv({})
    expect(env.NODE_ENV).toBe('development')
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBe(DEV_DATABASE_URL)
    expect(env.PAYLOAD_SECRET).toBe(DEV_PAYLOAD_SECRET)
    expect(env.DATABASE_SCHEMA).toBe('push')
    expect(env.metricsAccess).toEqual({ mode: 'open' })
  })

  it('lists every invalid variable in one message', () => {
    expect(() =>
      resolveEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/)
  })

  it('refuses development secrets and missing settings in production', () => {
    let message = ''
    try {
      resolveEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: DEV_PAYLOAD_SECRET })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(
      /PAYLOAD_SECRET: is required in production and must not be the development default/,
    )
    expect(message).toMatch(/DATABASE_URL: is required in production/)
  })

  it('accepts a complete production configuration and applies migrations there', () => {
    const env = resolveEnv({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-real-secret-of-enough-length',
      DATABASE_URL: 'postgres://app@db:5432/mediamesh',
    })
    expect(env.DATABASE_SCHEMA).toBe('migrate')
    expect(env.metricsAccess).toEqual({ mode: 'disabled' })
  })

  it('guards metrics with a token when one is set', () => {
    const env = resolveEnv({ METRICS_TOKEN: 'a-metrics-token-123456' })
    expect(env.metricsAccess).toEqual({ mode: 'token', token: 'a-metrics-token-123456' })
  })

  it('refuses schema push in production', () => {
    expect(() =>
      resolveEnv({
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'a-real-secret-of-enough-length',
        DATABASE_URL: 'postgres://app@db:5432/mediamesh',
        DATABASE_SCHEMA: 'push',
      }),
    ).toThrow(/DATABASE_SCHEMA/)
  })

  it('lets `next build` import the configuration without runtime secrets', () => {
    expect(() =>
      resolveEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }),
    ).not.toThrow()
  })

  it('treats empty strings as unset', () => {
    expect(resolveEnv({ PORT: '', METRICS_TOKEN: '' }).PORT).toBe(3000)
  })
})
