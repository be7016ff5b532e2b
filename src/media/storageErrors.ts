import { type CollectionAfterErrorHook, FileUploadError } from 'payload'

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * Whether an error came from file storage rather than from the request: an S3 (AWS SDK) failure,
 * the network to it, or Payload's local-disk write failure (which it reports as a 400).
 */
export function isStorageError(error: unknown): boolean {
  if (error instanceof FileUploadError) return true
  const candidate = error as { $metadata?: unknown; code?: string; cause?: unknown } | null
  if (!candidate || typeof candidate !== 'object') return false
  if (candidate.$metadata !== undefined) return true
  if (candidate.code && NETWORK_CODES.has(candidate.code)) return true
  return (
    candidate.cause !== undefined && candidate.cause !== error && isStorageError(candidate.cause)
  )
}

/**
 * A storage outage during an upload is the server's problem, not the client's: 503 with a message
 * saying nothing was saved (the row was rolled back; written files are removed by
 * removeFilesOfFailedUpload or the sweep), instead of a 500 "Something went wrong" or a 400.
 */
export const storageErrorsAs503: CollectionAfterErrorHook = ({ error }) => {
  if (!isStorageError(error)) return
  return {
    status: 503,
    response: {
      errors: [
        {
          message:
            'File storage is unavailable right now; nothing was saved. Try the upload again shortly.',
        },
      ],
    },
  }
}
