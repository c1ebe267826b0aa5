import type { SourceConfig } from '../sources/source-schema.js';

const hostOf = (url: URL) => url.hostname.replace(/^www\./, '');

/**
 * The declared source an article URL belongs to, if any: same host as one of its discovery pages (Telegram
 * channels aside: a post's own page is not what their reader reads). Where several sources share a host
 * (polisia.kz in Russian and Kazakh), the one whose URL pattern admits the URL wins, then the one whose
 * discovery page shares the longest path with it.
 */
export function sourceForUrl(rawUrl: string, sources: readonly SourceConfig[]): SourceConfig | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  const scored = sources
    .filter((source) => source.discovery.strategy !== 'telegram')
    .map((source) => ({ source, score: score(source, url) }))
    .filter(({ score }) => score >= 0)
    .sort((a, b) => b.score - a.score);
  return scored[0]?.source;
}

/** -1 when the source has no discovery page on the URL's host; higher is a closer match. */
function score(source: SourceConfig, url: URL): number {
  const sameHost = source.discovery.urls
    .map((page) => new URL(page))
    .filter((page) => hostOf(page) === hostOf(url));
  if (sameHost.length === 0) return -1;
  const pattern = source.discovery.urlPattern ? new RegExp(source.discovery.urlPattern) : undefined;
  const patternBonus = pattern?.test(url.href) ? 10_000 : 0;
  return patternBonus + Math.max(...sameHost.map((page) => sharedPrefixLength(page.pathname, url.pathname)));
}

function sharedPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return length;
}
