import * as cheerio from 'cheerio';
import { type DiscoveredLink, resolveHttpUrl } from './discovered-link.js';

export interface ParsedListing {
  articles: DiscoveredLink[];
  nextPage: string | undefined;
}

export function parseListing(
  html: string,
  pageUrl: string,
  selectors: { linkSelector: string; nextPageSelector?: string | undefined },
): ParsedListing {
  const $ = cheerio.load(html);
  const baseHref = $('base[href]').attr('href');
  const base = resolveHttpUrl(baseHref, pageUrl) ?? pageUrl;
  const seen = new Set<string>();
  const articles: DiscoveredLink[] = [];
  $(selectors.linkSelector).each((_, element) => {
    const link = $(element);
    const url = resolveHttpUrl(link.attr('href'), base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    articles.push({ url, title: link.text().replace(/\s+/g, ' ').trim() || undefined });
  });
  const nextPage = selectors.nextPageSelector
    ? resolveHttpUrl($(selectors.nextPageSelector).first().attr('href'), base)
    : undefined;
  return { articles, nextPage: nextPage === pageUrl ? undefined : nextPage };
}
