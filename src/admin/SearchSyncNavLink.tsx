import React from 'react'

/** Link to the search sync view, below the collections in the admin navigation. */
export function SearchSyncNavLink() {
  return (
    <a href="/admin/search-sync" style={{ display: 'block', padding: '4px 0' }}>
      Search sync
    </a>
  )
}
