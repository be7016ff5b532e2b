/**
 * Redis layout of search insights, shared by the recorder (writes) and the flush (reads):
 *
 * - `<prefix>h:<hour>`: one hash per hour. Fields `<metric>|<locale>\x1f<query>`, metrics
 *   n (searches), z (zero results), r (relaxed), c (clicks), p (sum of click positions) counted
 *   with HINCRBY, t (latest result count) and f (latest filters, JSON) set.
 * - `<prefix>seen:<hour>`: the set of (locale, query) ids counted this hour, for the cap. It is not
 *   moved by flushes, so the cap holds for the whole hour whatever the flush interval.
 *
 * Both scripts run atomically in Redis: `record` checks the cap and counts in one step (instances
 * share the cap); `take` renames an hour's hash to a name only its caller knows and reads it, so
 * two flushers can never both read (and write to Postgres) the same counts.
 */
import type { Redis } from 'ioredis'

import { emptyCounts, type InsightCounts, type InsightRow } from './types'

/** Hashes not flushed within this time are dropped by Redis (no flusher is running). */
export const BUCKET_TTL_MS = 48 * 3_600_000
const SEEN_TTL_MS = 3 * 3_600_000

export const ID_SEPARATOR = '\u001f'
export const idOf = (locale: string, query: string) => `${locale}${ID_SEPARATOR}${query}`

const RECORD = `
local id = ARGV[1]
if redis.call('SISMEMBER', KEYS[2], id) == 0 then
  if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[2]) then
    id = ARGV[11]
  else
    redis.call('SADD', KEYS[2], id)
    redis.call('PEXPIRE', KEYS[2], ARGV[12])
  end
end
local metrics = { 'n', 'z', 'r', 'c', 'p' }
for i, name in ipairs(metrics) do
  local value = tonumber(ARGV[2 + i])
  if value ~= 0 then redis.call('HINCRBY', KEYS[1], name .. '|' .. id, value) end
end
if id == ARGV[1] then
  if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], 't|' .. id, ARGV[8]) end
  if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'f|' .. id, ARGV[9]) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[10])
return id == ARGV[1] and 1 or 0
`

const TAKE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return redis.call('HGETALL', KEYS[2])
`

type InsightsCommands = Redis & {
  insightsRecord(hash: string, seen: string, ...args: (string | number)[]): Promise<number>
  insightsTake(hash: string, taken: string, keepMs: number): Promise<string[]>
}

/** The client with the two scripts defined (EVALSHA, loaded on first use). */
export function withScripts(client: Redis): InsightsCommands {
  const commands = client as InsightsCommands
  if (typeof commands.insightsRecord !== 'function') {
    client.defineCommand('insightsRecord', { numberOfKeys: 2, lua: RECORD })
    client.defineCommand('insightsTake', { numberOfKeys: 2, lua: TAKE })
  }
  return commands
}

export const hourKey = (prefix: string, hour: number) => `${prefix}h:${hour}`
export const seenKey = (prefix: string, hour: number) => `${prefix}seen:${hour}`

/** Queues the counting of one row on a pipeline (or the client) of `withScripts`. */
export function recordRow(
  target: Pick<InsightsCommands, 'insightsRecord'>,
  prefix: string,
  maxQueriesPerHour: number,
  hour: number,
  id: string,
  counts: InsightCounts,
): Promise<number> {
  const locale = id.slice(0, id.indexOf(ID_SEPARATOR))
  return target.insightsRecord(
    hourKey(prefix, hour),
    seenKey(prefix, hour),
    id,
    maxQueriesPerHour,
    counts.searches,
    counts.zeroResults,
    counts.relaxed,
    counts.clicks,
    counts.positionSum,
    counts.lastTotal === null ? '' : counts.lastTotal,
    counts.filters ?? '',
    BUCKET_TTL_MS,
    idOf(locale, ''),
    SEEN_TTL_MS,
  )
}

const METRICS: Record<string, keyof InsightCounts> = {
  n: 'searches',
  z: 'zeroResults',
  r: 'relaxed',
  c: 'clicks',
  p: 'positionSum',
  t: 'lastTotal',
  f: 'filters',
}

/** Rows of one hour's hash as HGETALL returns it (flat field, value list). */
export function rowsOfHash(hour: number, flat: string[]): InsightRow[] {
  const rows = new Map<string, InsightRow>()
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const field = flat[i]!
    const value = flat[i + 1]!
    const bar = field.indexOf('|')
    const metric = METRICS[field.slice(0, bar)]
    const id = field.slice(bar + 1)
    const separator = id.indexOf(ID_SEPARATOR)
    if (!metric || separator < 0) continue
    let row = rows.get(id)
    if (!row) {
      row = {
        hour,
        locale: id.slice(0, separator),
        query: id.slice(separator + 1),
        ...emptyCounts(),
      }
      rows.set(id, row)
    }
    if (metric === 'filters') row.filters = value
    else row[metric] = Number(value)
  }
  return [...rows.values()]
}
