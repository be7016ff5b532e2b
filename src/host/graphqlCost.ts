import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

export interface GraphqlLimits {
  /** Root fields (aliases included) over all operations of the document. */
  maxRootFields: number
  /** Estimated cost (see `analyseGraphql`). */
  maxCost: number
  /** Nesting depth of selections, fragments expanded. */
  maxDepth: number
}

export interface RootField {
  operation: 'query' | 'mutation' | 'subscription'
  /** The schema field (`loginUser`), not its alias. */
  name: string
  /** Its arguments with variables filled in. */
  args: Record<string, unknown>
}

export interface GraphqlAnalysis {
  rootFields: RootField[]
  cost: number
  depth: number
}

/** Every root field is at least one database query behind access control. */
export const ROOT_FIELD_COST = 25
/** Payload's page size when a list query gives no `limit`; and the most a staff page returns. */
const DEFAULT_PAGE = 10
const MAX_PAGE = 1000

/**
 * What a GraphQL document would cost, before anything runs: its root fields (each one a query or a
 * write: aliases multiply them) and an estimate of the work, where each selected field costs 1
 * times the number of documents the lists above it may return (`limit` arguments; a root list
 * without one returns a page of 10). Fragments are expanded; a fragment cycle (invalid anyway)
 * stops expanding.
 */
export function analyseGraphql(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): GraphqlAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition)
  }
  const rootFields: RootField[] = []
  let cost = 0
  let depth = 0

  /** Fields of a selection set with fragments and inline fragments expanded. */
  const fieldsOf = (set: SelectionSetNode, seen: ReadonlySet<string>): FieldNode[] =>
    set.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection]
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, seen)
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || seen.has(name)) return []
      return fieldsOf(fragment.selectionSet, new Set([...seen, name]))
    })

  const walk = (set: SelectionSetNode, multiplier: number, level: number, seen: Set<string>) => {
    depth = Math.max(depth, level)
    for (const field of fieldsOf(set, seen)) {
      cost += multiplier
      if (field.selectionSet) {
        walk(field.selectionSet, multiplier * listFactor(field, variables, false), level + 1, seen)
      }
    }
  }

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    for (const field of fieldsOf(definition.selectionSet, new Set())) {
      rootFields.push({
        operation: definition.operation,
        name: field.name.value,
        args: argumentsOf(field, variables),
      })
      cost += ROOT_FIELD_COST
      depth = Math.max(depth, 1)
      if (field.selectionSet)
        walk(field.selectionSet, listFactor(field, variables, true), 2, new Set())
    }
  }
  return { rootFields, cost, depth }
}

/** The first limit this document breaks, as a sentence naming the setting, or undefined. */
export function graphqlLimitExceeded(
  analysis: GraphqlAnalysis,
  limits: GraphqlLimits,
): string | undefined {
  if (analysis.rootFields.length > limits.maxRootFields) {
    return `The query has ${analysis.rootFields.length} root fields (aliases included); at most ${limits.maxRootFields} are allowed (GRAPHQL_MAX_ROOT_FIELDS).`
  }
  if (analysis.depth > limits.maxDepth) {
    return `The query is nested ${analysis.depth} levels deep; at most ${limits.maxDepth} are allowed (GRAPHQL_MAX_DEPTH).`
  }
  if (analysis.cost > limits.maxCost) {
    return `The query's estimated cost is ${analysis.cost}; at most ${limits.maxCost} is allowed (GRAPHQL_MAX_COST). Ask for fewer documents, fields or aliases.`
  }
  return undefined
}

function argumentsOf(
  field: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  for (const argument of field.arguments ?? []) {
    try {
      args[argument.name.value] = valueFromASTUntyped(argument.value, variables)
    } catch {
      args[argument.name.value] = undefined
    }
  }
  return args
}

/** How many documents a field's list may return: its `limit`, or a page for a root list. */
function listFactor(field: FieldNode, variables: Record<string, unknown>, root: boolean): number {
  const limit = argumentsOf(field, variables).limit
  if (limit !== undefined) {
    const value = Number(limit)
    // 0 (or anything odd) means "all" to Payload: clamped to a page (src/hooks/clampReadLimits.ts).
    return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), MAX_PAGE) : MAX_PAGE
  }
  const listsDocs = field.selectionSet?.selections.some(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === 'docs',
  )
  return root && listsDocs ? DEFAULT_PAGE : 1
}
