import { lookup, type LookupAddress } from 'node:dns'
import { isIP } from 'node:net'

import { FeedFetchError } from './FeedFetchError'

/** Decides whether an address may be connected to: true means refuse. */
export type AddressPolicy = (ip: string) => boolean

export interface FeedTarget {
  url: URL
  /** Host name as it goes in the Host header and TLS SNI: IPv6 literals without brackets. */
  hostname: string
  /** Every address the name resolved to, all of them vetted. The socket connects to one of these. */
  addresses: LookupAddress[]
}

/**
 * The check made before every request, the first and each redirect hop: parse `location` (relative
 * locations against `base`), allow only http and https, resolve the host name, and refuse if ANY
 * address is blocked, since the connection may end up on any of them.
 *
 * IP literals in odd spellings (`0x7f.0.0.1`, `2130706433`, `[::ffff:7f00:1]`) need no special
 * handling: the WHATWG URL parser normalises them to canonical form before they are checked.
 */
export async function resolveFeedTarget(
  location: string,
  isBlocked: AddressPolicy,
  base?: string,
): Promise<FeedTarget> {
  let url: URL
  try {
    url = new URL(location, base)
  } catch {
    throw new FeedFetchError('invalid-url', `Not a valid URL: ${JSON.stringify(location)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedFetchError(
      'unsupported-protocol',
      `Only http and https feeds can be fetched: ${url.protocol}`,
    )
  }

  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const family = isIP(hostname)
  const addresses = family ? [{ address: hostname, family }] : await resolveAll(hostname)
  const blocked = addresses.find(({ address }) => isBlocked(address))
  if (blocked) {
    throw new FeedFetchError(
      'blocked-address',
      `Refusing to fetch ${url.origin}: ${hostname} resolves to ${blocked.address}, which is not a public address`,
    )
  }
  return { url, hostname, addresses }
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error || addresses.length === 0) {
        const code = error?.code ?? 'no addresses'
        reject(
          new FeedFetchError('dns', `Could not resolve ${hostname} (${code})`, undefined, {
            cause: error,
          }),
        )
      } else {
        resolve(addresses)
      }
    })
  })
}
