/**
 * The dead-letter list: sync jobs that failed their last attempt, listed for admins over REST and
 * in the admin panel, and retried one at a time or all at once.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { baseUrl, request } from '../helpers/http'
import { makeProgram } from '../helpers/fixtures'
import { signedIn, testPayload } from '../helpers/payload'

let payload: Payload
let admin: { token: string }
let editor: { token: string }

beforeAll(async () => {
  payload = await testPayload()
  admin = await signedIn(payload, 'admin')
  editor = await signedIn(payload, 'editor')
})

/** A sync job in the state Payload leaves it after its last failed attempt. */
async function deadLetter(programId: number, message: string): Promise<number> {
  const job = await payload.jobs.queue({
    task: 'searchSync',
    queue: `dead-${programId}`, // a queue nobody runs: it stays as we leave it
    input: { collection: 'programs', id: programId },
  })
  const pool = (payload.db as unknown as PostgresAdapter).pool
  await pool.query(
    `UPDATE payload_jobs SET has_error = true, total_tried = 8, error = $2, queue = 'search-dead-test' WHERE id = $1`,
    [job.id, JSON.stringify({ message })],
  )
  return job.id as number
}

describe('failed sync jobs', () => {
  it('are listed for admins with their error, and refused to others', async () => {
    const program = await makeProgram(payload)
    const id = await deadLetter(program.id, 'connect ECONNREFUSED 127.0.0.1:9200')
    const list = await request('/api/search-sync/failed', { auth: admin })
    expect(list.status).toBe(200)
    const job = list.body.jobs.find((j: { id: number }) => j.id === id)
    expect(job).toMatchObject({
      error: 'connect ECONNREFUSED 127.0.0.1:9200',
      attempts: 8,
      input: { collection: 'programs', id: program.id },
    })
    expect((await request('/api/search-sync/failed', { auth: editor })).status).toBe(403)
    expect((await request('/api/search-sync/failed')).status).toBe(403)
  })

  it('are shown in the admin panel view', async () => {
    const program = await makeProgram(payload)
    await deadLetter(program.id, 'a very particular failure 4711')
    const page = await fetch(`${baseUrl()}/admin/search-sync`, {
      headers: { Cookie: `payload-token=${admin.token}` },
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Search sync')
    expect(html).toContain('a very particular failure 4711')
  })

  it('can be retried one at a time: a fresh job replaces the failed one', async () => {
    const program = await makeProgram(payload)
    const id = await deadLetter(program.id, 'boom')
    const retried = await request('/api/search-sync/retry', {
      method: 'POST',
      auth: admin,
      json: { id },
    })
    expect(retried.body).toEqual({ retried: 1 })
    expect(
      await payload.count({ collection: 'payload-jobs', where: { id: { equals: id } } }),
    ).toEqual({ totalDocs: 0 })
    const fresh = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'searchSync' } },
          { hasError: { equals: false } },
          { completedAt: { exists: false } },
        ],
      },
      pagination: false,
    })
    expect(fresh.docs.some((job) => (job.input as { id?: number }).id === program.id)).toBe(true)
  })

  it('can all be retried at once', async () => {
    const a = await deadLetter((await makeProgram(payload)).id, 'one')
    const b = await deadLetter((await makeProgram(payload)).id, 'two')
    const retried = await request('/api/search-sync/retry', {
      method: 'POST',
      auth: admin,
      json: {},
    })
    expect(retried.body.retried).toBeGreaterThanOrEqual(2)
    expect(
      await payload.count({ collection: 'payload-jobs', where: { id: { in: [a, b] } } }),
    ).toEqual({ totalDocs: 0 })
    const list = await request('/api/search-sync/failed', { auth: admin })
    expect(list.body.total).toBe(0)
  })

  it('answers a malformed retry with a 400', async () => {
    const response = await request('/api/search-sync/retry', {
      method: 'POST',
      auth: admin,
      json: { id: 'all' },
    })
    expect(response.status).toBe(400)
  })
})
