import React from 'react'

/** Link to the search preview, below the collections in the admin navigation. */
export function SearchPreviewNavLink() {
  return (
    <a href="/admin/search-preview" style={{ display: 'block', padding: '4px 0' }}>
      Search preview
    </a>
  )
}
