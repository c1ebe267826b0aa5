import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy, parseTrustProxy, TrustProxyError } from '../../src/review/trust-proxy.js';

describe('--trust-proxy', () => {
  it('reads a hop count, or addresses, networks and named ranges', () => {
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy(' 2 ')).toEqual({ hops: 2 });
    expect(parseTrustProxy('10.0.0.2, 10.1.0.0/16,fd00::/8,::1,loopback')).toEqual({
      addresses: ['10.0.0.2', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback'],
    });
  });

  it('refuses trusting everyone, and what is no address', () => {
    for (const value of [
      'true',
      'TRUE',
      'all',
      '*',
      '0',
      '21',
      '',
      ',',
      'proxy.example',
      '10.0.0.0/33',
      'fd00::/129',
      '10.0.0.1/8/8',
      '10.0.0.0/x',
    ]) {
      expect(() => parseTrustProxy(value), value).toThrow(TrustProxyError);
    }
  });

  it('trusts exactly the given number of hops from the socket, for Fastify', () => {
    const trust = fastifyTrustProxy({ hops: 2 });
    if (typeof trust !== 'function') throw new Error('expected a function');
    expect([0, 1, 2, 3].map((hop) => trust('203.0.113.1', hop))).toEqual([true, true, false, false]);
    expect(fastifyTrustProxy({ addresses: ['loopback'] })).toEqual(['loopback']);
    expect(fastifyTrustProxy(undefined)).toBe(false);
  });
});
