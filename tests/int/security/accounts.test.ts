/**
 * Issue 21, part B: accounts. Who may unlock an account, what a login or a password reset tells
 * about which emails have accounts, what changing one's own password or API key requires, and who
 * may open the admin panel. Over REST and GraphQL on the real host, with real tokens.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { baseUrl, graphql, login, request, type JsonResponse } from '../helpers/http'
import { createUser, testPayload, uniqueTag, type TestUser } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

const unknownEmail = () => `nobody-${uniqueTag()}@test.mediamesh.local`

async function lock(user: TestUser): Promise<void> {
  await payload.db.updateOne({
    collection: 'users',
    where: { id: { equals: user.user.id } },
    data: { lockUntil: new Date(Date.now() + 15 * 60_000).toISOString(), loginAttempts: 5 },
  })
}

const attemptLogin = (email: string, password: string) =>
  request('/api/users/login', { method: 'POST', json: { email, password } })

/** What a client can compare between two answers: status, body, and which headers are present. */
function visible(response: JsonResponse) {
  const names = [...response.headers.keys()]
    .filter((name) => !['date', 'x-request-id', 'traceparent'].includes(name))
    .sort()
  return { status: response.status, body: response.body, headers: names }
}

/** One counter of the host's /metrics (0 when it has not been counted yet). */
async function metric(name: string, labels: string): Promise<number> {
  const response = await fetch(`${baseUrl()}/metrics`, {
    headers: { Authorization: `Bearer ${process.env.METRICS_TOKEN ?? ''}` },
  })
  const line = (await response.text()).split('\n').find((l) => l.startsWith(`${name}{${labels}}`))
  return line ? Number(line.split(' ').pop()) : 0
}

describe('unlocking accounts', () => {
  it('is refused to viewers and editors, over REST and GraphQL, and the account stays locked', async () => {
    const target = await createUser(payload, ['admin'])
    await lock(target)
    for (const role of ['viewer', 'editor'] as const) {
      const { email, password } = await createUser(payload, [role])
      const token = await login(email, password)
      const rest = await request('/api/users/unlock', {
        method: 'POST',
        auth: { token },
        json: { email: target.email },
      })
      expect(rest.status).toBe(403)
      const viaGraphql = await graphql(
        'mutation($email: String!) { unlockUser(email: $email) }',
        { email: target.email },
        { token },
      )
      expect(viaGraphql.body.errors?.[0]?.message).toMatch(/not allowed/i)
    }
    expect((await attemptLogin(target.email, target.password)).status).toBe(401)
  })

  it('is allowed to admins, and the account can log in again', async () => {
    const target = await createUser(payload, ['editor'])
    await lock(target)
    const admin = await createUser(payload, ['admin'])
    const token = await login(admin.email, admin.password)
    const unlocked = await request('/api/users/unlock', {
      method: 'POST',
      auth: { token },
      json: { email: target.email },
    })
    expect(unlocked.status).toBe(200)
    expect((await attemptLogin(target.email, target.password)).status).toBe(200)
  })
})

describe('logins do not tell which emails have accounts', () => {
  it('answers an unknown email exactly like a wrong password, after hashing the password as a real check would', async () => {
    const real = await createUser(payload, ['viewer'])
    const wrongPassword = await attemptLogin(real.email, 'not-the-password')
    const hashesBefore = await metric(
      'auth_stand_in_password_checks_total',
      'reason="unknown_account"',
    )
    const unknown = await attemptLogin(unknownEmail(), 'not-the-password')
    expect(visible(unknown)).toEqual(visible(wrongPassword))
    expect(unknown.status).toBe(401)
    expect(unknown.body.errors[0].message).toBe('The email or password provided is incorrect.')
    expect(await metric('auth_stand_in_password_checks_total', 'reason="unknown_account"')).toBe(
      hashesBefore + 1,
    )
  })

  it('answers a locked account like a wrong password, even with the right password, and keeps it locked', async () => {
    const user = await createUser(payload, ['editor'])
    const unknown = visible(await attemptLogin(unknownEmail(), 'not-the-password'))
    // Five wrong passwords lock the account (maxLoginAttempts); the fifth locks it as it answers.
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(visible(await attemptLogin(user.email, `wrong-${attempt}`))).toEqual(unknown)
    }
    const hashesBefore = await metric(
      'auth_stand_in_password_checks_total',
      'reason="locked_account"',
    )
    const rightPassword = await attemptLogin(user.email, user.password)
    expect(visible(rightPassword)).toEqual(unknown)
    expect(JSON.stringify(rightPassword.body)).not.toMatch(/locked/i)
    expect(await metric('auth_stand_in_password_checks_total', 'reason="locked_account"')).toBe(
      hashesBefore + 1,
    )
  })

  it('answers a locked account over GraphQL like a wrong password', async () => {
    const user = await createUser(payload, ['viewer'])
    await lock(user)
    const mutation =
      'mutation($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'
    const locked = await graphql(mutation, { email: user.email, password: user.password })
    const unknown = await graphql(mutation, { email: unknownEmail(), password: 'x-password' })
    expect(locked.body.errors[0].message).toBe(unknown.body.errors[0].message)
    expect(locked.body.errors[0].message).toBe('The email or password provided is incorrect.')
  })

  it('answers forgot-password the same, headers included, whether or not the email has an account', async () => {
    const real = await createUser(payload, ['viewer'])
    const forgot = (email: string) =>
      request('/api/users/forgot-password', { method: 'POST', json: { email } })
    const known = await forgot(real.email)
    const unknown = await forgot(unknownEmail())
    expect(known.status).toBe(200)
    expect(visible(unknown)).toEqual(visible(known))
    expect(unknown.headers.get('ratelimit-limit')).toBe(known.headers.get('ratelimit-limit'))
  })
})

