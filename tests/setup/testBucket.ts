/**
 * The run's own bucket on the local S3 server (S3Proxy, started by `npm test` through
 * scripts/services/s3proxy.sh). TEST_S3_ENDPOINT points elsewhere (e.g. MinIO) if wanted.
 */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'

import { S3_COMPATIBILITY } from '../../src/media/storage'

export const TEST_S3 = {
  endpoint: process.env.TEST_S3_ENDPOINT ?? `http://127.0.0.1:${process.env.S3PROXY_PORT ?? 9390}`,
  region: 'us-east-1',
  accessKeyId: process.env.S3PROXY_ACCESS_KEY_ID ?? 'mediamesh',
  secretAccessKey: process.env.S3PROXY_SECRET_ACCESS_KEY ?? 'mediamesh-secret',
}

/** The environment that points a host (or the in-process Payload) at `bucket`. */
export function testS3Env(bucket: string): Record<string, string> {
  return {
    S3_BUCKET: bucket,
    S3_ENDPOINT: TEST_S3.endpoint,
    S3_REGION: TEST_S3.region,
    S3_ACCESS_KEY_ID: TEST_S3.accessKeyId,
    S3_SECRET_ACCESS_KEY: TEST_S3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  }
}

export function testS3Client(): S3Client {
  return new S3Client({
    endpoint: TEST_S3.endpoint,
    region: TEST_S3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey },
    ...S3_COMPATIBILITY,
  })
}

export async function createTestBucket(bucket: string): Promise<void> {
  const client = testS3Client()
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }))
  } finally {
    client.destroy()
  }
}

/** Every object key in `bucket`. */
export async function listKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    )
    keys.push(...(page.Contents ?? []).map((object) => object.Key!))
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys
}

export async function dropTestBucket(bucket: string): Promise<void> {
  const client = testS3Client()
  try {
    const keys = await listKeys(client, bucket)
    for (const Key of keys) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }))
    await client.send(new DeleteBucketCommand({ Bucket: bucket }))
  } finally {
    client.destroy()
  }
}
