'use client'
import React, { useState } from 'react'

interface PreviewResult {
  id: string
  title: string | null
  type: string
  promoted?: true
}

interface Preview {
  total: number
  relaxed: boolean
  didYouMean: string | null
  interpretation: { text: string; filters: Record<string, unknown> } | null
  results: PreviewResult[]
  why: {
    synonyms: string[][]
    promoted: string[]
    exactTitle: string[]
    scores: Record<string, { score: number | null; matchedFields: string[] }>
  }
}

/** The query box and the answer, fetched from /api/search-preview with the admin session. */
export function SearchPreviewPanel() {
  const [q, setQ] = useState('')
  const [locale, setLocale] = useState('en')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState('')

  async function run(event: React.FormEvent) {
    event.preventDefault()
    setError('')
    const query = new URLSearchParams({ q, locale, limit: '20' })
    const response = await fetch(`/api/search-preview?${query}`, { credentials: 'include' })
    const body = await response.json().catch(() => null)
    if (!response.ok) {
      setPreview(null)
      setError(body?.detail ?? body?.title ?? `Error ${response.status}`)
      return
    }
    setPreview(body as Preview)
  }

  return (
    <div data-testid="search-preview">
      <form onSubmit={run} style={{ display: 'flex', gap: 8, margin: '16px 0' }}>
        <input
          aria-label="Query"
          name="q"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          style={{ flex: 1, padding: 8 }}
        />
        <select aria-label="Locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
          <option value="en">English</option>
          <option value="ar">العربية</option>
        </select>
        <button type="submit">Search</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {preview ? (
        <>
          <p data-testid="preview-summary">
            {preview.total} results{preview.relaxed ? ' (relaxed: not every word matched)' : ''}
            {preview.didYouMean ? ` · did you mean “${preview.didYouMean}”?` : ''}
          </p>
          <p data-testid="preview-interpretation">
            Searched words: “{preview.interpretation?.text ?? q}” · filters:{' '}
            {JSON.stringify(preview.interpretation?.filters ?? {})}
          </p>
          {preview.why.synonyms.length ? (
            <p data-testid="preview-synonyms">
              Synonyms applied: {preview.why.synonyms.map((terms) => terms.join(' = ')).join('; ')}
            </p>
          ) : null}
          <table data-testid="preview-results" style={{ width: '100%' }}>
            <thead>
              <tr>
                <th align="left">#</th>
                <th align="left">Title</th>
                <th align="left">Type</th>
                <th align="left">Why</th>
                <th align="right">Score</th>
              </tr>
            </thead>
            <tbody>
              {preview.results.map((result, index) => {
                const score = preview.why.scores[result.id]
                const why = [
                  result.promoted ? 'promoted' : null,
                  preview.why.exactTitle.includes(result.id) ? 'exact title' : null,
                  score?.matchedFields.length ? `matched ${score.matchedFields.join(', ')}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
                return (
                  <tr key={result.id}>
                    <td>{index + 1}</td>
                    <td>{result.title}</td>
                    <td>{result.type}</td>
                    <td>{why || 'other words (typo, prefix, category, tag)'}</td>
                    <td align="right">{score?.score?.toFixed(2) ?? ''}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  )
}
