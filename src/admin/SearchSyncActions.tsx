'use client'
import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { postAction } from './postAction'

/** Retry one failed job (with `jobId`), or all of them and reindex (without). */
export function SearchSyncActions({
  jobId,
  failedCount,
}: {
  jobId?: number
  failedCount?: number
}) {
  const router = useRouter()
  const [message, setMessage] = useState('')

  async function call(path: string, body?: object) {
    setMessage(
      await postAction(`/api/search-sync/${path}`, body ?? {}, (json) => JSON.stringify(json)),
    )
    router.refresh()
  }

  if (jobId !== undefined) {
    return (
      <Button buttonStyle="secondary" size="small" onClick={() => call('retry', { id: jobId })}>
        Retry
      </Button>
    )
  }
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
      <Button disabled={!failedCount} onClick={() => call('retry')}>
        Retry all failed
      </Button>
      <Button buttonStyle="secondary" onClick={() => call('reindex')}>
        Rebuild the search index
      </Button>
      {message && <span>{message}</span>}
    </div>
  )
}
