import { randomBytes } from 'node:crypto'

import { getPayload, type Payload } from 'payload'

import config from '../../../payload.config'
import type { Role } from '../../../src/access/roles'
import type { User } from '../../../src/payload-types'
import { login } from './http'

/** The in-process Payload (Local API) on the run's test database, shared with the spawned host. */
export function testPayload(): Promise<Payload> {
  return getPayload({ config })
}

/** A short random tag that keeps each test's records apart from every other test's. */
export function uniqueTag(): string {
  return randomBytes(4).toString('hex')
}

export interface TestUser {
  user: User
  email: string
  password: string
}

/**
 * The first account ever created becomes an admin (see Users). Tests that want a viewer or an
 * editor must therefore never create the first account themselves.
 */
async function ensureFirstAccountExists(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  await payload.create({
    collection: 'users',
    data: {
      email: 'first-admin@test.mediamesh.local',
      password: `pw-${uniqueTag()}`,
      roles: ['admin'],
    },
  })
}

export async function createUser(
  payload: Payload,
  roles: Role[],
  tag = uniqueTag(),
): Promise<TestUser> {
  await ensureFirstAccountExists(payload)
  const email = `${roles.join('-') || 'none'}-${tag}@test.mediamesh.local`
  const password = `pw-${randomBytes(8).toString('hex')}`
  const user = await payload.create({
    collection: 'users',
    data: { email, password, roles, name: `Test ${roles.join('/')}` },
  })
  return { user, email, password }
}

/** A fresh user with `roles`, logged in over REST: the auth to pass to `request`. */
export async function signedIn(payload: Payload, ...roles: Role[]): Promise<{ token: string }> {
  const { email, password } = await createUser(payload, roles)
  return { token: await login(email, password) }
}
