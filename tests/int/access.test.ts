/**
 * The access matrix: every role × collection × operation, through the Local API (overrideAccess:
 * false with a real user), through REST over HTTP with a real JWT, and through GraphQL. API keys get
 * their own checks at the end.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto'

import { beforeAll, describe, expect, it } from '@jest/globals'
import type { CollectionSlug, Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import type { Category, Episode, Media, Program, User } from '../../src/payload-types'
import { makeCategory, makeEpisode, makeImage, makeProgram, pngBytes } from './helpers/fixtures'
import { type Auth, graphql, login, request } from './helpers/http'
import { createUser, testPayload, uniqueTag } from './helpers/payload'

type Actor = 'public' | Role
const ACTORS: Actor[] = ['public', 'viewer', 'editor', 'admin']
const STAFF: Actor[] = ['editor', 'admin']
const EVERYONE: Actor[] = ACTORS
type Outcome = 'allowed' | 'denied'

let payload: Payload
const users = {} as Record<Role, User>
const tokens = {} as Record<Role, string>

let category: Category
let publishedProgram: Program
let draftProgram: Program
let publishedEpisode: Episode
let draftEpisode: Episode
let usedImage: Media
let unusedImage: Media

beforeAll(async () => {
  payload = await testPayload()
  for (const role of ['viewer', 'editor', 'admin'] as Role[]) {
    const created = await createUser(payload, [role])
    users[role] = created.user
    tokens[role] = await login(created.email, created.password)
  }
  category = await makeCategory(payload)
  usedImage = await makeImage(payload)
  unusedImage = await makeImage(payload)
  publishedProgram = await makeProgram(payload, 'published', {
    coverImage: usedImage.id,
    categories: [category.id],
  })
  draftProgram = await makeProgram(payload, 'draft')
  publishedEpisode = await makeEpisode(payload, publishedProgram)
  draftEpisode = await makeEpisode(payload, publishedProgram, 'draft')
})

const auth = (actor: Actor): Auth => (actor === 'public' ? undefined : { token: tokens[actor] })
const user = (actor: Actor) => (actor === 'public' ? undefined : users[actor])

/** Maps a Local API call to allowed/denied; anything but an access refusal is a test failure. */
async function local(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call()
    return 'allowed'
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 401 || status === 403 || status === 404) return 'denied'
    throw error
  }
}

async function rest(response: Promise<{ status: number; body: unknown }>): Promise<Outcome> {
  const { status, body } = await response
  if (status >= 200 && status < 300) return 'allowed'
  if (status === 401 || status === 403 || status === 404) return 'denied'
  throw new Error(`unexpected ${status}: ${JSON.stringify(body)}`)
}

