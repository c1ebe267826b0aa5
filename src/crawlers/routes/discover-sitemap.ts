import { MalformedDiscoveryError } from '../crawl-errors.js';
import { parseSitemap } from '../discovery/parse-sitemap.js';
import { isSitemapDocument } from '../discovery/xml-root.js';
import { crawlRequest } from './crawl-request.js';
import { enqueueArticleLinks } from './enqueue-articles.js';
import type { RouteContext } from './route-context.js';

/** SITEMAP: a (news) sitemap links articles; a sitemap index links more sitemaps, fetched in turn. */
export async function handleSitemap(context: RouteContext): Promise<void> {
  const { page, fetcher } = context;
  if (!isSitemapDocument(page.html)) {
    throw new MalformedDiscoveryError(
      'malformed_sitemap',
      `not a sitemap or sitemap index: ${page.loadedUrl}`,
    );
  }
  const parsed = parseSitemap(page.html, page.loadedUrl);
  await fetcher.enqueue(parsed.sitemaps.map((url) => crawlRequest(url, 'SITEMAP')));
  await enqueueArticleLinks(context, parsed.articles);
}
