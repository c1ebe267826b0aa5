import { isIP } from 'node:net';

/**
 * Which reverse proxies in front of the review server are believed when they say who the client is
 * (`X-Forwarded-For`, `X-Forwarded-Proto`). The client address is then the right-most address of the chain
 * that is not one of them: every proxy appends the address it got the request from, so addresses to the left
 * of our own proxies' entries are whatever the client chose to send.
 *
 * - `hops`: that many proxies, whatever their addresses (the server must be reachable only through them);
 * - `addresses`: proxies with these addresses or in these networks (`10.0.0.2`, `10.0.0.0/8`, `loopback`,
 *   `linklocal`, `uniquelocal`), however many there are.
 */
export type TrustedProxies = { hops: number } | { addresses: readonly string[] };

/** A wrong `--trust-proxy` value; the message says what is expected. */
export class TrustProxyError extends Error {}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 20;

const EXPECTED =
  'give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.2,10.1.0.0/16 or loopback)';

function checkAddress(entry: string): void {
  if (NAMED_RANGES.has(entry)) return;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) throw new TrustProxyError(`"${entry}" is not an address: ${EXPECTED}`);
  if (prefix === undefined) return;
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
    throw new TrustProxyError(`"${entry}": the prefix length must be 0…${family === 4 ? 32 : 128}`);
  }
}

/** Reads the value of `--trust-proxy`: a hop count, or addresses and networks separated by commas. */
export function parseTrustProxy(text: string): TrustedProxies {
  const value = text.trim();
  if (/^(true|yes|on|all|\*)$/i.test(value)) {
    throw new TrustProxyError(
      `"${value}" would believe every address a client puts in X-Forwarded-For, so anyone could pick their own (and escape the login limit): ${EXPECTED}`,
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > MAX_HOPS) throw new TrustProxyError(`the hop count must be 1…${MAX_HOPS}`);
    return { hops };
  }
  const addresses = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (addresses.length === 0) throw new TrustProxyError(`nothing to trust: ${EXPECTED}`);
  for (const entry of addresses) checkAddress(entry);
  return { addresses };
}

/** Fastify's `trustProxy` option for these proxies (its own hop-count option never trusts the socket peer). */
export function fastifyTrustProxy(
  trusted: TrustedProxies | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (!trusted) return false;
  if ('hops' in trusted) return (_address, hop) => hop < trusted.hops;
  return [...trusted.addresses];
}
