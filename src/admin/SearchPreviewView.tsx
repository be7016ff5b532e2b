import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminPage } from './AdminPage'

import { isStaffUser } from '../access/roles'
import { SearchPreviewPanel } from './SearchPreviewPanel'

/** Admin view at /admin/search-preview: type a query, see how discovery understands and ranks it. */
export function SearchPreviewView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  return (
    <AdminPage
      initPageResult={initPageResult}
      params={params}
      searchParams={searchParams}
      title="Search preview"
    >
      {isStaffUser(req.user) ? (
        <>
          <p>
            What the public discovery search answers, and why: the interpretation, the synonyms and
            promotions applied, and each result&apos;s score and matched fields.
          </p>
          <SearchPreviewPanel />
        </>
      ) : (
        <p>Only editors and admins can preview search.</p>
      )}
    </AdminPage>
  )
}
