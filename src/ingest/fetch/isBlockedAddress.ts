import { isIPv4, isIPv6 } from 'node:net'

/**
 * Address ranges a feed fetch must never reach when it follows a URL someone else typed: anything
 * that is not a globally routable unicast address. Fetching `http://169.254.169.254/` (cloud
 * metadata) or `http://10.0.0.5:9200/` (our own Elasticsearch) from a feed URL is the classic SSRF.
 *
 * The list is deliberately wider than "private": reserved, documentation and benchmarking ranges are
 * not reachable on the public internet either, so refusing them costs nothing.
 */
const blockedIPv4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including 169.254.169.254 cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including 255.255.255.255 broadcast
]

/** IPv6 ranges refused outright, as [first groups, prefix length]. */
const blockedIPv6: ReadonlyArray<readonly [number[], number]> = [
  [[0, 0, 0, 0, 0, 0], 96], // ::/96: unspecified, loopback, deprecated IPv4-compatible
  [[0x64, 0xff9b, 1], 48], // local-use NAT64
  [[0x100, 0, 0, 0], 64], // discard-only
  [[0x2001, 0], 32], // Teredo: the tunnel endpoint is an IPv4 address we cannot vet
  [[0x2001, 2, 0], 48], // benchmarking
  [[0x2001, 0xdb8], 32], // documentation
  [[0xfc00], 7], // unique local (fc00::/7)
  [[0xfe80], 10], // link-local
  [[0xfec0], 10], // deprecated site-local
  [[0xff00], 8], // multicast
]

/**
 * Whether a feed fetch must refuse to connect to `ip`. Pure; accepts the textual forms `dns.lookup`
 * and the WHATWG URL parser produce (dotted-quad IPv4, any IPv6 spelling, with or without brackets
 * or a zone id). IPv4 embedded in IPv6 (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`) is judged by the IPv4 address it reaches. Anything that is not an IP address is
 * refused: callers must resolve names first, and failing closed is the safe default.
 */
export function isBlockedAddress(ip: string): boolean {
  const address = ip.trim().replace(/^\[(.*)\]$/, '$1')
  if (isIPv4(address)) return isBlockedIPv4(ipv4ToInt(address))
  const groups = parseIPv6(address.replace(/%.*$/, ''))
  if (!groups) return true

  // IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) carry the IPv4 address in the last 32 bits.
  if (hasPrefix(groups, [0, 0, 0, 0, 0, 0xffff], 96) || hasPrefix(groups, [0x64, 0xff9b], 96)) {
    return isBlockedIPv4(groups[6] * 0x10000 + groups[7])
  }
  // 6to4 (2002::/16) carries it in bits 16-47.
  if (groups[0] === 0x2002) return isBlockedIPv4(groups[1] * 0x10000 + groups[2])
  return blockedIPv6.some(([prefix, length]) => hasPrefix(groups, prefix, length))
}

function isBlockedIPv4(value: number): boolean {
  return blockedIPv4.some(([network, length]) => {
    const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0
    return (value & mask) >>> 0 === (ipv4ToInt(network) & mask) >>> 0
  })
}

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0)
}

/** Whether the first `length` bits of `groups` equal those of `prefix` (missing groups are 0). */
function hasPrefix(groups: number[], prefix: number[], length: number): boolean {
  for (let bit = 0; bit < length; bit += 16) {
    const take = Math.min(16, length - bit)
    const mask = (0xffff << (16 - take)) & 0xffff
    const index = bit / 16
    if (((groups[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false
  }
  return true
}

/** Eight 16-bit groups, or null if `address` is not an IPv6 address. */
function parseIPv6(address: string): number[] | null {
  if (!isIPv6(address)) return null
  let text = address.toLowerCase()
  // A trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const value = ipv4ToInt(dotted[1])
    text = `${text.slice(0, dotted.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const left = parse(head)
  if (tail === undefined) return left
  const right = parse(tail)
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
}
