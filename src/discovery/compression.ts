/**
 * Compressed representations of discovery answers: brotli or gzip when the client accepts them,
 * made once per cached answer (or fixed document) and reused by every hit after it, never per
 * request. Each coding is its own representation with its own strong ETag (`"<hash>.br"`), as RFC
 * 9110 §8.8.3 asks, and answers carry `Vary: Accept-Encoding` so shared caches keep them apart.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Coding = 'br' | 'gzip'

/** Smaller bodies gain too little to pay for the headers and the CPU. */
export const COMPRESS_FROM_BYTES = 1024

/** Per body: its encodings, filled on first use. */
export type Encodings = Partial<Record<Coding, Buffer>>

/**
 * The coding to answer with for an `Accept-Encoding` header (RFC 9110 §12.5.3): brotli when it is
 * accepted at least as much as gzip, else gzip; none when neither has a q-value above 0.
 */
export function preferredCoding(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    if (!name) continue
    const q = params.find((param) => param.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const weight = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return undefined
}

/** The ETag of `etag`'s representation in `coding`: `"abc"` → `"abc.br"`. */
export function codedEtag(etag: string, coding: Coding | undefined): string {
  return coding ? `${etag.slice(0, -1)}.${coding}"` : etag
}

/** `bytes` in `coding`, compressed on first use and kept in `encodings`. */
export function encoded(bytes: Buffer, coding: Coding, encodings: Encodings): Buffer {
  let body = encodings[coding]
  if (!body) {
    // Brotli quality 5: close to gzip's speed with smaller output (11, the default, is ~20x slower).
    body =
      coding === 'br'
        ? brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          })
        : gzipSync(bytes)
    encodings[coding] = body
  }
  return body
}
