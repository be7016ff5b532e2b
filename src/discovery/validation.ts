import type { z } from 'zod'

import { ApiError } from './errors'

export interface IssueDetail {
  path: string
  message: string
}

/** zod issues → `details` of a 400: which parameter, and what is wrong with it. */
export function issueDetails(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        path: issue.keys.join(','),
        message: `Unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`,
      }
    }
    return { path: issue.path.join('.') || '(root)', message: issue.message }
  })
}

/** Parses `input` with `schema`, or throws a 400 `invalid_<where>` listing every problem. */
export function validate<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'query' | 'path' | 'body',
): z.output<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const details = issueDetails(result.error)
  const message =
    where === 'body'
      ? 'The request body is invalid.'
      : `Invalid ${where === 'query' ? 'query parameter' : 'path parameter'}${details.length > 1 ? 's' : ''}: ${details.map((d) => d.path).join(', ')}.`
  throw new ApiError(400, `invalid_${where === 'path' ? 'path' : where}`, message, details)
}
