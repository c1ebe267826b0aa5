import { canonicalizeUrl } from '../../domain/canonical-url.js';
import { matchesUrlPattern } from '../crawl-session.js';
import type { DiscoveredLink } from '../discovery/discovered-link.js';
import { isTooOldToFetch } from '../politeness/max-age.js';
import { crawlRequest } from './crawl-request.js';
import type { RouteContext } from './route-context.js';

/**
 * Queues the article links of a discovery page that this crawl may fetch: of the source's URL pattern, not
 * dated beyond its maximum age, not queued or stored before, allowed by robots.txt, within `maxArticles`.
 * Returns how many were new and allowed (before the budget): a listing page with none ends the pagination.
 */
export async function enqueueArticleLinks(
  { session, page, fetcher }: RouteContext,
  links: readonly DiscoveredLink[],
): Promise<number> {
  const { stats, source } = session;
  const byCanonical = new Map<string, DiscoveredLink>();
  for (const link of links) {
    if (!matchesUrlPattern(session, link.url)) continue;
    if (isTooOldToFetch(link.publishedAt, session.referenceTime, source.limits.maxAgeDays)) continue;
    const canonical = tryCanonicalize(link.url);
    if (canonical && !session.queued.has(canonical)) byCanonical.set(canonical, link);
  }
  stats.articlesDiscovered += byCanonical.size;
  session.observer.discovered?.(
    page.request.url,
    [...byCanonical.values()].map((link) => link.url),
  );
  const unknown = await session.ports.unknownUrls([...byCanonical.keys()]);
  stats.alreadyKnown += byCanonical.size - unknown.size;
  const verdicts = await Promise.all(
    [...unknown].map(async (canonical) => ({
      canonical,
      allowed: await fetcher.allowedByRobots(byCanonical.get(canonical)!.url),
    })),
  );
  const fetchable = verdicts.filter((verdict) => verdict.allowed).map((verdict) => verdict.canonical);
  stats.robotsBlocked += unknown.size - fetchable.length;
  const budget = Math.max(0, source.limits.maxArticles - session.queued.size);
  const toFetch = fetchable.slice(0, budget);
  for (const canonical of toFetch) session.queued.add(canonical);
  await fetcher.enqueue(
    toFetch.map((canonical) => {
      const link = byCanonical.get(canonical)!;
      return crawlRequest(link.url, 'ARTICLE', { canonical, listedAt: link.publishedAt ?? null });
    }),
  );
  return fetchable.length;
}

export function tryCanonicalize(url: string): string | undefined {
  try {
    return canonicalizeUrl(url);
  } catch {
    return undefined;
  }
}
