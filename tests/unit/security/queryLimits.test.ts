import { describe, expect, it } from '@jest/globals'
import { parse } from 'graphql'

import { whereBoundExceeded } from '../../../src/hooks/boundWhere'
import {
  analyseGraphql,
  graphqlLimitExceeded,
  ROOT_FIELD_COST,
} from '../../../src/host/graphqlCost'
import { operationLimit } from '../../../src/host/graphqlGuard'

const limits = { maxRootFields: 20, maxCost: 5000, maxDepth: 12 }
const analyse = (query: string, variables = {}) => analyseGraphql(parse(query), variables)

describe('GraphQL cost', () => {
  it('counts every alias as a root field, through fragments too', () => {
    const analysis = analyse(
      'query { a: countEpisodes { totalDocs } ...More } fragment More on Query { b: countEpisodes { totalDocs } c: countEpisodes { totalDocs } }',
    )
    expect(analysis.rootFields.map((field) => field.name)).toEqual([
      'countEpisodes',
      'countEpisodes',
      'countEpisodes',
    ])
  })

  it('refuses 300 aliases by the root field limit, naming the setting', () => {
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: countEpisodes { totalDocs }`).join(' ')} }`
    expect(graphqlLimitExceeded(analyse(query), limits)).toMatch(/GRAPHQL_MAX_ROOT_FIELDS/)
  })

  it('weights fields under a list by its limit, a variable limit included', () => {
    const query = 'query ($n: Int) { Programs(limit: $n) { docs { id title } } }'
    // docs + 2 fields, each once per document.
    expect(analyse(query, { n: 50 }).cost).toBe(ROOT_FIELD_COST + 50 * 3)
    // Without a limit, a page of 10.
    expect(analyse('{ Programs { docs { id } } }').cost).toBe(ROOT_FIELD_COST + 10 * 2)
  })

  it('treats limit 0 ("all") as the largest page', () => {
    const query = '{ Programs(limit: 0) { docs { id title slug format language } } }'
    expect(graphqlLimitExceeded(analyse(query), limits)).toMatch(/GRAPHQL_MAX_COST/)
  })

  it('survives a fragment cycle (invalid GraphQL, refused later by validation)', () => {
    const analysis = analyse('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')
    expect(analysis.rootFields).toEqual([])
  })

  it('accepts an ordinary page query', () => {
    const query = '{ Programs(limit: 20) { docs { id title slug categories { name } } totalDocs } }'
    expect(graphqlLimitExceeded(analyse(query), limits)).toBeUndefined()
  })
})

describe('which limiter a GraphQL operation spends', () => {
  const [login, unlock, write, read] = analyse(
    'mutation ($e: String!) { loginUser(email: $e, password: "x") { token } unlockUser(email: "A@x.org") updateProgram(id: 1, data: {}) { id } } query { Programs { totalDocs } }',
    { e: ' Ed@Example.org ' },
  ).rootFields
  it('keys logins and unlocks by address and normalised email, writes by user, reads not at all', () => {
    expect(operationLimit(login!, '1.2.3.4')).toEqual({
      limiter: 'login',
      key: '1.2.3.4:ed@example.org',
    })
    expect(operationLimit(unlock!, '1.2.3.4')).toEqual({
      limiter: 'account',
      key: '1.2.3.4:a@x.org',
    })
    expect(operationLimit(write!, '1.2.3.4')).toEqual({ limiter: 'writes' })
    expect(operationLimit(read!, '1.2.3.4')).toBeUndefined()
  })
})

describe('where bounds', () => {
  const bounds = { maxConditions: 30, maxPathSegments: 3 }
  const ors = (n: number, path = 'title') =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [String(i), { [path]: { like: `x${i}` } }]),
    )

  it('counts conditions through and/or trees, arrays and numeric-key objects alike', () => {
    expect(whereBoundExceeded({ or: ors(30) }, undefined, bounds)).toBeUndefined()
    expect(whereBoundExceeded({ or: ors(31) }, undefined, bounds)).toMatch(
      /31 conditions.*WHERE_MAX_CONDITIONS/,
    )
    expect(
      whereBoundExceeded(
        { and: [{ or: Object.values(ors(20)) }, { or: Object.values(ors(20)) }] },
        undefined,
        bounds,
      ),
    ).toMatch(/40 conditions/)
  })

  it('refuses a field path with more segments than allowed, in where and in sort', () => {
    expect(
      whereBoundExceeded({ 'program.categories.slug': { equals: 'a' } }, undefined, bounds),
    ).toBeUndefined()
    expect(
      whereBoundExceeded({ or: ors(1, 'program.categories.parent.name') }, undefined, bounds),
    ).toMatch(/program\.categories\.parent\.name.*WHERE_MAX_PATH_SEGMENTS/)
    expect(whereBoundExceeded(undefined, '-program.categories.parent.name', bounds)).toMatch(
      /WHERE_MAX_PATH_SEGMENTS/,
    )
  })

  it('refuses and/or nested absurdly deep', () => {
    let where: Record<string, unknown> = { title: { equals: 'x' } }
    for (let i = 0; i < 20; i++) where = { and: [where] }
    expect(whereBoundExceeded(where, undefined, bounds)).toMatch(/nests/)
  })
})
