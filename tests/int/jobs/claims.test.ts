/**
 * Exclusive job claims: several runners never run one job twice at the same time, and the jobs of a
 * runner that died are picked up again.
 */
import { spawn } from 'node:child_process'

import { beforeAll, describe, expect, it } from '@jest/globals'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { compiledEntry, ROOT } from '../../../scripts/lib/paths'
import {
  claimJobs,
  claimQueueName,
  pruneFinishedJobs,
  reapExpiredClaims,
  renewClaims,
  runClaimedRound,
} from '../../../src/jobs/claimingRunner'
import { importFeed } from '../../../src/ingest/importFeed'
import { parseFeed } from '../../../src/ingest/parse/parseFeed'
import { restoresRequestContext } from '../../../src/jobs/requestContext'
import { makeProgram } from '../helpers/fixtures'
import { testPayload, uniqueTag } from '../helpers/payload'

let payload: Payload
const pool = () => (payload.db as unknown as PostgresAdapter).pool

beforeAll(async () => {
  payload = await testPayload()
})

/** Queues `count` search-sync jobs on a queue of the test's own. */
async function queueJobs(queue: string, count: number): Promise<number[]> {
  const program = await makeProgram(payload)
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const job = await payload.jobs.queue({
      task: 'searchSync',
      queue,
      input: { collection: 'programs', id: program.id },
    })
    ids.push(job.id as number)
  }
  return ids
}

async function jobsByIds(ids: number[]) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { id: { in: ids } },
    limit: ids.length,
    depth: 0,
  })
  return docs
}

