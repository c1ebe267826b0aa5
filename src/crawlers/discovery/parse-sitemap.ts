import * as cheerio from 'cheerio';
import { type DiscoveredLink, resolveHttpUrl } from './discovered-link.js';

export interface ParsedSitemap {
  articles: DiscoveredLink[];
  /** Child sitemaps of a sitemap index, to be fetched in turn. */
  sitemaps: string[];
}

/** What is read of cheerio's XML nodes. */
interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  children?: XmlNode[];
}

/** A sitemap, news sitemap (news:publication_date, news:title) or sitemap index. */
export function parseSitemap(xml: string, sitemapUrl: string): ParsedSitemap {
  const $ = cheerio.load(xml, { xml: true });
  const sitemaps = $('sitemapindex > sitemap > loc')
    .map((_, loc) => resolveHttpUrl($(loc).text(), sitemapUrl))
    .get()
    .filter((url): url is string => url !== undefined);
  const articles: DiscoveredLink[] = [];
  // Each entry is read in one walk over its elements: a selector query per field and entry (thousands of
  // entries in a news sitemap) costs several times the parse.
  for (const entry of $('urlset > url').toArray() as XmlNode[]) {
    const url = resolveHttpUrl(childText(entry, 'loc'), sitemapUrl);
    if (!url) continue;
    const publishedAt = descendantText(entry, 'news:publication_date') || childText(entry, 'lastmod').trim();
    const title = descendantText(entry, 'news:title');
    articles.push({ url, title: title || undefined, publishedAt: publishedAt || undefined });
  }
  return { articles, sitemaps };
}

/** The text of all `name` children, joined (as cheerio's `.children(name).text()`). */
function childText(parent: XmlNode, name: string): string {
  return (parent.children ?? [])
    .filter((child) => child.name === name)
    .map(textOf)
    .join('');
}

/** The trimmed text of the first `name` element below `parent`, in document order; '' without one. */
function descendantText(parent: XmlNode, name: string): string {
  const found = firstDescendant(parent, name);
  return found ? textOf(found).trim() : '';
}

function firstDescendant(parent: XmlNode, name: string): XmlNode | undefined {
  for (const child of parent.children ?? []) {
    const found = child.name === name ? child : firstDescendant(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Text and CDATA content, without comments (as cheerio's `.text()`). */
function textOf(node: XmlNode): string {
  return node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join('');
}
