/**
 * One fetch-and-import run for a source: conditional GET, parse, import, and the outcome written
 * back to the source's status fields (last fetch, validators, counts, last error). A broken feed
 * (malformed XML, wrong content type, 404, timeout, too large) records a clear error on the source
 * and writes nothing else.
 */
import type { Payload } from 'payload'

import { getMediaMesh } from '../lib/mediaMeshOptions'
import { logger } from '../observability/logger'
import type { Source } from '../payload-types'
import { FeedFetchError } from './fetch/FeedFetchError'
import { fetchFeed } from './fetch/fetchFeed'
import { importFeed, type ImportResult } from './importFeed'
import { recordIngestRun } from './metrics'
import { FeedParseError } from './parse/FeedParseError'
import { parseFeed } from './parse/parseFeed'
import { slugOf } from '../lib/catalogueSlugs'

export type RunOutcome =
  | { status: 'not-modified' }
  | { status: 'imported'; result: ImportResult }
  | { status: 'failed'; error: string }

const idOf = (value: number | { id: number } | null | undefined) =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

function describe(error: unknown): string {
  if (error instanceof FeedFetchError) {
    return `${error.reason}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`
  }
  if (error instanceof FeedParseError) return `${error.reason}: ${error.message}`
  return `import failed: ${error instanceof Error ? error.message : String(error)}`
}

export async function runSource(
  payload: Payload,
  source: Source,
  {
    allowPrivateNetworks = getMediaMesh(payload).ingestion.allowPrivateNetworks,
    nextFetchAt,
  }: {
    allowPrivateNetworks?: boolean
    /** When the next scheduled run is due: recorded with the outcome, in the same write. */
    nextFetchAt?: Date
  } = {},
): Promise<RunOutcome> {
  const started = new Date()
  const done = <T extends RunOutcome>(outcome: T): T => {
    const seconds = (Date.now() - started.getTime()) / 1000
    recordIngestRun(outcome, seconds)
    // One line per run (failures also log their cause above), with the request id of what queued it.
    logger.info(
      {
        source: source.id,
        status: outcome.status,
        seconds,
        ...(outcome.status === 'imported' && {
          created: outcome.result.created,
          updated: outcome.result.updated,
          unchanged: outcome.result.unchanged,
        }),
      },
      'ingest run',
    )
    return outcome
  }
  const update = (data: Partial<Source>) =>
    payload.update({
      collection: slugOf(payload, 'sources'),
      id: source.id,
      data: nextFetchAt ? { ...data, nextFetchAt: nextFetchAt.toISOString() } : data,
      overrideAccess: true,
      context: { ingest: true },
    })
  try {
    const fetched = await fetchFeed(source.url, {
      etag: source.etag,
      lastModified: source.lastModified,
      timeoutMs: getMediaMesh(payload).ingestion.timeoutMs,
      maxBytes: getMediaMesh(payload).ingestion.maxBytes,
      allowPrivateNetworks,
    })
    if (fetched.status === 'not-modified') {
      await update({
        lastFetchedAt: started.toISOString(),
        lastSuccessAt: new Date().toISOString(),
        lastError: null,
      })
      return done({ status: 'not-modified' })
    }
    const feed = parseFeed(fetched.body)
    const result = await importFeed(payload, feed, {
      sourceUrl: source.url,
      programId: idOf(source.program),
      publish: Boolean(source.publish),
      language: source.language,
      defaultCategoryId: idOf(source.defaultCategory),
      kind: source.kind,
      allowPrivateNetworks,
    })
    if (result.cover.startsWith('failed')) {
      logger.warn({ source: source.id, cover: result.cover }, 'feed artwork not attached')
    }
    const skipped = Object.values(result.skipped).reduce((sum, n) => sum + n, 0)
    await update({
      program: result.programId,
      lastFetchedAt: started.toISOString(),
      lastSuccessAt: new Date().toISOString(),
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      itemsSeen: result.seen,
      itemsCreated: result.created,
      itemsUpdated: result.updated,
      itemsSkipped: skipped,
      skippedReasons: Object.entries(result.skipped)
        .map(([reason, count]) => `${reason}: ${count}`)
        .join('\n'),
      lastError: null,
    })
    return done({ status: 'imported', result })
  } catch (error) {
    const message = describe(error)
    logger.warn({ err: error, source: source.id, url: source.url }, 'ingest failed')
    await update({
      lastFetchedAt: started.toISOString(),
      lastError: message,
      lastErrorAt: new Date().toISOString(),
    }).catch(() => undefined)
    return done({ status: 'failed', error: message })
  }
}
