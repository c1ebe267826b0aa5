import type { SourceConfig } from '../../config/source-schema.js';
import { detectLanguage } from '../../domain/language.js';
import type { DetectedLanguage } from '../../domain/types.js';
import type { DiscoveredLink } from '../discovery/discovered-link.js';
import { parseFeed } from '../discovery/parse-feed.js';
import { parseListing } from '../discovery/parse-listing.js';
import { parseSitemap } from '../discovery/parse-sitemap.js';
import { parseTelegramChannel, type TelegramPost } from '../discovery/parse-telegram.js';
import { extractArticle } from '../extract/extract-article.js';
import { selectParser } from './select-parser.js';

/** What a source's parser makes of one page: the fields of its golden file. */
export interface SourcePageOutput {
  title: string | null;
  /** UTC, as stored. */
  published_at: string | null;
  /** The same moment on the source's wall clock, with its offset: what the page itself shows. */
  published_local: string | null;
  body: string | null;
  language: DetectedLanguage;
}

export interface ParsedSourcePage {
  output: SourcePageOutput;
  /** `2/2` = the second of two parser versions (the current one); `telegram` for channel posts. */
  parser: string;
  missing: string[];
  errors: string[];
}

export interface DiscoveredItems {
  links: DiscoveredLink[];
  /** Telegram posts: complete articles found on the discovery page itself. */
  posts: TelegramPost[];
}

/**
 * Article links (or Telegram posts) on one discovery page, filtered by the source's urlPattern. `liveUrlOf`
 * maps the URLs of a locally served copy back to the live site's before the pattern sees them.
 */
export function discoverItems(
  source: SourceConfig,
  html: string,
  pageUrl: string,
  liveUrlOf: (url: string) => string = (url) => url,
): DiscoveredItems {
  const { strategy, linkSelector, nextPageSelector, urlPattern } = source.discovery;
  const pattern = urlPattern ? new RegExp(urlPattern) : undefined;
  const keep = (url: string) => !pattern || pattern.test(liveUrlOf(url));
  if (strategy === 'telegram') {
    return { links: [], posts: parseTelegramChannel(html, pageUrl).posts.filter((post) => keep(post.url)) };
  }
  const links =
    strategy === 'rss'
      ? parseFeed(html, pageUrl)
      : strategy === 'sitemap'
        ? parseSitemap(html, pageUrl).articles
        : parseListing(html, pageUrl, { linkSelector: linkSelector ?? 'a[href]', nextPageSelector }).articles;
  return { links: links.filter((link) => keep(link.url)), posts: [] };
}

/** Parses an article page with the parser version of `pageDate` (when it was recorded or crawled). */
export function parseArticlePage(
  source: SourceConfig,
  page: { html: string; url: string; pageDate: Date; now?: Date },
): ParsedSourcePage {
  const parser = selectParser(source, page.pageDate);
  const extracted = extractArticle({
    html: page.html,
    url: page.url,
    selectors: parser.selectors,
    timezone: source.timezone,
    now: page.now ?? page.pageDate,
  });
  return {
    output: outputOf(source, extracted.title, extracted.body, extracted.publishedAt),
    parser: `${parser.version}/${parser.of}`,
    missing: extracted.missing,
    errors: extracted.errors,
  };
}

export function parseTelegramPost(source: SourceConfig, post: TelegramPost): ParsedSourcePage {
  const date = post.publishedAt ? new Date(post.publishedAt) : null;
  const publishedAt = date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  return {
    output: outputOf(source, post.title, post.body, publishedAt),
    parser: 'telegram',
    missing: publishedAt ? [] : ['publishedAt'],
    errors: [],
  };
}

function outputOf(
  source: SourceConfig,
  title: string | null,
  body: string | null,
  publishedAt: string | null,
): SourcePageOutput {
  const language = body
    ? detectLanguage({ title: title ?? undefined, text: body }, { declared: source.languages })
    : null;
  return {
    title,
    published_at: publishedAt,
    published_local: publishedAt ? formatInZone(new Date(publishedAt), source.timezone) : null,
    body,
    language: language?.lang ?? 'und',
  };
}

/** `2025-09-18T10:15:00+05:00`: the wall-clock time in `timezone` with its offset. */
export function formatInZone(date: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}
