export interface DiscoveredLink {
  url: string;
  title?: string | undefined;
  /** As written by the feed or sitemap; the extractor decides the stored date. */
  publishedAt?: string | undefined;
}

/** Resolves a link against its page; undefined for non-http(s) or unparsable links. */
export function resolveHttpUrl(href: string | undefined, baseUrl: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
