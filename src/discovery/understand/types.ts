import type { SearchParams } from '../schemas'

/**
 * What the parser read out of a query, named exactly like the search parameters. `format`,
 * `language` and `category` are arrays (any of them matches), as in `SearchParams`.
 */
export type InterpretedFilters = Partial<
  Pick<
    SearchParams,
    | 'type'
    | 'format'
    | 'language'
    | 'category'
    | 'minDuration'
    | 'maxDuration'
    | 'publishedAfter'
    | 'sort'
  >
>

/** Which words of the query (offsets into the original string) became which filter value. */
export interface InterpretationSpan {
  text: string
  start: number
  end: number
  filter: keyof InterpretedFilters
  value: string | number
}

export interface Interpretation {
  /** What is left to search for, in the user's own spelling. Empty: a filtered browse. */
  text: string
  filters: InterpretedFilters
  spans: InterpretationSpan[]
}

/** The catalogue words the parser recognises; `names` holds a category's name in every locale. */
export interface Vocabulary {
  categories: { slug: string; names: string[] }[]
}
