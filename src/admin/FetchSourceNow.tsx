'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/** "Fetch now" on a source's edit view: queues an immediate fetch-and-import run. */
export function FetchSourceNow() {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState('')
  if (!id) return null

  async function fetchNow() {
    const response = await fetch(`/api/sources/${id}/fetch`, {
      method: 'POST',
      credentials: 'include',
    })
    const json = await response.json().catch(() => ({}))
    setMessage(
      response.ok
        ? 'Queued: reload in a moment to see the status.'
        : (json.errors?.[0]?.message ?? `HTTP ${response.status}`),
    )
  }

  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Button buttonStyle="secondary" size="small" onClick={fetchNow}>
        Fetch now
      </Button>
      {message && <span>{message}</span>}
    </div>
  )
}
