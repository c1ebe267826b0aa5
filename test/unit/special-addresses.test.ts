import { describe, expect, it } from 'vitest';
import { checkUrl, FetchRefusedError } from '../../src/review/safe-fetch.js';
import { forbiddenBlock, isForbiddenAddress } from '../../src/review/special-addresses.js';

// One address inside every block of the IANA special-purpose registries (and multicast), with the block it
// belongs to; the addresses are chosen away from the network address where the block allows it.
const forbiddenV4: Array<[string, string]> = [
  ['0.1.2.3', '0.0.0.0/8'],
  ['0.0.0.0', '0.0.0.0/32'],
  ['10.200.1.1', '10.0.0.0/8'],
  ['100.64.0.1', '100.64.0.0/10'],
  ['100.127.255.254', '100.64.0.0/10'],
  ['127.0.0.1', '127.0.0.0/8'],
  ['127.255.1.2', '127.0.0.0/8'],
  ['169.254.169.254', '169.254.0.0/16 (cloud metadata)'],
  ['172.16.0.1', '172.16.0.0/12'],
  ['172.31.255.254', '172.16.0.0/12'],
  ['192.0.0.8', '192.0.0.0/24'],
  ['192.0.0.170', '192.0.0.0/24 (NAT64 discovery)'],
  ['192.0.2.10', '192.0.2.0/24'],
  ['192.31.196.1', '192.31.196.0/24'],
  ['192.52.193.1', '192.52.193.0/24'],
  ['192.88.99.1', '192.88.99.0/24'],
  ['192.168.1.1', '192.168.0.0/16'],
  ['192.175.48.6', '192.175.48.0/24'],
  ['198.18.0.1', '198.18.0.0/15'],
  ['198.19.255.1', '198.18.0.0/15'],
  ['198.51.100.7', '198.51.100.0/24'],
  ['203.0.113.9', '203.0.113.0/24'],
  ['224.0.0.1', '224.0.0.0/4'],
  ['239.255.255.250', '224.0.0.0/4'],
  ['240.0.0.1', '240.0.0.0/4'],
  ['254.1.2.3', '240.0.0.0/4'],
  ['255.255.255.255', '255.255.255.255/32'],
];

const forbiddenV6: Array<[string, string]> = [
  ['::', '::/128'],
  ['::1', '::1/128'],
  ['::7f00:1', '::/96 (IPv4-compatible)'],
  ['::ffff:127.0.0.1', '::ffff:0:0/96 carrying loopback'],
  ['::ffff:a9fe:a9fe', '::ffff:0:0/96 carrying 169.254.169.254'],
  ['::ffff:10.0.0.1', '::ffff:0:0/96 carrying a private address'],
  ['::ffff:0:7f00:1', '::ffff:0:0:0/96 carrying loopback'],
  ['::ffff:0:a9fe:a9fe', '::ffff:0:0:0/96 carrying 169.254.169.254'],
  ['64:ff9b::7f00:1', '64:ff9b::/96 carrying loopback'],
  ['64:ff9b::192.168.0.1', '64:ff9b::/96 carrying a private address'],
  ['64:ff9b:1::808:808', '64:ff9b:1::/48'],
  ['64:ff9b:1:ffff::1', '64:ff9b:1::/48'],
  ['100::1', '100::/64'],
  ['2001::1', '2001::/32 (Teredo)'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001::/32 (Teredo)'],
  ['2001:2::1', '2001:2::/48 (benchmarking)'],
  ['2001:3::1', '2001:3::/32 (AMT)'],
  ['2001:4:112::1', '2001:4:112::/48 (AS112)'],
  ['2001:20::1', '2001:20::/28 (ORCHIDv2)'],
  ['2001:1ff:ffff::1', '2001::/23'],
  ['2001:db8::1', '2001:db8::/32'],
  ['2001:db8:ffff:ffff::1', '2001:db8::/32'],
  ['2002:7f00:1::1', '2002::/16 (6to4 of loopback)'],
  ['2002:808:808::1', '2002::/16 (6to4 of a public address)'],
  ['2620:4f:8000::1', '2620:4f:8000::/48 (AS112)'],
  ['3fff::1', '3fff::/20'],
  ['5f00::1', '5f00::/16'],
  ['fc00::1', 'fc00::/7'],
  ['fd00:ec2::254', 'fc00::/7 (cloud metadata)'],
  ['fe80::1', 'fe80::/10'],
  ['fe80::1%eth0', 'fe80::/10 with a zone'],
  ['febf:ffff::1', 'fe80::/10'],
  ['fec0::1', 'fec0::/10'],
  ['feff::1', 'fec0::/10'],
  ['ff02::1', 'ff00::/8'],
  ['ff05::1:3', 'ff00::/8'],
];

// Public addresses, among them the first ones just past a forbidden block.
const allowed = [
  '8.8.8.8',
  '95.59.1.1',
  '1.0.0.1',
  '11.0.0.1',
  '100.128.0.1',
  '172.32.0.1',
  '192.0.3.1',
  '192.169.0.1',
  '198.20.0.1',
  '223.255.255.254',
  '2a00:1450:4001::1',
  '2001:200::1',
  '2001:dc8::1',
  '2003::1',
  '2620:4f:8001::1',
  // IPv6 forms of public IPv4 addresses: an IPv6-only host reaches IPv4 sites through NAT64.
  '::ffff:8.8.8.8',
  '::ffff:0:808:808',
  '64:ff9b::808:808',
];

describe('special-purpose addresses', () => {
  it.each(forbiddenV4)('refuses %s (%s)', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(forbiddenV6)('refuses %s (%s)', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(allowed)('lets %s through', (address) => {
    expect(forbiddenBlock(address)).toBeUndefined();
  });

  it('refuses what is not an address, and names the block of what it refuses', () => {
    expect(isForbiddenAddress('example.kz')).toBe(true);
    expect(forbiddenBlock('2001::1')).toBe('IETF protocol assignments');
    expect(forbiddenBlock('::ffff:0:7f00:1')).toBe('IPv4-translated loopback');
  });

  it('refuses the literal addresses of every IPv6 block in a URL before any request', () => {
    const none = new Set<string>();
    for (const [address] of forbiddenV6.filter(([address]) => !address.includes('%'))) {
      expect(() => checkUrl(`http://[${address}]/`, none), address).toThrow(FetchRefusedError);
    }
    expect(() => checkUrl('http://[2002:7f00:1::1]:8080/', none)).toThrow(/forbidden address \(6to4\)/);
    expect(checkUrl('http://[2a00:1450:4001::1]/', none).hostname).toBe('[2a00:1450:4001::1]');
  });

  it('still fetches the hosts an operator allowed', () => {
    expect(checkUrl('http://[::1]:8080/x', new Set(['::1'])).port).toBe('8080');
    expect(checkUrl('http://10.0.0.5/x', new Set(['10.0.0.5'])).hostname).toBe('10.0.0.5');
  });
});
