/**
 * SIGTERM: the host stops accepting, lets the request in flight finish, closes its pools and exits 0.
 */
import { request as httpRequest } from 'node:http'

import { describe, expect, it } from '@jest/globals'

import { spawnServer } from '../../scripts/lib/spawnServer'

describe('a second instance without Elasticsearch', () => {
  it('is ready with search degraded, then shuts down gracefully on SIGTERM', async () => {
    const server = await spawnServer(
      {
        DATABASE_URL: process.env.DATABASE_URL!,
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
        JOBS_AUTORUN: 'false',
        // Nothing listens here: search is down for this instance only.
        ELASTICSEARCH_URL: 'http://127.0.0.1:9279',
      },
      'shutdown',
    )
    const { port } = new URL(server.url)

    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    const report = await ready.json()
    expect(report.checks.postgres.status).toBe('ok')
    expect(report.checks.elasticsearch.status).toBe('degraded')

    // A request whose body is still arriving when SIGTERM lands: in flight by construction.
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/users/login',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.write('{"email":"nobody@test.mediamesh.local",')
      setTimeout(() => {
        server.child.kill('SIGTERM')
        setTimeout(() => req.end('"password":"not-the-password"}'), 300)
      }, 200)
    })

    const finished = await response
    expect(finished.status).toBe(401)
    expect(await server.exited).toBe(0)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  })
})
