import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * Payload keeps localized fields in `<table>_locales` rows with a unique index on
 * (`_locale`, `_parent_id`). Reading one locale uses it; reading all locales at once
 * (`locale: 'all'`, which search sync and reindex do) looks rows up by `_parent_id` alone, which
 * that index cannot serve: with 100,000 episodes one page of the reindex took minutes. An index on
 * `_parent_id` of every locales table makes those lookups direct. Declared in the drizzle schema,
 * so migrations and dev schema push both know about it.
 */
export const indexLocaleParents: SchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales')) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        parentIdx: index(`${name}_parent_id_idx`).on(columns._parentID),
      }),
    })
  }
  return schema
}
