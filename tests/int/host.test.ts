import { readFile } from 'node:fs/promises'
import { connect } from 'node:net'

import { describe, expect, it } from '@jest/globals'

import { baseUrl, login, request } from './helpers/http'
import { createUser, testPayload } from './helpers/payload'
import { expectProblem } from './helpers/problem'

const metricsToken = () => process.env.METRICS_TOKEN ?? ''

async function serverLogLines(): Promise<Record<string, unknown>[]> {
  const text = await readFile(process.env.TEST_SERVER_LOG ?? '', 'utf8')
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** Logs are written asynchronously: poll until a matching line shows up. */
async function waitForLogLine(match: (line: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const line = (await serverLogLines()).find(match)
    if (line) return line
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('no matching log line within 60 s')
}

describe('the HTTP host', () => {
  it('answers liveness without touching dependencies', async () => {
    const response = await request('/healthz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
  })

  it('reports readiness with the state of each dependency', async () => {
    const response = await request('/readyz')
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('ready')
    expect(response.body.checks.postgres.status).toBe('ok')
    expect(response.body.checks.elasticsearch.status).toBe('ok')
    // The suite stores uploads in S3 (a bucket per run), so the bucket is checked too.
    expect(response.body.checks.s3.status).toBe('ok')
    expect(typeof response.body.checks.postgres.latencyMs).toBe('number')
  })

  it('serves the discovery health route under its version', async () => {
    const response = await request('/discovery/v1/health')
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ status: 'ok', version: 'v1' })
  })

  it('answers unknown discovery routes with a problem details 404', async () => {
    expectProblem(await request('/discovery/v1/nothing-here'), 404, 'not_found')
  })

  it('serves the admin panel, REST and GraphQL through the same port', async () => {
    const admin = await fetch(`${baseUrl()}/admin/login`)
    expect(admin.status).toBe(200)
    expect(await admin.text()).toContain('<html')
    const rest = await request('/api/categories?limit=1')
    expect(rest.status).toBe(200)
    expect(rest.body).toHaveProperty('docs')
    const graphql = await request('/api/graphql', {
      method: 'POST',
      json: { query: '{ Categories(limit: 1) { totalDocs } }' },
    })
    expect(graphql.status).toBe(200)
    expect(graphql.body.data.Categories).toHaveProperty('totalDocs')
  })

  it('renders the admin edit view of a program for an editor', async () => {
    const payload = await testPayload()
    const { email, password } = await createUser(payload, ['editor'])
    const token = await login(email, password)
    const program = await payload.create({
      collection: 'programs',
      data: { title: 'Admin View Check', format: 'series', language: 'ar', _status: 'draft' },
      draft: true,
    })
    const response = await fetch(`${baseUrl()}/admin/collections/programs/${program.id}`, {
      headers: { Cookie: `payload-token=${token}` },
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Admin View Check')
    // Payload reports components missing from the import map on the server's output.
    const log = await readFile(process.env.TEST_SERVER_LOG ?? '', 'utf8')
    expect(log).not.toMatch(/not found in (the )?import ?map/i)
  })

  it('turns the GraphQL playground off in production', async () => {
    const response = await request('/api/graphql-playground')
    expect(response.status).toBe(404)
  })
})

describe('request ids', () => {
  it('returns a generated X-Request-Id on every response', async () => {
    for (const path of ['/healthz', '/api/programs', '/discovery/v1/health', '/admin/login']) {
      const response = await fetch(`${baseUrl()}${path}`)
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('echoes a well-formed X-Request-Id from the caller', async () => {
    const response = await request('/api/programs', { headers: { 'X-Request-Id': 'caller-id.42' } })
    expect(response.headers.get('x-request-id')).toBe('caller-id.42')
  })

  it('replaces a malformed X-Request-Id instead of echoing it', async () => {
    const hostile = 'bad id\twith "quotes" and spaces'
    const response = await request('/healthz', { headers: { 'X-Request-Id': hostile } })
    expect(response.headers.get('x-request-id')).not.toBe(hostile)
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('writes one structured log line per request, carrying the request id', async () => {
    const id = `log-check-${Date.now()}`
    await request('/api/programs?limit=1', { headers: { 'X-Request-Id': id } })
    const line = await waitForLogLine((l) => l.reqId === id && l.msg === 'request')
    expect(line).toMatchObject({ method: 'GET', route: '/api/programs', status: 200 })
    expect(typeof line.durationMs).toBe('number')
    const all = (await serverLogLines()).filter((l) => l.reqId === id && l.msg === 'request')
    expect(all).toHaveLength(1)
  })

  it('carries the request id into logs of the work the request causes', async () => {
    const id = `caused-${Date.now()}`
    // Payload logs a refused query (an APIError: page 0) through the shared logger. (A failed
    // login no longer logs anything of its own: unknown and known accounts answer alike.)
    await request('/api/programs?page=0', { headers: { 'X-Request-Id': id } })
    await waitForLogLine((l) => l.reqId === id && l.msg === 'request')
    const lines = (await serverLogLines()).filter((l) => l.reqId === id)
    expect(lines.some((l) => l.msg !== 'request')).toBe(true)
  })

  it('never writes passwords or tokens to the logs', async () => {
    const payload = await testPayload()
    const { email, password } = await createUser(payload, ['viewer'])
    const token = await login(email, password)
    const id = `secret-check-${Date.now()}`
    await request('/api/users/me', { auth: { token }, headers: { 'X-Request-Id': id } })
    await waitForLogLine((l) => l.reqId === id && l.msg === 'request')
    const text = await readFile(process.env.TEST_SERVER_LOG ?? '', 'utf8')
    expect(text).not.toContain(password)
    expect(text).not.toContain(token)
  })
})

describe('metrics', () => {
  it('requires the bearer token in production', async () => {
    expect((await request('/metrics')).status).toBe(401)
    expect(
      (await request('/metrics', { headers: { Authorization: 'Bearer wrong-token-value-123456' } }))
        .status,
    ).toBe(401)
  })

  it('counts requests per route and status, with latency histograms and process metrics', async () => {
    await request('/discovery/v1/health')
    await request('/api/programs/999999999')
    const response = await fetch(`${baseUrl()}/metrics`, {
      headers: { Authorization: `Bearer ${metricsToken()}` },
    })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/discovery\/v1\/health",status="200"\} \d+/,
    )
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/programs\/:id",status="404"\} \d+/,
    )
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.2",method="GET",route="/discovery/v1/health"',
    )
    expect(text).toContain('process_resident_memory_bytes')
    expect(text).toContain('nodejs_eventloop_lag_seconds')
  })

  it('reports the job queues: pending, failed and the age of the oldest pending job', async () => {
    const payload = await testPayload()
    // A change queues a search sync job; nobody runs jobs in this instance (JOBS_AUTORUN=false).
    await payload.create({
      collection: 'categories',
      data: { name: `Metrics ${Date.now()}` },
    })
    const response = await fetch(`${baseUrl()}/metrics`, {
      headers: { Authorization: `Bearer ${metricsToken()}` },
    })
    const text = await response.text()
    const pending = text.match(/^jobs_pending\{queue="search"\} (\d+)$/m)
    expect(Number(pending?.[1])).toBeGreaterThanOrEqual(1)
    expect(text).toMatch(/^jobs_failed\{queue="search"\} \d+$/m)
    expect(text).toMatch(/^jobs_oldest_pending_age_seconds\{queue="search"\} [\d.e+-]+$/m)
    expect(text).toContain('# TYPE search_sync_latency_seconds histogram')
  })
})

describe('requests the HTTP parser refuses', () => {
  /** Sends raw bytes and returns the raw answer. */
  function raw(bytes: string): Promise<string> {
    const { hostname, port } = new URL(baseUrl())
    return new Promise((resolve, reject) => {
      let answer = ''
      const socket = connect(Number(port), hostname, () => socket.write(bytes))
      socket.on('data', (chunk) => (answer += chunk.toString()))
      socket.on('end', () => resolve(answer))
      socket.on('error', reject)
    })
  }

  it('answers a request line over the size limit with a problem details 431', async () => {
    const response = await fetch(`${baseUrl()}/discovery/v1/search?q=${'a'.repeat(20_000)}`)
    expect(response.status).toBe(431)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({
      type: '/discovery/docs/problems#headers_too_large',
      status: 431,
      code: 'headers_too_large',
      error: { code: 'headers_too_large' },
      errors: [{ message: expect.any(String) }],
    })
  })

  it('answers bytes that are not HTTP with a problem details 400', async () => {
    const answer = await raw('NOT HTTP AT ALL\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('Content-Type: application/problem+json')
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toMatchObject({
      type: '/discovery/docs/problems#malformed_request',
      title: 'Malformed HTTP request',
      status: 400,
      code: 'malformed_request',
      error: { code: 'malformed_request' },
    })
  })
})

describe('security headers', () => {
  it.each(['/admin/login', '/api/programs', '/discovery/v1/health', '/healthz'])(
    '%s carries them, with a Content-Security-Policy',
    async (path) => {
      const { headers } = await fetch(`${baseUrl()}${path}`)
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('x-frame-options')).toBe('DENY')
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(headers.get('content-security-policy')).toContain("object-src 'none'")
      // Plain HTTP here: HSTS is only sent over HTTPS.
      expect(headers.get('strict-transport-security')).toBeNull()
    },
  )

  it('lets other sites use discovery answers and media files, and nothing else', async () => {
    const corp = async (path: string) =>
      (await fetch(`${baseUrl()}${path}`)).headers.get('cross-origin-resource-policy')
    expect(await corp('/discovery/v1/health')).toBe('cross-origin')
    expect(await corp('/api/media/file/none.png')).toBe('cross-origin')
    expect(await corp('/api/programs')).toBe('same-origin')
    expect(await corp('/admin/login')).toBe('same-origin')
  })
})

describe('CORS', () => {
  const from = (origin: string, init: RequestInit = {}) => ({
    ...init,
    headers: { Origin: origin, ...(init.headers as Record<string, string>) },
  })

  it('opens discovery to any origin (a public read API), preflight included', async () => {
    const get = await fetch(`${baseUrl()}/discovery/v1/health`, from('https://app.example'))
    expect(get.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetch(
      `${baseUrl()}/discovery/v1/events`,
      from('https://app.example', {
        method: 'OPTIONS',
        headers: {
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/)
  })

  it('gives other origins no access to the CMS API', async () => {
    const response = await fetch(`${baseUrl()}/api/programs`, from('https://evil.example'))
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })
})
