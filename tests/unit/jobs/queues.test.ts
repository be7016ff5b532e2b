import { describe, expect, it } from '@jest/globals'
import type { Config } from 'payload'

import { jobQueuesOf, searchQueueOf } from '../../../src/jobs/queues'
import { searchSync } from '../../../src/plugins/searchSync'

const configured = (config: Config) => config as unknown as Parameters<typeof jobQueuesOf>[0]

describe('job queues', () => {
  it('are the search sync queue, then the default queue, when the plugin is given none', () => {
    const config = configured(searchSync()({ collections: [] } as unknown as Config))
    expect(searchQueueOf(config)).toBe('search')
    expect(jobQueuesOf(config)).toEqual(['search', 'default'])
  })

  it('follow the queue the search sync plugin was given', () => {
    const config = configured(searchSync({ queue: 'catalogue' })({ collections: [] } as never))
    expect(searchQueueOf(config)).toBe('catalogue')
    expect(jobQueuesOf(config)).toEqual(['catalogue', 'default'])
  })

  it('keep the other custom settings of the config', () => {
    const config = searchSync({ queue: 'lane' })({ collections: [], custom: { mine: 1 } } as never)
    expect(config.custom).toMatchObject({ mine: 1 })
  })
})
