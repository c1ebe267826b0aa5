import { getDomain } from 'tldts';

/**
 * All sites at once: a harvest cycle crawls several sources concurrently instead of one after another, so that
 * a cycle lasts about as long as its slowest site. Politeness is per site (Crawlee's same-domain delay, keyed by
 * the registrable domain, within one crawl), so two sources of one site (polisia.kz in Russian and in Kazakh,
 * мвд.рф and its regional NN.мвд.рф) never run at the same time.
 */

/**
 * Sources crawled at once, by an embedded harvest and by each worker. A crawl mostly waits on its site (at
 * most `maxConcurrency` requests, `requestDelayMs` apart) and holds at most a few megabytes of pages, so 16
 * cost 32 sockets and some 200 MB at worst, and bring a cycle of the 29 declared sources to about two of its
 * slowest sites (`npm run bench -- --only cycle`).
 */
export const DEFAULT_CONCURRENT_CRAWLS = 16;

export interface ConcurrencyOptions<T> {
  /** Items worked on at once, at most. */
  limit: number;
  /** The hosts an item talks to: items sharing one never overlap. */
  keysOf(item: T): readonly string[];
}

/**
 * Runs `work` over `items`, at most `limit` at a time and never two items with a common key at once. Items start
 * in their order, an item whose key is busy letting later ones go first. Waits for every item; if any work
 * failed, rejects with the first failure once all have ended.
 */
export async function crawlConcurrently<T>(
  items: readonly T[],
  options: ConcurrencyOptions<T>,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const limit = Math.max(1, Math.floor(options.limit));
  const waiting = items.map((item, index) => ({ item, index, keys: [...new Set(options.keysOf(item))] }));
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  while (waiting.length > 0 || running.size > 0) {
    for (let next = 0; next < waiting.length && running.size < limit; ) {
      const candidate = waiting[next]!;
      if (candidate.keys.some((key) => busy.has(key))) {
        next += 1;
        continue;
      }
      waiting.splice(next, 1);
      for (const key of candidate.keys) busy.add(key);
      const task: Promise<void> = work(candidate.item, candidate.index)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          running.delete(task);
          for (const key of candidate.keys) busy.delete(key);
        });
      running.add(task);
    }
    if (running.size > 0) await Promise.race(running);
  }
  if (failure) throw failure.error;
}

/**
 * The sites a source's crawl starts on, as Crawlee's politeness counts them: the registrable domain of each URL
 * (`16.xn--b1aew.xn--p1ai` → `xn--b1aew.xn--p1ai`), or the host itself for an IP address or a local name.
 */
export function sitesOfUrls(urls: readonly string[]): string[] {
  return urls.flatMap((url) => {
    try {
      const { hostname } = new URL(url);
      return [getDomain(hostname) ?? hostname.toLowerCase()];
    } catch {
      return [];
    }
  });
}
