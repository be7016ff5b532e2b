import { describe, expect, it } from '@jest/globals'

import { checkReadiness } from '../../src/host/readiness'

const ok = async () => undefined
const fail = async () => {
  throw new Error('connection refused')
}
const hang = () => new Promise<void>(() => undefined)

describe('checkReadiness', () => {
  it('is ready when every dependency answers', async () => {
    const report = await checkReadiness([
      { name: 'postgres', critical: true, check: ok },
      { name: 'redis', critical: false, check: ok },
    ])
    expect(report.status).toBe('ready')
    expect(report.checks.postgres?.status).toBe('ok')
    expect(report.checks.redis?.status).toBe('ok')
  })

  it('stays ready but reports degraded when an optional dependency fails', async () => {
    const report = await checkReadiness([
      { name: 'postgres', critical: true, check: ok },
      { name: 'elasticsearch', critical: false, check: fail },
    ])
    expect(report.status).toBe('ready')
    expect(report.checks.elasticsearch).toMatchObject({
      status: 'degraded',
      error: 'connection refused',
    })
  })

  it('is not ready when a critical dependency is down', async () => {
    const report = await checkReadiness([{ name: 'postgres', critical: true, check: fail }])
    expect(report.status).toBe('not_ready')
    expect(report.checks.postgres?.status).toBe('down')
  })

  it('treats a check that hangs as failed once the timeout passes', async () => {
    const report = await checkReadiness([{ name: 'postgres', critical: true, check: hang }], 50)
    expect(report.checks.postgres).toMatchObject({ status: 'down', error: 'timed out after 50 ms' })
  })
})