async function gql(actor: Actor, query: string): Promise<Outcome> {
  const { status, body } = await graphql(query, {}, auth(actor))
  if (status !== 200 && status !== 403)
    throw new Error(`GraphQL ${status}: ${JSON.stringify(body)}`)
  const errors = (body as { errors?: { message: string }[] }).errors ?? []
  if (errors.length === 0) return 'allowed'
  if (errors.every((e) => /not allowed|not found|unauthorized|forbidden/i.test(e.message)))
    return 'denied'
  throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`)
}

const newProgram = () => ({
  title: `New ${uniqueTag()}`,
  format: 'series' as const,
  language: 'ar',
})
const newEpisode = () => ({ title: `New ${uniqueTag()}`, program: publishedProgram.id })
const newCategory = () => ({ name: `New ${uniqueTag()}` })

interface Operation {
  name: string
  allowed: Actor[]
  local: (actor: Actor) => Promise<Outcome>
  rest: (actor: Actor) => Promise<Outcome>
  graphql?: (actor: Actor) => Promise<Outcome>
}

/** create / update / delete for a content collection, each on its own fresh document. */
function writeOperations(
  slug: 'programs' | 'episodes' | 'categories',
  data: () => Record<string, unknown>,
  make: () => Promise<{ id: number }>,
): Operation[] {
  const col = slug as CollectionSlug
  return [
    {
      name: 'create',
      allowed: STAFF,
      local: (a) =>
        local(() =>
          payload.create({
            collection: col,
            data: data() as never,
            user: user(a),
            overrideAccess: false,
          }),
        ),
      rest: (a) => rest(request(`/api/${slug}`, { method: 'POST', auth: auth(a), json: data() })),
    },
    {
      name: 'update',
      allowed: STAFF,
      local: async (a) => {
        const doc = await make()
        return local(() =>
          payload.update({
            collection: col,
            id: doc.id,
            data: {} as never,
            user: user(a),
            overrideAccess: false,
          }),
        )
      },
      rest: async (a) => {
        const doc = await make()
        return rest(request(`/api/${slug}/${doc.id}`, { method: 'PATCH', auth: auth(a), json: {} }))
      },
    },
    {
      name: 'delete',
      allowed: STAFF,
      local: async (a) => {
        const doc = await make()
        return local(() =>
          payload.delete({ collection: col, id: doc.id, user: user(a), overrideAccess: false }),
        )
      },
      rest: async (a) => {
        const doc = await make()
        return rest(request(`/api/${slug}/${doc.id}`, { method: 'DELETE', auth: auth(a) }))
      },
    },
  ]
}

function readOperation(
  name: string,
  slug: CollectionSlug,
  id: () => number,
  allowed: Actor[],
): Operation {
  return {
    name,
    allowed,
    local: (a) =>
      local(() =>
        payload.findByID({ collection: slug, id: id(), user: user(a), overrideAccess: false }),
      ),
    rest: (a) => rest(request(`/api/${slug}/${id()}`, { auth: auth(a) })),
  }
}

const matrix: Record<string, Operation[]> = {
  programs: [
    ...writeOperations('programs', newProgram, () => makeProgram(payload)),
    {
      ...readOperation('read published', 'programs', () => publishedProgram.id, EVERYONE),
      graphql: (a) => gql(a, `{ Program(id: ${publishedProgram.id}) { id title } }`),
    },
    {
      ...readOperation('read draft', 'programs', () => draftProgram.id, STAFF),
      graphql: (a) => gql(a, `{ Program(id: ${draftProgram.id}, draft: true) { id title } }`),
    },
  ],
  episodes: [
    ...writeOperations('episodes', newEpisode, () => makeEpisode(payload, publishedProgram)),
    {
      ...readOperation('read published', 'episodes', () => publishedEpisode.id, EVERYONE),
      graphql: (a) => gql(a, `{ Episode(id: ${publishedEpisode.id}) { id title } }`),
    },
    {
      ...readOperation('read draft', 'episodes', () => draftEpisode.id, STAFF),
      graphql: (a) => gql(a, `{ Episode(id: ${draftEpisode.id}, draft: true) { id title } }`),
    },
  ],
  categories: [
    ...writeOperations('categories', newCategory, () => makeCategory(payload)),
    {
      ...readOperation('read', 'categories', () => category.id, EVERYONE),
      graphql: (a) => gql(a, `{ Category(id: ${category.id}) { id name } }`),
    },
  ],
  media: [
    {
      name: 'create',
      allowed: STAFF,
      local: async (a) => {
        const buffer = await pngBytes()
        return local(() =>
          payload.create({
            collection: 'media',
            data: { alt: 'x' },
            file: {
              data: buffer,
              mimetype: 'image/png',
              name: `${uniqueTag()}.png`,
              size: buffer.length,
            },
            user: user(a),
            overrideAccess: false,
          }),
        )
      },
      rest: async (a) => {
        const form = new FormData()
        form.append(
          'file',
          new Blob([new Uint8Array(await pngBytes())], { type: 'image/png' }),
          `${uniqueTag()}.png`,
        )
        form.append('_payload', JSON.stringify({ alt: 'uploaded' }))
        const headers: Record<string, string> =
          a === 'public' ? {} : { Authorization: `JWT ${tokens[a]}` }
        const response = await fetch(`${process.env.TEST_SERVER_URL}/api/media`, {
          method: 'POST',
          headers,
          body: form,
        })
        return rest(response.json().then((body) => ({ status: response.status, body })))
      },
    },
    {
      name: 'update',
      allowed: STAFF,
      local: (a) =>
        local(() =>
          payload.update({
            collection: 'media',
            id: unusedImage.id,
            data: { alt: 'changed' },
            user: user(a),
            overrideAccess: false,
          }),
        ),
      rest: (a) =>
        rest(
          request(`/api/media/${unusedImage.id}`, {
            method: 'PATCH',
            auth: auth(a),
            json: { alt: 'changed' },
          }),
        ),
    },
    {
      name: 'delete',
      allowed: STAFF,
      local: async (a) => {
        const doc = await makeImage(payload)
        return local(() =>
          payload.delete({ collection: 'media', id: doc.id, user: user(a), overrideAccess: false }),
        )
      },
      rest: async (a) => {
        const doc = await makeImage(payload)
        return rest(request(`/api/media/${doc.id}`, { method: 'DELETE', auth: auth(a) }))
      },
    },
    readOperation('read media used by published content', 'media', () => usedImage.id, EVERYONE),
    readOperation('read media nothing public uses', 'media', () => unusedImage.id, STAFF),
  ],
  users: [
    {
      name: 'create',
      allowed: ['admin'],
      local: (a) =>
        local(() =>
          payload.create({
            collection: 'users',
            data: {
              email: `${uniqueTag()}@test.mediamesh.local`,
              password: 'a-long-password',
              roles: ['viewer'],
            },
            user: user(a),
            overrideAccess: false,
          }),
        ),
      rest: (a) =>
        rest(
          request('/api/users', {
            method: 'POST',
            auth: auth(a),
            json: {
              email: `${uniqueTag()}@test.mediamesh.local`,
              password: 'a-long-password',
              roles: ['viewer'],
            },
          }),
        ),
    },
    {
      ...readOperation('read another user', 'users', () => users.viewer.id, ['admin', 'viewer']),
      // The viewer reading the viewer is reading themself; checked separately below.
      name: 'read the viewer record',
    },
    {
      ...readOperation('read another user', 'users', () => users.editor.id, ['admin', 'editor']),
      name: 'read the editor record',
      graphql: (a) => gql(a, `{ User(id: ${users.editor.id}) { id email } }`),
    },
    {
      name: 'update another user',
      allowed: ['admin'],
      local: async (a) => {
        const other = await createUser(payload, ['viewer'])
        return local(() =>
          payload.update({
            collection: 'users',
            id: other.user.id,
            data: { name: 'x' },
            user: user(a),
            overrideAccess: false,
          }),
        )
      },
      rest: async (a) => {
        const other = await createUser(payload, ['viewer'])
        return rest(
          request(`/api/users/${other.user.id}`, {
            method: 'PATCH',
            auth: auth(a),
            json: { name: 'x' },
          }),
        )
      },
    },
    {
      name: 'delete another user',
      allowed: ['admin'],
      local: async (a) => {
        const other = await createUser(payload, ['viewer'])
        return local(() =>
          payload.delete({
            collection: 'users',
            id: other.user.id,
            user: user(a),
            overrideAccess: false,
          }),
        )
      },
      rest: async (a) => {
        const other = await createUser(payload, ['viewer'])
        return rest(request(`/api/users/${other.user.id}`, { method: 'DELETE', auth: auth(a) }))
      },
    },
  ],
}

describe.each(Object.entries(matrix))('access to %s', (_collection, operations) => {
  describe.each(operations.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    it.each(ACTORS)('is enforced for %s through the Local API, REST and GraphQL', async (actor) => {
      const expected: Outcome = op.allowed.includes(actor) ? 'allowed' : 'denied'
      expect(await op.local(actor)).toBe(expected)
      expect(await op.rest(actor)).toBe(expected)
      if (op.graphql) expect(await op.graphql(actor)).toBe(expected)
    })
  })
})

describe('own user record', () => {
  it('lets a viewer read and update their own record but not their roles', async () => {
    const { user: viewer, email, password } = await createUser(payload, ['viewer'])
    const token = await login(email, password)
    const me = await request('/api/users/me', { auth: { token } })
    expect(me.body.user.id).toBe(viewer.id)
    const update = await request(`/api/users/${viewer.id}`, {
      method: 'PATCH',
      auth: { token },
      json: { name: 'Renamed', roles: ['admin'] },
    })
    expect(update.status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: viewer.id })
    expect(stored.name).toBe('Renamed')
    expect(stored.roles).toEqual(['viewer'])
  })

  it('lets an editor change nobody’s roles, and an admin change anyone’s', async () => {
    const { user: target } = await createUser(payload, ['viewer'])
    await request(`/api/users/${target.id}`, {
      method: 'PATCH',
      auth: { token: tokens.editor },
      json: { roles: ['admin'] },
    })
    expect((await payload.findByID({ collection: 'users', id: target.id })).roles).toEqual([
      'viewer',
    ])
    const byAdmin = await request(`/api/users/${target.id}`, {
      method: 'PATCH',
      auth: { token: tokens.admin },
      json: { roles: ['editor'] },
    })
    expect(byAdmin.status).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: target.id })).roles).toEqual([
      'editor',
    ])
  })

  it('lists only themself to non-admins', async () => {
    const list = await request('/api/users?limit=100', { auth: { token: tokens.editor } })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((u: User) => u.id)).toEqual([users.editor.id])
  })
})

describe("Payload's job endpoints", () => {
  it.each(['viewer', 'editor', 'admin'] as Role[])(
    'are closed to %s: jobs run only through the claiming runner',
    async (role) => {
      for (const path of [
        '/api/payload-jobs/run?allQueues=true',
        '/api/payload-jobs/handle-schedules',
      ]) {
        const response = await request(path, { auth: { token: tokens[role] } })
        expect(response.status).toBeGreaterThanOrEqual(401)
        expect(response.status).toBeLessThan(500)
      }
    },
  )
})

describe('login protection', () => {
  it('locks an account after five failed logins, even against the right password', async () => {
    const { email, password } = await createUser(payload, ['viewer'])
    for (let i = 0; i < 5; i++) {
      const failed = await request('/api/users/login', {
        method: 'POST',
        json: { email, password: 'wrong-password' },
      })
      expect(failed.status).toBe(401)
    }
    const locked = await request('/api/users/login', { method: 'POST', json: { email, password } })
    expect(locked.status).toBe(401)
    // Worded like a wrong password, so that it does not tell that the account exists.
    expect(locked.body.errors[0].message).toBe('The email or password provided is incorrect.')
  })

  it('rejects a forged token', async () => {
    const [header, body] = tokens.viewer.split('.')
    const forged = `${header}.${body}.${'A'.repeat(43)}`
    const me = await request('/api/users/me', { auth: { token: forged } })
    expect(me.body.user).toBeNull()
    expect(
      (await request(`/api/programs/${draftProgram.id}?draft=true`, { auth: { token: forged } }))
        .status,
    ).toBe(404)
  })
})

describe('tokens', () => {
  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  /** A JWT over `claims`, HS256 with `key` (Payload signs with the SHA-256 of its secret, 32 hex). */
  function sign(claims: Record<string, unknown>, key: string, alg = 'HS256'): string {
    // Payload's own header (it carries an authVersion), with the algorithm under test.
    const header = JSON.parse(Buffer.from(tokens.editor.split('.')[0]!, 'base64url').toString())
    const unsigned = `${base64url({ ...header, alg })}.${base64url(claims)}`
    if (alg === 'none') return `${unsigned}.`
    return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`
  }
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
  const payloadKey = () =>
    createHash('sha256').update(process.env.PAYLOAD_SECRET!).digest('hex').slice(0, 32)
  const now = () => Math.floor(Date.now() / 1000)
  const meWith = async (token: string) =>
    (await request('/api/users/me', { auth: { token } })).body.user as { id: number } | null

  it('accepts a token re-signed with the right key (the control that makes the others count)', async () => {
    const claims = claimsOf(tokens.editor)
    expect((await meWith(sign({ ...claims, exp: now() + 600 }, payloadKey())))?.id).toBe(claims.id)
  })

  it('rejects an expired token, one signed with another key, and alg "none"', async () => {
    const claims = claimsOf(tokens.editor)
    expect(await meWith(sign({ ...claims, exp: now() - 60 }, payloadKey()))).toBeNull()
    expect(await meWith(sign({ ...claims, exp: now() + 600 }, 'not-the-secret'))).toBeNull()
    expect(await meWith(sign({ ...claims, exp: now() + 600 }, '', 'none'))).toBeNull()
    // Escalation by editing the claims: the roles in a token are not trusted.
    const viewer = claimsOf(tokens.viewer)
    const escalated = sign({ ...viewer, roles: ['admin'], exp: now() + 600 }, 'not-the-secret')
    expect(
      (await request(`/api/programs/${draftProgram.id}?draft=true`, { auth: { token: escalated } }))
        .status,
    ).toBe(404)
  })
})

