/**
 * Shared pieces of the reconstructed pages of the declared sources (scripts/build-recorded-sites.ts): the
 * head every page has, a feed, paragraphs, dates written the ways the sites write them.
 */
import { escapeHtml, localParts, russianMonthsGenitive } from '../fixture-sites/site-files.js';

export { escapeHtml };

/** One file of a recorded site: its path inside the site (stored gzipped, `.gz` added), content and live URL. */
export interface RecordedFile {
  path: string;
  content: string;
  originalUrl: string;
  /** For a page recorded at another moment than the site's `asOf` (an old design, say). */
  recordedAt?: string;
  /** True when the URL and the event come from the seed bulletin. */
  fromSeed?: boolean;
}

export interface RecordedSite {
  host: string;
  files: RecordedFile[];
  /** What its _meta.json says of how the pages were written, when not RECONSTRUCTED.note. */
  note?: string;
}

/** What every reconstructed site says of itself in its _meta.json. */
export const RECONSTRUCTED = {
  asOf: '2025-09-30T18:00:00+05:00',
  note: "No network here: written by hand after the site's known URL patterns and public scrapers' notes (docs/SITES.md); not recorded from the live site",
};

/** An article as its page shows it. */
export interface PageArticle {
  /** Live URL. */
  url: string;
  title: string;
  /** ISO 8601 with the site's offset. */
  published: string;
  paragraphs: string[];
}

/** The paragraphs of a body, one per line at the depth the pages use. */
export function paragraphs(list: readonly string[], indent = '          '): string {
  return list.map((paragraph) => `${indent}<p>${escapeHtml(paragraph)}</p>`).join('\n');
}

/** The page around `body`: charset, viewport, `title | site`, Open Graph title and URL, canonical link, `head`. */
export function htmlPage(page: {
  lang: string;
  title: string;
  site: string;
  url: string;
  head?: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${page.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(page.title)} | ${page.site}</title>
  <meta property="og:site_name" content="${page.site}">
  <meta property="og:title" content="${escapeHtml(page.title)}">
  <meta property="og:url" content="${page.url}">
  <link rel="canonical" href="${page.url}">
  ${page.head ?? ''}
</head>
<body>
${page.body}
</body>
</html>
`;
}

export function publishedMeta(iso: string): string {
  return `<meta property="article:published_time" content="${iso}">`;
}

/** JSON-LD as these pages carry it (`, ` and `: ` between items). */
export function newsArticleJsonLd(article: PageArticle, publisher: string): string {
  const fields: Array<[string, unknown]> = [
    ['@context', 'https://schema.org'],
    ['@type', 'NewsArticle'],
    ['headline', article.title],
    ['datePublished', article.published],
    ['mainEntityOfPage', article.url],
    ['publisher', { '@type': 'Organization', name: publisher }],
  ];
  return `<script type="application/ld+json">${spacedJson(Object.fromEntries(fields))}</script>`;
}

function spacedJson(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${spacedJson(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

export interface FeedItem {
  title: string;
  link: string;
  description?: string;
  /** ISO 8601 with the site's offset; written as RFC 822 with that offset. */
  published: string;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Thu, 25 Sep 2025 09:30:00 +0500`, keeping the site's own offset. */
export function rfc822(iso: string): string {
  const { year, month, day, time } = localParts(iso);
  const offset = iso.slice(-6).replace(':', '');
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}, ${pad(day)} ${months[month - 1]} ${year} ${time}:${iso.slice(17, 19)} ${offset}`;
}

/** An RSS 2.0 feed as the sites' CMSs write it, newest item first. */
export function rssFeed(feed: {
  title: string;
  link: string;
  self: string;
  language: string;
  items: FeedItem[];
  guid?: 'permalink' | 'none';
}): string {
  const newestFirst = [...feed.items].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  const items = newestFirst.map((item) => {
    const lines = [
      `      <title>${escapeHtml(item.title)}</title>`,
      `      <link>${item.link}</link>`,
      ...(feed.guid === 'none' ? [] : [`      <guid isPermaLink="true">${item.link}</guid>`]),
      ...(item.description ? [`      <description>${escapeHtml(item.description)}</description>`] : []),
      `      <pubDate>${rfc822(item.published)}</pubDate>`,
    ];
    return `    <item>\n${lines.join('\n')}\n    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeHtml(feed.title)}</title>
    <link>${feed.link}</link>
    <atom:link href="${feed.self}" rel="self" type="application/rss+xml"/>
    <description>${escapeHtml(feed.title)}</description>
    <language>${feed.language}</language>
    <lastBuildDate>${rfc822(newestFirst[0]?.published ?? '')}</lastBuildDate>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** A site's RSS feed as a file: its articles newest first, each with its first paragraph as the description. */
export function feedFile(feed: {
  path: string;
  url: string;
  title: string;
  link: string;
  language: string;
  articles: readonly PageArticle[];
}): RecordedFile {
  return {
    path: feed.path,
    originalUrl: feed.url,
    content: rssFeed({
      title: feed.title,
      link: feed.link,
      self: feed.url,
      language: feed.language,
      items: feedItems(feed.articles),
    }),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `25.09.2025` */
export function dotted(iso: string): string {
  const { year, month, day } = localParts(iso);
  return `${pad(day)}.${pad(month)}.${year}`;
}

/** `09:30` */
export function clock(iso: string): string {
  return localParts(iso).time;
}

/** `24 сентября 2025` */
export function russianDate(iso: string): string {
  const { year, month, day } = localParts(iso);
  return `${day} ${russianMonthsGenitive[month - 1]} ${year}`;
}

/** The path of a live URL inside its site, as the fixture server looks it up (`a/b/` → `a/b/index.html`). */
export function pathOf(url: string, index = 'index.html'): string {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}${index}`;
  return /\.[a-z]+$/i.test(path) ? path : `${path}.html`;
}

/** The feed's items: each article with its first paragraph as the description. */
export function feedItems(articles: readonly PageArticle[]): FeedItem[] {
  return articles.map((article) => ({
    title: article.title,
    link: article.url,
    description: article.paragraphs[0],
    published: article.published,
  }));
}

/** The files of the articles, at the paths the fixture server looks up. */
export function articleFiles<A extends PageArticle & { fromSeed?: boolean }>(
  articles: readonly A[],
  render: (article: A) => string,
  pathOfArticle: (url: string) => string = pathOf,
): RecordedFile[] {
  return articles.map((article) => ({
    path: pathOfArticle(article.url),
    originalUrl: article.url,
    content: render(article),
    ...(article.fromSeed ? { fromSeed: true } : {}),
  }));
}
