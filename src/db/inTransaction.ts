import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type RequestContext,
} from 'payload'

/**
 * Runs `work` with a fresh request that carries one database transaction: committed when `work`
 * resolves, rolled back when it throws. Pass the request to every Local API call inside.
 */
export async function inTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
  context: RequestContext = {},
): Promise<T> {
  // A copy: Payload uses the object as req.context and hooks write flags into it, so a context
  // shared by several calls would carry one transaction's flags into the next.
  const req = await createLocalReq({ context: { ...context } }, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
