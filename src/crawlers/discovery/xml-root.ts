/** The XML prolog: a BOM, the declaration, comments, processing instructions and a doctype, in any number. */
const PROLOG = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;
const ROOT = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]/;

/**
 * The name of a document's root element, without its namespace prefix (`rss`, `feed`, `RDF`, `urlset`), or
 * undefined when the text does not start as XML does — an HTML error page served where a feed should be, say.
 */
export function xmlRootName(text: string): string | undefined {
  const start = PROLOG.exec(text.slice(0, 4096))?.[0].length ?? 0;
  const name = ROOT.exec(text.slice(start, start + 256))?.[1];
  return name?.split(':').pop();
}

const FEED_ROOTS = new Set(['rss', 'feed', 'RDF']);
const SITEMAP_ROOTS = new Set(['urlset', 'sitemapindex']);

export function isFeedDocument(text: string): boolean {
  return FEED_ROOTS.has(xmlRootName(text) ?? '');
}

export function isSitemapDocument(text: string): boolean {
  return SITEMAP_ROOTS.has(xmlRootName(text) ?? '');
}
