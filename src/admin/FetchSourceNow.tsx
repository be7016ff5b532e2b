'use client'
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import { postAction } from './postAction'

/** "Fetch now" on a source's edit view: queues an immediate fetch-and-import run. */
export function FetchSourceNow() {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const [message, setMessage] = useState('')
  if (!id) return null

  async function fetchNow() {
    setMessage(
      await postAction(
        `${config.routes.api}/${collectionSlug}/${id}/fetch`,
        undefined,
        () => 'Queued: reload in a moment to see the status.',
      ),
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
