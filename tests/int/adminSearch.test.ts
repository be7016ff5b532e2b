/**
 * Editors' cross-collection search in the admin panel (@payloadcms/plugin-search), drafts included,
 * and closed to everyone else.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { makeCategory, makeEpisode, makeProgram } from './helpers/fixtures'
import { request } from './helpers/http'
import { signedIn, testPayload, uniqueTag } from './helpers/payload'

let payload: Payload
let editor: { token: string }
let viewer: { token: string }

beforeAll(async () => {
  payload = await testPayload()
  editor = await signedIn(payload, 'editor')
  viewer = await signedIn(payload, 'viewer')
})

describe('admin search', () => {
  it('finds programs, episodes and categories, drafts included, for editors', async () => {
    const tag = uniqueTag()
    const draft = await makeProgram(payload, 'draft', { title: `Unreleased ${tag}` })
    const program = await makeProgram(payload, 'published', { title: `Released ${tag}` })
    await makeEpisode(payload, program, 'published', { title: `Episode ${tag}` })
    await makeCategory(payload, { name: `Category ${tag}` })

    const result = await request(`/api/search?where[title][contains]=${tag}&limit=50&depth=0`, {
      auth: editor,
    })
    expect(result.status).toBe(200)
    const found = result.body.docs
      .map((d: { doc: { relationTo: string; value: number } }) => d.doc.relationTo)
      .sort()
    expect(found).toEqual(['categories', 'episodes', 'programs', 'programs'])
    const draftEntry = result.body.docs.find(
      (d: { doc: { relationTo: string; value: number } }) =>
        d.doc.relationTo === 'programs' && d.doc.value === draft.id,
    )
    expect(draftEntry.status).toBe('draft')
  })

  it('is closed to the public and to viewers', async () => {
    expect((await request('/api/search')).status).toBe(403)
    expect((await request('/api/search', { auth: viewer })).status).toBe(403)
  })
})