describe('API keys', () => {
  async function userWithKey(role: Role): Promise<string> {
    const apiKey = randomUUID()
    await payload.create({
      collection: 'users',
      data: {
        email: `key-${role}-${uniqueTag()}@test.mediamesh.local`,
        password: 'a-long-password',
        roles: [role],
        enableAPIKey: true,
        apiKey,
      },
    })
    return apiKey
  }

  it('authenticate an editor integration for REST and GraphQL writes', async () => {
    const apiKey = await userWithKey('editor')
    const created = await request('/api/programs', {
      method: 'POST',
      auth: { apiKey },
      json: newProgram(),
    })
    expect(created.status).toBe(201)
    const draft = await request(`/api/programs/${draftProgram.id}?draft=true`, { auth: { apiKey } })
    expect(draft.status).toBe(200)
    const viaGraphql = await graphql(
      `{ Program(id: ${draftProgram.id}, draft: true) { id } }`,
      {},
      { apiKey },
    )
    expect(viaGraphql.body.data.Program.id).toBe(draftProgram.id)
  })

  it('are scoped to the role of their user', async () => {
    const apiKey = await userWithKey('viewer')
    expect(
      (await request('/api/programs', { method: 'POST', auth: { apiKey }, json: newProgram() }))
        .status,
    ).toBe(403)
    expect(
      (await request(`/api/programs/${draftProgram.id}?draft=true`, { auth: { apiKey } })).status,
    ).toBe(404)
    expect(
      (await request(`/api/programs/${publishedProgram.id}`, { auth: { apiKey } })).status,
    ).toBe(200)
  })

  it('reject an unknown key', async () => {
    const response = await request('/api/users/me', { auth: { apiKey: randomUUID() } })
    expect(response.body.user).toBeNull()
  })
})
