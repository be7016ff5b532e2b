/**
 * The place uploaded files live, as the orphan sweep and failure clean-up see it: list what is
 * stored, delete by name. Payload (and @payloadcms/storage-s3) write, serve and delete files for
 * documents; this only exists for files no document owns.
 */
import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import {
  DeleteObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'

import { mediaMeshOptions } from '../lib/mediaMeshOptions'

export interface StoredFile {
  filename: string
  lastModified: Date
}

export interface MediaStore {
  readonly kind: 'local' | 's3'
  /** Every stored file, in pages. */
  list(): AsyncIterable<StoredFile[]>
  remove(filenames: string[]): Promise<void>
}

/** The local folder uploads go to without S3 (`media.dir`, default `media/`). */
export const mediaDirectory = () => path.resolve(mediaMeshOptions().media.dir)

function localStore(directory: string): MediaStore {
  return {
    kind: 'local',
    async *list() {
      const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[]
        throw error
      })
      const files: StoredFile[] = []
      for (const filename of names) {
        if (filename.startsWith('.')) continue
        const info = await stat(path.join(directory, filename)).catch(() => null)
        if (info?.isFile()) files.push({ filename, lastModified: info.mtime })
      }
      yield files
    },
    async remove(filenames) {
      await Promise.all(
        filenames.map((filename) =>
          rm(path.join(directory, path.basename(filename)), { force: true }),
        ),
      )
    },
  }
}

/**
 * Checksums only where S3 requires them. Newer AWS SDKs add CRC checksums (streamed with trailers)
 * to every upload by default, which S3-compatible servers (S3Proxy, older MinIO, some CDNs' stores)
 * refuse as "not implemented"; AWS itself accepts both.
 */
export const S3_COMPATIBILITY = {
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
} as const

let s3Client: S3Client | undefined

/** One S3 client per process for our own calls (the storage plugin keeps its own). */
export function mediaS3Client(): S3Client {
  const s3 = mediaMeshOptions().media.s3
  if (!s3) throw new Error('S3 storage is not configured (no media.s3 option)')
  s3Client ??= new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: s3.credentials,
    ...S3_COMPATIBILITY,
  })
  return s3Client
}

function s3Store(): MediaStore {
  const s3 = mediaMeshOptions().media.s3!
  const keyPrefix = s3.prefix ? `${s3.prefix}/` : ''
  return {
    kind: 's3',
    async *list() {
      let token: string | undefined
      do {
        const page = await mediaS3Client().send(
          new ListObjectsV2Command({
            Bucket: s3.bucket,
            Prefix: keyPrefix || undefined,
            ContinuationToken: token,
          }),
        )
        yield (page.Contents ?? [])
          .filter((object) => object.Key && !object.Key.slice(keyPrefix.length).includes('/'))
          .map((object) => ({
            filename: object.Key!.slice(keyPrefix.length),
            lastModified: object.LastModified ?? new Date(0),
          }))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    },
    // One DeleteObject per file: the batch call needs a checksum header that S3-compatible servers
    // do not all implement, and the sweep deletes few files.
    async remove(filenames) {
      for (let i = 0; i < filenames.length; i += 20) {
        await Promise.all(
          filenames
            .slice(i, i + 20)
            .map((filename) =>
              mediaS3Client().send(
                new DeleteObjectCommand({ Bucket: s3.bucket, Key: `${keyPrefix}${filename}` }),
              ),
            ),
        )
      }
    },
  }
}

/** The store this process is configured for: S3 when `media.s3` is set, else the local folder. */
export function mediaStore(): MediaStore {
  return mediaMeshOptions().media.s3 ? s3Store() : localStore(mediaDirectory())
}

/** Readiness of S3 storage: the bucket answers (HEAD). Only meaningful when S3 is configured. */
export async function checkS3Storage(): Promise<void> {
  await mediaS3Client().send(
    new HeadBucketCommand({ Bucket: mediaMeshOptions().media.s3!.bucket }),
    {
      abortSignal: AbortSignal.timeout(1500),
    },
  )
}