describe('exclusive job claims', () => {
  it('lets concurrent runners split the work without running any job twice', async () => {
    const queue = `claims-${uniqueTag()}`
    const ids = await queueJobs(queue, 60)
    const runners = ['a', 'b', 'c', 'd'].map((name) => `${name}-${uniqueTag()}`)
    // Four runners at once, several rounds each, small batches so that they really interleave.
    await Promise.all(
      runners.map(async (runnerId) => {
        for (let round = 0; round < 10; round++) {
          await runClaimedRound(payload, { queues: [queue], batch: 5, runnerId })
        }
      }),
    )
    const jobs = await jobsByIds(ids)
    expect(jobs).toHaveLength(ids.length)
    expect(jobs.every((job) => job.completedAt)).toBe(true)
    // One log entry per job: each ran exactly once.
    expect(jobs.map((job) => (job.log ?? []).length)).toEqual(ids.map(() => 1))
    expect(new Set(jobs.map((job) => job.queue))).toEqual(new Set([queue]))
  })

  it('never hands one job to two claimers', async () => {
    const queue = `claims-${uniqueTag()}`
    const ids = await queueJobs(queue, 40)
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimJobs(pool(), queue, claimQueueName(queue, `r${i}`), 10),
      ),
    )
    const all = claims.flat()
    expect(all.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(all).size).toBe(all.length)
  })

  it('claims background jobs (a feed import) only after every other job of the queue', async () => {
    const queue = `claims-${uniqueTag()}`
    const program = await makeProgram(payload)
    const queueOne = async (background: boolean) =>
      (
        await payload.jobs.queue({
          task: 'searchSync',
          queue,
          input: { collection: 'programs', id: program.id, ...(background ? { background } : {}) },
        })
      ).id as number
    const bulk: number[] = []
    for (let i = 0; i < 5; i++) bulk.push(await queueOne(true))
    // An editor's change queued after the backlog.
    const editor = await queueOne(false)
    const first = await claimJobs(pool(), queue, claimQueueName(queue, 'r1'), 1)
    expect(first).toEqual([editor])
    // Then the backlog, oldest first (RETURNING lists them in no particular order).
    expect(await claimJobs(pool(), queue, claimQueueName(queue, 'r1'), 2)).toEqual(
      expect.arrayContaining(bulk.slice(0, 2)),
    )
    const rest = await claimJobs(pool(), queue, claimQueueName(queue, 'r1'), 10)
    expect(rest.sort((a, b) => a - b)).toEqual(bulk.slice(2))
  })

  it('queues the syncs of a feed import in the background lane, and an editor change ahead of them', async () => {
    const tag = uniqueTag()
    const items = [1, 2, 3]
      .map((n) => `<item><guid>bg-${tag}-${n}</guid><title>Item ${n}</title></item>`)
      .join('')
    const feed = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Backlog ${tag}</title>${items}</channel></rss>`,
    )
    const imported = await importFeed(payload, feed, {
      sourceUrl: `file:///backlog-${tag}`,
      publish: true,
      kind: 'podcast',
    })
    const { rows } = await pool().query<{ background: string | null }>(
      `SELECT input->>'background' AS background FROM payload_jobs
        WHERE task_slug = 'searchSync' AND input->>'collection' = 'episodes'
          AND (input->>'id')::int IN (SELECT id FROM episodes WHERE program_id = $1)`,
      [imported.programId],
    )
    expect(rows.length).toBeGreaterThanOrEqual(3)
    expect(rows.every((row) => row.background === 'true')).toBe(true)
    const edited = await makeProgram(payload, 'published')
    const { rows: mine } = await pool().query<{ background: string | null }>(
      `SELECT input->>'background' AS background FROM payload_jobs
        WHERE task_slug = 'searchSync' AND input->>'collection' = 'programs' AND (input->>'id')::int = $1`,
      [edited.id],
    )
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((row) => row.background === null)).toBe(true)
  })

  it('gives the jobs of a runner that died back to the queue once its lease expires', async () => {
    const queue = `claims-${uniqueTag()}`
    const ids = await queueJobs(queue, 5)
    // A runner claims the jobs, marks them processing and dies without a word.
    const dead = claimQueueName(queue, 'dead-runner')
    expect(await claimJobs(pool(), queue, dead, 10)).toHaveLength(5)
    await pool().query(
      `UPDATE payload_jobs SET processing = true, updated_at = now() - interval '10 minutes' WHERE queue = $1`,
      [dead],
    )

    expect(await runClaimedRound(payload, { queues: [queue], runnerId: 'alive' })).toBe(0)
    expect(await reapExpiredClaims(pool(), 60_000)).toBeGreaterThanOrEqual(5)
    expect(await runClaimedRound(payload, { queues: [queue], runnerId: 'alive' })).toBe(5)
    const jobs = await jobsByIds(ids)
    expect(jobs).toHaveLength(5)
    expect(jobs.every((job) => job.completedAt)).toBe(true)
  })

  it('leaves the claims of a live runner alone: renewing keeps them from expiring', async () => {
    const queue = `claims-${uniqueTag()}`
    await queueJobs(queue, 3)
    const live = claimQueueName(queue, 'live-runner')
    await claimJobs(pool(), queue, live, 10)
    // Long-running work: the claims are older than the lease, but the runner renews them.
    await pool().query(
      `UPDATE payload_jobs SET updated_at = now() - interval '10 minutes' WHERE queue = $1`,
      [live],
    )
    await renewClaims(pool(), live)
    await reapExpiredClaims(pool(), 60_000)
    const { rows } = await pool().query(
      'SELECT count(*)::int AS n FROM payload_jobs WHERE queue = $1',
      [live],
    )
    expect(rows[0].n).toBe(3)
  })

  it('prunes finished jobs past their retention and keeps failed ones', async () => {
    const queue = `claims-${uniqueTag()}`
    const [done, recent, failed] = await queueJobs(queue, 3)
    await pool().query(
      `UPDATE payload_jobs SET completed_at = now() - interval '2 days' WHERE id = $1`,
      [done],
    )
    await pool().query(`UPDATE payload_jobs SET completed_at = now() WHERE id = $1`, [recent])
    await pool().query(
      `UPDATE payload_jobs SET has_error = true, updated_at = now() - interval '2 days' WHERE id = $1`,
      [failed],
    )
    expect(await pruneFinishedJobs(pool(), 24 * 3600 * 1000)).toBeGreaterThanOrEqual(1)
    expect((await jobsByIds([done!, recent!, failed!])).map((job) => job.id).sort()).toEqual(
      [recent, failed].sort(),
    )
  })

  it('completes the jobs of a worker process killed with SIGKILL', async () => {
    const queue = 'search'
    const program = await makeProgram(payload)
    const ids: number[] = []
    for (let i = 0; i < 200; i++) {
      const job = await payload.jobs.queue({
        task: 'searchSync',
        queue,
        input: { collection: 'programs', id: program.id },
      })
      ids.push(job.id as number)
    }
    const worker = spawn(process.execPath, [compiledEntry('worker')], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', JOBS_LEASE_MS: '2000', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    })
    // Kill it as soon as it has claimed work.
    const deadline = Date.now() + 120_000
    let claimedAtKill = 0
    while (Date.now() < deadline && claimedAtKill === 0) {
      const { rows } = await pool().query(
        `SELECT count(*)::int AS n FROM payload_jobs WHERE queue LIKE 'search:claimed:%' AND completed_at IS NULL`,
      )
      claimedAtKill = rows[0].n
      if (claimedAtKill === 0) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    worker.kill('SIGKILL')
    expect(claimedAtKill).toBeGreaterThan(0)
    await new Promise((resolve) => worker.once('exit', resolve))

    // Another runner reaps the expired claims and finishes everything.
    const finish = Date.now() + 180_000
    let reaped = 0
    while (Date.now() < finish) {
      reaped += await reapExpiredClaims(pool(), 2000)
      await runClaimedRound(payload, { queues: [queue], batch: 200, runnerId: 'rescuer' })
      const done = (await jobsByIds(ids)).filter((job) => job.completedAt).length
      if (done === ids.length) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const jobs = await jobsByIds(ids)
    expect(jobs).toHaveLength(ids.length)
    expect(jobs.filter((job) => !job.completedAt)).toEqual([])
    // Some of them came back only because the dead worker's claims were reaped.
    expect(reaped).toBeGreaterThan(0)
  }, 600_000)
})

describe('request ids in jobs', () => {
  it('every configured task runs in the request context of the request that queued it', () => {
    // schedulePublish is Payload's own (added after plugins run); its jobs carry no request id.
    const tasks = (payload.config.jobs.tasks ?? []).filter((t) => t.slug !== 'schedulePublish')
    expect(tasks.map((task) => task.slug).sort()).toEqual(
      ['ingestSource', 'searchSync', 'sweepOrphanMedia'].sort(),
    )
    expect(tasks.filter((task) => !restoresRequestContext(task)).map((t) => t.slug)).toEqual([])
  })
})
