/**
 * The publication rule (src/lib/publication.ts) in its three languages, Payload `Where`, predicate
 * and SQL, gives the same answer on real rows in Postgres, for programs and for episodes (public
 * only while their program is public too).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { isPublicNow, publishedAndDueWhere, publishedSql } from '../../src/lib/publication'
import type { Episode, Program } from '../../src/payload-types'
import { future, makeEpisode, makeProgram, past } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

let payload: Payload
const execute = async <T>(statement: string) =>
  ((await (payload.db as unknown as PostgresAdapter).drizzle.execute(statement)) as { rows: T[] })
    .rows

/** Published, with the moment erased in the main table: published but never due. */
async function withoutMoment<T extends Program | Episode>(doc: T, table: string): Promise<T> {
  await execute(`UPDATE ${table} SET published_at = NULL WHERE id = ${Number(doc.id)}`)
  return { ...doc, publishedAt: null }
}

let programs: Program[]
let episodes: Episode[]

beforeAll(async () => {
  payload = await testPayload()
  programs = [
    await makeProgram(payload, 'draft'),
    await makeProgram(payload, 'published', { publishedAt: past() }),
    await makeProgram(payload, 'published', { publishedAt: future() }),
    await withoutMoment(await makeProgram(payload, 'published'), 'programs'),
  ]
  episodes = []
  for (const program of programs) {
    episodes.push(
      await makeEpisode(payload, program, 'draft'),
      await makeEpisode(payload, program, 'published', { publishedAt: past() }),
      await makeEpisode(payload, program, 'published', { publishedAt: future() }),
      await withoutMoment(await makeEpisode(payload, program, 'published'), 'episodes'),
    )
  }
}, 120_000)

const ids = (docs: { id: number }[]) => docs.map((doc) => doc.id).sort((a, b) => a - b)

describe('the publication rule', () => {
  it('selects the same programs as a Where, a predicate and SQL', async () => {
    const now = new Date()
    const byWhere = await payload.find({
      collection: 'programs',
      where: { and: [{ id: { in: ids(programs) } }, ...publishedAndDueWhere(now)] },
      limit: 100,
    })
    const byPredicate = programs.filter((p) => isPublicNow(p, now.getTime()))
    const bySql = await execute<{ id: number }>(
      `SELECT p.id FROM programs p WHERE p.id IN (${ids(programs).join(',')})
         AND ${publishedSql('p')} AND p.published_at <= '${now.toISOString()}'`,
    )
    expect(ids(byPredicate)).toEqual([programs[1]!.id])
    expect(ids(byWhere.docs)).toEqual(ids(byPredicate))
    expect(ids(bySql.map((row) => ({ id: Number(row.id) })))).toEqual(ids(byPredicate))
  })

  it('selects the same episodes, public only under a public program', async () => {
    const now = new Date()
    const programOf = new Map(programs.map((p) => [p.id, p]))
    const byWhere = await payload.find({
      collection: 'episodes',
      where: {
        and: [
          { id: { in: ids(episodes) } },
          ...publishedAndDueWhere(now),
          ...publishedAndDueWhere(now, 'program.'),
        ],
      },
      limit: 100,
    })
    const byPredicate = episodes.filter((e) => {
      const program = programOf.get(typeof e.program === 'number' ? e.program : e.program.id)
      return isPublicNow(e, now.getTime()) && isPublicNow(program, now.getTime())
    })
    const at = `'${now.toISOString()}'`
    const bySql = await execute<{ id: number }>(
      `SELECT e.id FROM episodes e JOIN programs p ON p.id = e.program_id
        WHERE e.id IN (${ids(episodes).join(',')})
          AND ${publishedSql('e')} AND ${publishedSql('p')}
          AND greatest(e.published_at, p.published_at) <= ${at}`,
    )
    expect(byPredicate).toHaveLength(1)
    expect(ids(byWhere.docs)).toEqual(ids(byPredicate))
    expect(ids(bySql.map((row) => ({ id: Number(row.id) })))).toEqual(ids(byPredicate))
  })

  it('refuses anything but a plain alias in SQL', () => {
    expect(() => publishedSql('p; DROP TABLE programs')).toThrow(TypeError)
  })
})
