/**
 * Jobs carry the request id of the request that queued them (`input.requestId`), and every log line
 * written while the job runs carries it too: each task's handler runs inside that request's async
 * context. Jobs a job queues inherit the id, so a whole chain (a publish, its search syncs; an
 * ingestion run, its imported episodes' syncs) can be followed from one id in the logs.
 */
import type { Config, TaskConfig, TaskHandler } from 'payload'

import { runWithRequestContext } from '../observability/requestContext'

const WRAPPED = Symbol.for('mediamesh.jobs.requestContext')

// `any`: the wrapper serves every task, whatever its input and output types.
type Handler = TaskHandler<any> & { [WRAPPED]?: true } // eslint-disable-line @typescript-eslint/no-explicit-any

/** The id a job's input carries, when it is a usable one. */
function requestIdOf(input: unknown): string | undefined {
  const value = (input as { requestId?: unknown } | undefined)?.requestId
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `handler`, run inside the async context of the request id its job's input carries. */
export function inJobRequestContext(handler: Handler): Handler {
  if (handler[WRAPPED]) return handler
  const wrapped: Handler = (args) => {
    const requestId = requestIdOf(args.input)
    return requestId ? runWithRequestContext({ requestId }, () => handler(args)) : handler(args)
  }
  wrapped[WRAPPED] = true
  return wrapped
}

/** Whether a task's handler restores its job's request context (for tests). */
export function restoresRequestContext(task: TaskConfig): boolean {
  return typeof task.handler === 'function' && (task.handler as Handler)[WRAPPED] === true
}

/** Config transform: every task's handler runs in its job's request context. Apply last. */
export const jobRequestContext =
  () =>
  (config: Config): Config => ({
    ...config,
    jobs: config.jobs && {
      ...config.jobs,
      tasks: (config.jobs.tasks ?? []).map((task) =>
        typeof task.handler === 'function'
          ? { ...task, handler: inJobRequestContext(task.handler as Handler) }
          : task,
      ),
    },
  })
