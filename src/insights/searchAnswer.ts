/**
 * What insights need from a search answer (result count, relaxed, interpreted filters), read from
 * the answer as it was cached, so a search served from either cache level counts like a computed
 * one. The body is parsed once per cached answer object (memory hits return the same object), not
 * once per request.
 */
import type { Locale } from '../search/locales'
import type { SearchRecord } from './types'

interface AnswerFacts {
  total: number
  relaxed: boolean
  filters: Record<string, unknown> | null
}

const facts = new WeakMap<object, AnswerFacts | null>()

function factsOf(answer: { body: string }): AnswerFacts | null {
  let known = facts.get(answer)
  if (known !== undefined) return known
  known = null
  try {
    const body = JSON.parse(answer.body) as {
      total?: unknown
      relaxed?: unknown
      interpretation?: { filters?: unknown } | null
    }
    if (typeof body.total === 'number') {
      const filters = body.interpretation?.filters
      known = {
        total: body.total,
        relaxed: body.relaxed === true,
        filters:
          filters && typeof filters === 'object' ? (filters as Record<string, unknown>) : null,
      }
    }
  } catch {
    // not a search body: nothing to count
  }
  facts.set(answer, known)
  return known
}

/**
 * The search to count for a request and its answer; null when it is not one: no words, or a
 * further page of a search already counted (`cursor`).
 */
export function searchRecordOf(
  params: { q?: string; locale: Locale; cursor?: string },
  answer: { body: string },
): SearchRecord | null {
  if (!params.q || params.cursor) return null
  const known = factsOf(answer)
  if (!known) return null
  return { query: params.q, locale: params.locale, ...known }
}
