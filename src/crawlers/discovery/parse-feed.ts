import * as cheerio from 'cheerio';
import { type DiscoveredLink, resolveHttpUrl } from './discovered-link.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom. Items are keyed by their link, never by <guid> alone: some of the
 * region's feeds repeat one guid for every item.
 */
export function parseFeed(xml: string, feedUrl: string): DiscoveredLink[] {
  const $ = cheerio.load(xml, { xml: true });
  const links: DiscoveredLink[] = [];
  $('item, entry').each((_, element) => {
    const item = $(element);
    const atomLink =
      item.children('link[rel="alternate"]').attr('href') ?? item.children('link').not('[rel]').attr('href');
    const rssLink = item.children('link').first().text();
    const guid = item.children('guid').first();
    const guidLink = guid.attr('isPermaLink') !== 'false' ? guid.text() : undefined;
    const url = resolveHttpUrl(atomLink ?? (rssLink || guidLink), feedUrl);
    if (!url) return;
    const date = item.children('pubDate, published, updated, dc\\:date').first().text().trim();
    links.push({
      url,
      title: item.children('title').first().text().trim() || undefined,
      publishedAt: date || undefined,
    });
  });
  return links;
}
