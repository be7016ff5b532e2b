import { expect } from '@jest/globals'

import type { JsonResponse } from './http'

/**
 * What every error of MediaMesh's own routes must look like: RFC 9457 problem details with the
 * extension members clients read (`code`, `details`, `requestId`, and the older `error` object).
 */
export function expectProblem(
  answer: Pick<JsonResponse, 'status' | 'headers' | 'body'>,
  status: number,
  code: string,
  details?: unknown,
): void {
  expect(answer.status).toBe(status)
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const withDetails = details === undefined ? {} : { details }
  expect(answer.body).toEqual({
    type: `/discovery/docs/problems#${code}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: expect.stringMatching(/^\//),
    code,
    ...withDetails,
    requestId: expect.any(String),
    error: { code, message: answer.body.detail, ...withDetails },
  })
}
