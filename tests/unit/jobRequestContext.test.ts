import { describe, expect, it } from '@jest/globals'
import type { Config, TaskConfig } from 'payload'

import { jobRequestContext, restoresRequestContext } from '../../src/jobs/requestContext'
import { currentRequestId } from '../../src/observability/requestContext'

const seenIds: (string | undefined)[] = []

const task = (slug: string): TaskConfig =>
  ({
    slug,
    handler: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      seenIds.push(currentRequestId())
      return { output: {} }
    },
  }) as unknown as TaskConfig

const run = (config: Config, input: unknown) =>
  (config.jobs!.tasks![0]!.handler as (args: unknown) => Promise<unknown>)({ input })

describe('jobRequestContext', () => {
  const config = jobRequestContext()({ jobs: { tasks: [task('a'), task('b')] } } as Config)

  it('wraps every task', () => {
    expect(config.jobs!.tasks!.map(restoresRequestContext)).toEqual([true, true])
    expect(restoresRequestContext(task('plain'))).toBe(false)
  })

  it('runs a handler inside the request context its job input carries', async () => {
    seenIds.length = 0
    await run(config, { requestId: 'req-42' })
    await run(config, {})
    await run(config, { requestId: '' })
    expect(seenIds).toEqual(['req-42', undefined, undefined])
    expect(currentRequestId()).toBeUndefined()
  })

  it('wraps once when applied twice', async () => {
    const twice = jobRequestContext()(config)
    expect(twice.jobs!.tasks![0]!.handler).toBe(config.jobs!.tasks![0]!.handler)
  })
})
