import { describe, expect, it } from 'vitest';
import { backoffDelayMs, MAX_BACKOFF_MS, retryAfterMs } from '../../src/crawlers/politeness/backoff.js';
import { validatorsOf } from '../../src/crawlers/politeness/fetch-cache.js';
import { isTooOldToFetch } from '../../src/crawlers/politeness/max-age.js';

const NOW = new Date('2025-09-20T00:00:00Z');

describe('Retry-After and backoff', () => {
  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Sat, 20 Sep 2025 00:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('Fri, 19 Sep 2025 00:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });

  it('waits as asked up to the cap, doubles without a header, and gives up beyond the cap', () => {
    expect(backoffDelayMs(0, 5_000)).toBe(5_000);
    expect(backoffDelayMs(0, MAX_BACKOFF_MS + 1)).toBeNull();
    expect([0, 1, 2].map((retry) => backoffDelayMs(retry, null))).toEqual([1_000, 2_000, 4_000]);
    expect(backoffDelayMs(20, null)).toBe(MAX_BACKOFF_MS);
  });
});

describe('validators and age', () => {
  it('takes ETag and Last-Modified from response headers', () => {
    expect(validatorsOf({ etag: '"abc"', 'last-modified': 'Wed, 17 Sep 2025 08:00:00 GMT' })).toEqual({
      etag: '"abc"',
      lastModified: 'Wed, 17 Sep 2025 08:00:00 GMT',
    });
    expect(validatorsOf({ 'content-type': 'text/html' })).toBeNull();
  });

  it('skips links dated before the maximum age, and fetches undated ones', () => {
    expect(isTooOldToFetch('Mon, 02 Jun 2025 08:00:00 +0400', NOW, 45)).toBe(true);
    expect(isTooOldToFetch('2025-09-01T00:00:00Z', NOW, 45)).toBe(false);
    expect(isTooOldToFetch(undefined, NOW, 45)).toBe(false);
    expect(isTooOldToFetch('вчера', NOW, 45)).toBe(false);
  });
});
