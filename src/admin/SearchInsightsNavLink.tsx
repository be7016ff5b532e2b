import React from 'react'

/** Link to the search insights view, below the collections in the admin navigation. */
export function SearchInsightsNavLink() {
  return (
    <a href="/admin/search-insights" style={{ display: 'block', padding: '4px 0' }}>
      Search insights
    </a>
  )
}
