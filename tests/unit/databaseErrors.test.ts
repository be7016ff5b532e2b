import { describe, expect, it } from '@jest/globals'

import {
  fieldPathFromColumn,
  translateDatabaseErrors,
} from '../../src/hooks/translateDatabaseErrors'

const hook = translateDatabaseErrors({ databasePort: 5432 })
type HookArgs = Parameters<typeof hook>[0]
const run = (error: unknown) =>
  hook({ error, collection: { slug: 'episodes' } } as unknown as HookArgs)

describe('fieldPathFromColumn', () => {
  it.each([
    ['program_id', 'program'],
    ['cover_image_id', 'coverImage'],
    ['version_program_id', 'program'],
    ['categories_id', 'categories'],
    ['duration_seconds', 'durationSeconds'],
  ])('maps %s to %s', (column, path) => {
    expect(fieldPathFromColumn(column)).toBe(path)
  })
})

describe('translateDatabaseErrors', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED', port: 5432 }],
    ['a server shutting down', { code: '57P01' }],
    ['a connection failure', { code: '08006' }],
    ['a cut connection', new Error('Connection terminated unexpectedly')],
  ])('turns %s into a 503 (the database is away, not a bug)', (_, cause) => {
    expect(run(new Error('Failed query', { cause }))).toMatchObject({
      status: 503,
      response: { errors: [{ name: 'ServiceUnavailable' }] },
    })
  })

  it('leaves other errors alone, connection errors to other servers (S3) included', () => {
    expect(run(new Error('boom'))).toBeUndefined()
    expect(
      run(new Error('upload', { cause: { code: 'ECONNREFUSED', port: 9390 } })),
    ).toBeUndefined()
  })

  it('turns a foreign-key violation on write into a 400 naming the field', () => {
    const error = new Error('Failed query', {
      cause: {
        code: '23503',
        detail: 'Key (program_id)=(999) is not present in table "programs".',
      },
    })
    const result = run(error) as {
      status: number
      response: { errors: { data: { errors: { path: string }[] } }[] }
    }
    expect(result.status).toBe(400)
    expect(result.response.errors[0]!.data.errors[0]!.path).toBe('program')
  })

  it('turns a foreign-key violation on delete into a 409', () => {
    const error = {
      code: '23503',
      detail: 'Key (id)=(3) is still referenced from table "episodes".',
    }
    expect((run(error) as { status: number }).status).toBe(409)
  })

  it('turns a value of the wrong type into a 400', () => {
    expect((run({ cause: { code: '22P02' } }) as { status: number }).status).toBe(400)
  })

  it('turns a where operator the column type does not have into a 400', () => {
    const result = run({ cause: { code: '42883' } }) as {
      status: number
      response: { errors: { message: string }[] }
    }
    expect(result.status).toBe(400)
    expect(result.response.errors[0]!.message).toMatch(/operator/)
  })

  it('leaves other errors to Payload', () => {
    expect(run(new Error('boom'))).toBeUndefined()
    expect(run({ code: '40001' })).toBeUndefined()
  })
})
