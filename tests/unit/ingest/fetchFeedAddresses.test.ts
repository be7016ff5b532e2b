import { describe, expect, it } from '@jest/globals'

import { isBlockedAddress } from '../../../src/ingest/fetch/fetchFeed'
import { resolveFeedTarget } from '../../../src/ingest/fetch/resolveFeedTarget'

/** How the URL parser spells a host, which is what the fetcher checks. */
const hostOf = (url: string) => new URL(url).hostname

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['fd00::1', 'unique local'],
    ['fc00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with zone'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'Teredo'],
    [hostOf('http://0x7f.0.0.1/'), 'hex IPv4 normalised by URL'],
    [hostOf('http://2130706433/'), 'decimal IPv4 normalised by URL'],
    [hostOf('http://0177.0.0.1/'), 'octal IPv4 normalised by URL'],
    [hostOf('http://127.1/'), 'short IPv4 normalised by URL'],
    [hostOf('http://[::ffff:127.0.0.1]/'), 'IPv4-mapped normalised by URL'],
    ['example.com', 'not an address: fail closed'],
    ['', 'empty: fail closed'],
    ['0x7f.0.0.1', 'unnormalised form: fail closed'],
  ])('blocks %s (%s)', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true)
  })

  it.each([
    ['8.8.8.8', 'public IPv4'],
    ['1.1.1.1', 'public IPv4'],
    ['172.15.255.255', 'just below 172.16/12'],
    ['172.32.0.0', 'just above 172.16/12'],
    ['100.63.255.255', 'just below CGNAT'],
    ['100.128.0.0', 'just above CGNAT'],
    ['169.253.255.255', 'just below link-local'],
    ['11.0.0.1', 'just above 10/8'],
    ['223.255.255.255', 'just below multicast'],
    ['2001:4860::8888', 'public IPv6'],
    ['2001:4860:4860::8888', 'public IPv6'],
    ['2606:4700:4700::1111', 'public IPv6'],
    ['::ffff:8.8.8.8', 'IPv4-mapped public'],
    ['64:ff9b::808:808', 'NAT64 of 8.8.8.8'],
    ['2002:808:808::1', '6to4 of 8.8.8.8'],
    ['fbff:ffff::1', 'just below fc00::/7'],
  ])('allows %s (%s)', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false)
  })
})

describe('resolveFeedTarget (the check made on every hop)', () => {
  it.each([
    'http://127.0.0.1/feed.xml',
    'http://localhost/feed.xml',
    'http://0x7f.0.0.1/feed.xml',
    'http://2130706433/feed.xml',
    'http://[::ffff:127.0.0.1]/feed.xml',
    'http://[::1]:8080/feed.xml',
    'https://169.254.169.254/latest/meta-data/',
    'http://[fd00::1]/',
  ])('refuses %s', async (url) => {
    await expect(resolveFeedTarget(url, isBlockedAddress)).rejects.toMatchObject({
      reason: 'blocked-address',
    })
  })

  it('allows a public address literal and connects to exactly that address', async () => {
    const target = await resolveFeedTarget('https://8.8.8.8/feed.xml', isBlockedAddress)
    expect(target.hostname).toBe('8.8.8.8')
    expect(target.addresses).toEqual([{ address: '8.8.8.8', family: 4 }])
  })

  it('strips the brackets from an IPv6 literal', async () => {
    const target = await resolveFeedTarget('http://[2001:4860::8888]/', isBlockedAddress)
    expect(target.hostname).toBe('2001:4860::8888')
    expect(target.addresses).toEqual([{ address: '2001:4860::8888', family: 6 }])
  })

  it('resolves a relative redirect against the current URL before checking it', async () => {
    const target = await resolveFeedTarget(
      '../other.xml?a=1',
      isBlockedAddress,
      'http://8.8.8.8/a/b/feed.xml',
    )
    expect(target.url.href).toBe('http://8.8.8.8/a/other.xml?a=1')
  })

  it('refuses a relative redirect that lands on a blocked host', async () => {
    await expect(
      resolveFeedTarget('//127.0.0.1/feed.xml', isBlockedAddress, 'http://8.8.8.8/feed.xml'),
    ).rejects.toMatchObject({ reason: 'blocked-address' })
  })

  it.each(['ftp://8.8.8.8/feed.xml', 'file:///etc/passwd', 'gopher://8.8.8.8/'])(
    'refuses %s as an unsupported protocol',
    async (url) => {
      await expect(resolveFeedTarget(url, isBlockedAddress)).rejects.toMatchObject({
        reason: 'unsupported-protocol',
      })
    },
  )
})
