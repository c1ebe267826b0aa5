import { isIP } from 'node:net';

/**
 * Addresses "add by URL" never connects to: every block of the IANA IPv4 and IPv6 special-purpose address
 * registries (loopback, private, shared, link-local — cloud metadata lives at 169.254.169.254 —, documentation,
 * benchmarking, protocol assignments, AS112, relays, reserved), multicast, and the IPv6 forms that carry an
 * IPv4 address, judged by the address they carry.
 *
 * Registries as of 2025: https://www.iana.org/assignments/iana-ipv4-special-registry and
 * https://www.iana.org/assignments/iana-ipv6-special-registry. Blocks the registries mark "globally
 * reachable" (AS112, AMT, 6to4 relays) are refused too: no news site lives there.
 */

type Block = readonly [network: string, prefix: number, name: string];

const IPV4_BLOCKS: readonly Block[] = [
  ['0.0.0.0', 8, '"this network"'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared address space (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
  ['192.31.196.0', 24, 'AS112'],
  ['192.52.193.0', 24, 'AMT'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['192.175.48.0', 24, 'AS112 direct delegation'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
  ['255.255.255.255', 32, 'limited broadcast'],
];

const IPV6_BLOCKS: readonly Block[] = [
  // ::/128 (unspecified), ::1/128 (loopback) and the deprecated IPv4-compatible ::a.b.c.d.
  ['::', 96, 'unspecified, loopback or IPv4-compatible'],
  ['64:ff9b:1::', 48, 'local-use IPv4/IPv6 translation'],
  ['100::', 64, 'discard-only'],
  // Teredo (2001::/32), benchmarking, AMT, AS112, ORCHID, drone remote ID…
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  // 6to4 is deprecated (RFC 7526): refused whatever IPv4 address it carries.
  ['2002::', 16, '6to4'],
  ['2620:4f:8000::', 48, 'AS112 direct delegation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing (SRv6) SIDs'],
  ['fc00::', 7, 'unique local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

/**
 * IPv6 blocks whose last 32 bits are an IPv4 address the packet ends up at: judged by that address.
 * (The local-use translation prefix 64:ff9b:1::/48 is refused whole: where it carries the IPv4 address
 * depends on the prefix length its network chose.)
 */
const IPV4_CARRYING: readonly Block[] = [
  ['::ffff:0:0', 96, 'IPv4-mapped'],
  ['::ffff:0:0:0', 96, 'IPv4-translated'],
  ['64:ff9b::', 96, 'IPv4/IPv6 translation (NAT64)'],
];

/** The address as an unsigned integer of its width; undefined when it is not a literal address. */
function addressValue(address: string): bigint | undefined {
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return ipv4Value(bare);
  if (family === 6) return ipv6Value(bare);
  return undefined;
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

/** `isIP` has already accepted the text: `::` at most once, an IPv4 tail only at the end. */
function ipv6Value(address: string): bigint {
  const [head = '', tail] = address.split('::');
  const groups = (part: string): bigint[] => {
    if (part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [BigInt(Number.parseInt(group, 16))];
      const v4 = ipv4Value(group);
      return [v4 >> 16n, v4 & 0xffffn];
    });
  };
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<bigint>(8 - front.length - back.length).fill(0n), ...back];
  return all.reduce((value, group) => (value << 16n) | group, 0n);
}

interface CompiledBlock {
  network: bigint;
  mask: bigint;
  name: string;
}

function compile(blocks: readonly Block[], bits: bigint): CompiledBlock[] {
  const all = (1n << bits) - 1n;
  return blocks.map(([network, prefix, name]) => {
    const mask = all ^ ((1n << (bits - BigInt(prefix))) - 1n);
    return { network: addressValue(network)! & mask, mask, name };
  });
}

const v4Blocks = compile(IPV4_BLOCKS, 32n);
const v6Blocks = compile(IPV6_BLOCKS, 128n);
const v4Carrying = compile(IPV4_CARRYING, 128n);

const within = (value: bigint, blocks: readonly CompiledBlock[]) =>
  blocks.find((block) => (value & block.mask) === block.network);

/** Why the address is refused ("loopback", "6to4 …"), or undefined when it may be connected to. */
export function forbiddenBlock(address: string): string | undefined {
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  const value = family === 4 ? ipv4Value(bare) : ipv6Value(bare);
  if (family === 4) return within(value, v4Blocks)?.name;
  const carrier = within(value, v4Carrying);
  if (carrier) {
    const carried = within(value & 0xffff_ffffn, v4Blocks);
    return carried && `${carrier.name} ${carried.name}`;
  }
  return within(value, v6Blocks)?.name;
}

export function isForbiddenAddress(address: string): boolean {
  return forbiddenBlock(address) !== undefined;
}
