/**
 * Issue 21, part B: requests. Cross-site writes with a session cookie, Secure cookies behind
 * HTTPS, the document locks of the admin panel, feed sources' status fields and "Fetch now",
 * GraphQL suggestions, and the requests that used to answer 500/501/503. Over HTTP on the real
 * host (and one more host of its own, behind a "proxy" that says https).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { spawnServer, stopServer, type SpawnedServer } from '../../../scripts/lib/spawnServer'
import type { Program } from '../../../src/payload-types'
import { makeProgram } from '../helpers/fixtures'
import { baseUrl, graphql, request } from '../helpers/http'
import { createUser, signedIn, testPayload, uniqueTag } from '../helpers/payload'

let payload: Payload
let editorToken = ''
let viewerToken = ''
let adminToken = ''
let draft: Program

beforeAll(async () => {
  payload = await testPayload()
  editorToken = (await signedIn(payload, 'editor')).token
  viewerToken = (await signedIn(payload, 'viewer')).token
  adminToken = (await signedIn(payload, 'admin')).token
  draft = await makeProgram(payload, 'draft')
})

const programForm = () => {
  const form = new FormData()
  form.set(
    '_payload',
    JSON.stringify({ title: `CSRF ${uniqueTag()}`, format: 'series', language: 'en' }),
  )
  return form
}

function postProgramWithCookie(headers: Record<string, string>, token = editorToken) {
  return fetch(`${baseUrl()}/api/programs`, {
    method: 'POST',
    headers: { Cookie: `payload-token=${token}`, ...headers },
    body: programForm(),
  })
}

describe('writes with a session cookie', () => {
  it('are refused from another site, by Origin or by Sec-Fetch-Site', async () => {
    const refusedHeaders: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      // A sibling subdomain is the same site but not the same origin.
      { Origin: 'http://admin.localhost.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ]
    for (const headers of refusedHeaders) {
      const response = await postProgramWithCookie(headers)
      expect(response.status).toBe(403)
      expect((await response.json()).errors[0].message).toMatch(/cross-site/i)
    }
  })

  it('are accepted from this site', async () => {
    const response = await postProgramWithCookie({ Origin: new URL(baseUrl()).origin })
    expect(response.status).toBe(201)
    const sameOrigin = await postProgramWithCookie({ 'Sec-Fetch-Site': 'same-origin' })
    expect(sameOrigin.status).toBe(201)
  })

  it('with a token or API key instead of a cookie are not affected by Origin', async () => {
    const response = await fetch(`${baseUrl()}/api/programs`, {
      method: 'POST',
      headers: { Authorization: `JWT ${editorToken}`, Origin: 'https://integrator.example' },
      body: programForm(),
    })
    expect(response.status).toBe(201)
  })
})

describe('session cookies behind HTTPS', () => {
  let host: SpawnedServer | undefined

  beforeAll(async () => {
    const passOn = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name, value]) =>
          value !== undefined &&
          /^(DATABASE_URL|PAYLOAD_SECRET|METRICS_TOKEN|SEARCH_INDEX_PREFIX|REDIS_KEY_PREFIX|S3_|RATE_LIMIT_|UPLOAD_|MEDIA_)/.test(
            name,
          ),
      ),
    ) as Record<string, string>
    host = await spawnServer(
      { ...passOn, JOBS_AUTORUN: 'false', LOG_LEVEL: 'warn', TRUST_PROXY: '1' },
      'security-https',
      180_000,
    )
  }, 240_000)

  afterAll(async () => {
    await stopServer(host)
  })

  async function loginCookie(url: string, headers: Record<string, string>) {
    const { email, password } = await createUser(payload, ['editor'])
    const response = await fetch(`${url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    })
    expect(response.status).toBe(200)
    return response.headers.getSetCookie().find((c) => c.startsWith('payload-token=')) ?? ''
  }

  it('are Secure when a trusted proxy says the request came over https', async () => {
    const cookie = await loginCookie(host!.url, { 'X-Forwarded-Proto': 'https' })
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/HttpOnly/i)
  })

  it('are not Secure over plain http (the browser would drop them)', async () => {
    const cookie = await loginCookie(host!.url, {})
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })
})

describe('document locks of the admin panel', () => {
  it('are closed to viewers: no listing, creating or deleting', async () => {
    const auth = { token: viewerToken }
    const list = await request('/api/payload-locked-documents', { auth })
    expect(list.status).toBe(403)
    const create = await request('/api/payload-locked-documents', {
      method: 'POST',
      auth,
      json: { document: { relationTo: 'programs', value: draft.id } },
    })
    expect(create.status).toBe(403)
    const viaGraphql = await graphql(
      '{ PayloadLockedDocuments { docs { id } } }',
      {},
      { token: viewerToken },
    )
    expect(viaGraphql.body.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('work for editors, always in their own name', async () => {
    const admin = await request('/api/users/me', { auth: { token: adminToken } })
    const editor = await request('/api/users/me', { auth: { token: editorToken } })
    const created = await request('/api/payload-locked-documents', {
      method: 'POST',
      auth: { token: editorToken },
      // Claims the admin is editing it: the lock is recorded for the editor instead.
      json: {
        document: { relationTo: 'programs', value: draft.id },
        user: { relationTo: 'users', value: admin.body.user.id },
      },
    })
    expect(created.status).toBe(201)
    const lock = created.body.doc
    const userId = typeof lock.user.value === 'object' ? lock.user.value.id : lock.user.value
    expect(userId).toBe(editor.body.user.id)
    const listed = await request(
      `/api/payload-locked-documents?where[document.value][equals]=${draft.id}`,
      { auth: { token: editorToken } },
    )
    expect(listed.status).toBe(200)
    const removed = await request(`/api/payload-locked-documents/${lock.id}`, {
      method: 'DELETE',
      auth: { token: editorToken },
    })
    expect(removed.status).toBe(200)
  })
})

describe('feed sources', () => {
  it('keep their status fields out of editors’ reach through the API', async () => {
    const source = await payload.create({
      collection: 'sources',
      data: {
        name: 'Status',
        url: `https://feeds.example/${uniqueTag()}.xml`,
        enabled: false,
        kind: 'podcast',
        refreshMinutes: 60,
      },
      context: { ingest: true },
    })
    const response = await request(`/api/sources/${source.id}`, {
      method: 'PATCH',
      auth: { token: editorToken },
      json: {
        name: 'Renamed',
        lastError: 'forged',
        etag: 'forged',
        nextFetchAt: '2000-01-01T00:00:00.000Z',
        itemsCreated: 99,
      },
    })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'sources', id: source.id })
    expect(stored.name).toBe('Renamed')
    expect(stored.lastError ?? null).toBeNull()
    expect(stored.etag ?? null).toBeNull()
    expect(stored.nextFetchAt ?? null).toBeNull()
    expect(stored.itemsCreated ?? null).toBeNull()
  })

  it('limit "Fetch now" per user', async () => {
    const { token } = await signedIn(payload, 'editor')
    const source = await payload.create({
      collection: 'sources',
      data: {
        name: 'Often',
        url: `https://feeds.example/${uniqueTag()}.xml`,
        enabled: false,
        kind: 'podcast',
        refreshMinutes: 60,
      },
      context: { ingest: true },
    })
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      const response = await request(`/api/sources/${source.id}/fetch`, {
        method: 'POST',
        auth: { token },
      })
      statuses.push(response.status)
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
        expect(response.body.errors[0].message).toMatch(/too many/i)
      }
    }
    expect(statuses.slice(0, 6)).toEqual([202, 202, 202, 202, 202, 202])
    expect(statuses.slice(6)).toEqual([429, 429])
  })
})

describe('GraphQL with introspection off', () => {
  it('does not suggest type or field names', async () => {
    const response = await graphql('{ Programz { docs { titel } } }')
    const text = JSON.stringify(response.body)
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect(text).not.toMatch(/did you mean/i)
    const variables = await graphql(
      'query($w: Program_where) { Programs(where: $w) { docs { id } } }',
      { w: { titel: { equals: 'x' } } },
    )
    expect(JSON.stringify(variables.body)).not.toMatch(/did you mean/i)
  })
})

describe('requests that used to answer 5xx', () => {
  const isErrorShape = (body: unknown) => {
    const errors = (body as { errors?: { message?: unknown }[] })?.errors
    return Array.isArray(errors) && errors.every((e) => typeof e.message === 'string')
  }

  async function expectClientError(
    path: string,
    init: { method?: string; body?: string | FormData; headers?: Record<string, string> } = {},
    token?: string,
  ) {
    const response = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: { ...(token ? { Authorization: `JWT ${token}` } : {}), ...init.headers },
    })
    const text = await response.text()
    const clientError = response.status >= 400 && response.status < 500
    expect(clientError ? 'a 4xx' : `${response.status} for ${path}: ${text.slice(0, 200)}`).toBe(
      'a 4xx',
    )
    const body = JSON.parse(text)
    expect(isErrorShape(body)).toBe(true)
    expect(text).not.toMatch(/0\.0\.0\.0|localhost|127\.0\.0\.1|storage is unavailable/i)
    return { status: response.status, body }
  }

  it('odd pages and malformed where get a 400', async () => {
    for (const path of [
      '/api/episodes?page=-1',
      '/api/episodes?page=0',
      '/api/episodes?page=abc',
      '/api/programs?where[title][near]=1,2',
      '/api/programs?where=abc',
      '/api/programs?where=[1]',
      '/api/programs?where[or]=x',
    ]) {
      expect((await expectClientError(path)).status).toBe(400)
    }
    expect((await request('/api/episodes?page=1')).status).toBe(200)
  })

  it('bodies that are neither JSON nor multipart get a 415', async () => {
    const json = JSON.stringify({ email: 'someone@example.com', password: 'x' })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const login = await expectClientError('/api/users/login', {
        method: 'POST',
        body: json,
        headers: { 'Content-Type': type },
      })
      expect(login.status).toBe(415)
      const create = await expectClientError(
        '/api/programs',
        { method: 'POST', body: json, headers: { 'Content-Type': type } },
        editorToken,
      )
      expect(create.status).toBe(415)
    }
  })

  it('a body sent as multipart/form-data that is not multipart gets a 400, not a 500', async () => {
    for (const body of ['{"title":"x"}', '--x\r\nbroken', '']) {
      const create = await expectClientError(
        '/api/programs',
        {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
        },
        editorToken,
      )
      // 400 (malformed) or 415 (a declared type with nothing in it): a client error, never a 500.
      expect([400, 415]).toContain(create.status)
    }
  })

  it('email verification (off) and collections without an API get a 404', async () => {
    expect((await expectClientError('/api/users/verify/abc', { method: 'POST' })).status).toBe(404)
    const migrations = await expectClientError('/api/payload-migrations', {}, adminToken)
    expect(migrations.status).toBe(404)
  })

  it('media files that do not exist or leave the folder get a 4xx, for staff too', async () => {
    const missing = await expectClientError('/api/media/file/nonexistent.png', {}, editorToken)
    expect(missing.status).toBe(404)
    for (const name of ['..%252fpackage.json', '..%2fpackage.json', '%E0%A4%A']) {
      expect((await expectClientError(`/api/media/file/${name}`, {}, editorToken)).status).toBe(400)
    }
  })

  it('a damaged image upload gets a 400 naming the file, not a storage outage', async () => {
    for (const [name, bytes] of [
      ['broken.gif', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 0xff)])],
      ['broken.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)])],
    ] as const) {
      const form = new FormData()
      form.set('file', new Blob([bytes]), name)
      form.set('_payload', JSON.stringify({ alt: 'broken' }))
      const response = await expectClientError(
        '/api/media',
        { method: 'POST', body: form },
        editorToken,
      )
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toMatch(/could not be read/)
    }
  })
})
