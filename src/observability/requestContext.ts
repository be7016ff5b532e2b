import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

/** What travels with a request into every piece of work it causes (logs, jobs, nested calls). */
export interface RequestContext {
  requestId: string
}

const storage = new AsyncLocalStorage<RequestContext>()

/** Runs `fn` with `context` visible to everything it awaits or schedules. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn)
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId
}

// Client-supplied ids are echoed into logs and headers, so only a safe, bounded shape is accepted.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The caller's `X-Request-Id` when it is well-formed, otherwise a new UUID. */
export function resolveRequestId(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header
  return candidate && ACCEPTABLE_REQUEST_ID.test(candidate) ? candidate : randomUUID()
}
