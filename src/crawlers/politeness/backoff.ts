/**
 * 429 Too Many Requests and 503 Service Unavailable mean "not now", not "never": the crawler waits as long
 * as the server asks (Retry-After, in seconds or as an HTTP date), or an exponential delay when it does not
 * say, and tries again. A server asking for longer than the cap is left for the next crawl.
 */

export const BACKOFF_STATUSES: readonly number[] = [429, 503];
export const MAX_BACKOFF_MS = 30_000;
const BASE_BACKOFF_MS = 1_000;

/** Milliseconds a Retry-After header asks for; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date = new Date()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

/**
 * How long to wait before retry number `retryCount + 1`; null when the server asks for more than `capMs`.
 */
export function backoffDelayMs(
  retryCount: number,
  retryAfter: number | null,
  capMs: number = MAX_BACKOFF_MS,
): number | null {
  if (retryAfter !== null) return retryAfter <= capMs ? retryAfter : null;
  return Math.min(capMs, BASE_BACKOFF_MS * 2 ** retryCount);
}