describe('changing your own account', () => {
  it('asks for the current password before setting a new one', async () => {
    const user = await createUser(payload, ['viewer'])
    const token = await login(user.email, user.password)
    const change = (json: Record<string, unknown>) =>
      request(`/api/users/${user.user.id}`, { method: 'PATCH', auth: { token }, json })

    const without = await change({ password: 'a-new-password-1' })
    expect(without.status).toBe(400)
    expect(JSON.stringify(without.body)).toContain('currentPassword')
    const wrong = await change({ password: 'a-new-password-1', currentPassword: 'nope' })
    expect(wrong.status).toBe(400)
    expect((await attemptLogin(user.email, 'a-new-password-1')).status).toBe(401)

    const right = await change({ password: 'a-new-password-1', currentPassword: user.password })
    expect(right.status).toBe(200)
    expect((await attemptLogin(user.email, 'a-new-password-1')).status).toBe(200)
  })

  it('lets an admin set another user’s password without knowing it', async () => {
    const user = await createUser(payload, ['editor'])
    const admin = await createUser(payload, ['admin'])
    const token = await login(admin.email, admin.password)
    const reset = await request(`/api/users/${user.user.id}`, {
      method: 'PATCH',
      auth: { token },
      json: { password: 'set-by-the-admin-1' },
    })
    expect(reset.status).toBe(200)
    expect((await attemptLogin(user.email, 'set-by-the-admin-1')).status).toBe(200)
  })

  it('refuses a weak API key and accepts a generated one', async () => {
    const user = await createUser(payload, ['editor'])
    const token = await login(user.email, user.password)
    const setKey = (apiKey: string) =>
      request(`/api/users/${user.user.id}`, {
        method: 'PATCH',
        auth: { token },
        json: { enableAPIKey: true, apiKey },
      })
    for (const weak of ['123', 'a'.repeat(64), 'abababababababababababababababababab']) {
      const refused = await setKey(weak)
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.body)).toContain('apiKey')
      expect((await request('/api/users/me', { auth: { apiKey: weak } })).body.user).toBeNull()
    }
    const strong = randomUUID()
    expect((await setKey(strong)).status).toBe(200)
    expect((await request('/api/users/me', { auth: { apiKey: strong } })).body.user.id).toBe(
      user.user.id,
    )
  })
})

describe('the admin panel', () => {
  async function openAdmin(role: 'viewer' | 'editor') {
    const { email, password } = await createUser(payload, [role])
    const token = await login(email, password)
    const response = await fetch(`${baseUrl()}/admin`, {
      headers: { Cookie: `payload-token=${token}` },
      redirect: 'manual',
    })
    return { status: response.status, location: response.headers.get('location') ?? '' }
  }

  it('turns viewers away and lets editors in', async () => {
    const viewer = await openAdmin('viewer')
    expect(viewer.status).toBeGreaterThanOrEqual(300)
    expect(viewer.status).toBeLessThan(500)
    if (viewer.status < 400) expect(viewer.location).toMatch(/unauthorized|login|logout/)
    const editor = await openAdmin('editor')
    expect(editor.status).toBe(200)
  })
})
