import * as cheerio from 'cheerio';
import { type DiscoveredLink, resolveHttpUrl } from './discovered-link.js';

export interface ParsedSitemap {
  articles: DiscoveredLink[];
  /** Child sitemaps of a sitemap index, to be fetched in turn. */
  sitemaps: string[];
}

/** A sitemap, news sitemap (news:publication_date, news:title) or sitemap index. */
export function parseSitemap(xml: string, sitemapUrl: string): ParsedSitemap {
  const $ = cheerio.load(xml, { xml: true });
  const sitemaps = $('sitemapindex > sitemap > loc')
    .map((_, loc) => resolveHttpUrl($(loc).text(), sitemapUrl))
    .get()
    .filter((url): url is string => url !== undefined);
  const articles: DiscoveredLink[] = [];
  $('urlset > url').each((_, element) => {
    const entry = $(element);
    const url = resolveHttpUrl(entry.children('loc').text(), sitemapUrl);
    if (!url) return;
    const publishedAt =
      entry.find('news\\:publication_date').first().text().trim() || entry.children('lastmod').text().trim();
    const title = entry.find('news\\:title').first().text().trim();
    articles.push({ url, title: title || undefined, publishedAt: publishedAt || undefined });
  });
  return { articles, sitemaps };
}
