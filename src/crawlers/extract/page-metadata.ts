import { type FoundDate, parseDateWithTime } from '../../domain/dates.js';
import { normaliseInlineText } from './html-to-text.js';

/** Read-only queries the metadata readers need; implemented over linkedom and over cheerio. */
export interface PageQuery {
  attributes(selector: string, attribute: string): string[];
  texts(selector: string): string[];
}

// A colon is left out: in headlines it introduces a subtitle far more often than a site name.
const TITLE_SEPARATORS = /\s+(?:[|–—·•»]{1,2}|-|::)\s+/;
const MAX_SITE_SUFFIX_WORDS = 4;

const DATE_META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="article:published"]',
  'meta[itemprop~="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="dc.date"]',
  'meta[property="og:published_time"]',
  'meta[name="sailthru.date"]',
  'meta[name="parsely-pub-date"]',
];
// Bare <time> elements are weighed by their distance to the title instead (date-near-title.ts): sidebars have them too.
const TIME_SELECTORS = ['[itemprop~="datePublished"][datetime]'];
// Microdata on a visible element: <span itemprop="datePublished">15 августа 2016, 13:43</span>.
const VISIBLE_DATE_SELECTOR = '[itemprop~="datePublished"]:not([datetime]):not([content])';

export function readHtmlLang(page: PageQuery): string | null {
  return (
    firstNonEmpty(page.attributes('html', 'lang')) ??
    firstNonEmpty(page.attributes('meta[property="og:locale"]', 'content'))
  );
}

export function readTitle(page: PageQuery): string | null {
  const siteName = firstNonEmpty(page.attributes('meta[property="og:site_name"]', 'content'));
  const candidates = [
    firstNonEmpty(page.attributes('meta[property="og:title"]', 'content')),
    jsonLdValues(page, 'headline')[0],
    firstNonEmpty(page.texts('h1')),
    firstNonEmpty(page.texts('title')),
  ];
  const title = candidates.find((c): c is string => !!c && normaliseInlineText(c) !== '');
  return title ? stripSiteSuffix(normaliseInlineText(title), siteName) : null;
}

/** "Headline | Site" → "Headline": drops an edge segment that names the site, or a short trailing tag line. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const site = siteName?.trim().toLowerCase();
  const colonPrefix = /^([^:]{1,60}):\s+/.exec(title);
  if (site && colonPrefix?.[1]?.trim().toLowerCase() === site)
    return title.slice(colonPrefix[0].length).trim();
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATORS.source, 'g'))];
  const first = separators[0];
  const last = separators[separators.length - 1];
  if (!first?.index || !last?.index) return title;
  const head = title.slice(0, last.index);
  const tail = title.slice(last.index + last[0].length);
  if (site) {
    if (tail.trim().toLowerCase() === site) return head.trim();
    if (title.slice(0, first.index).trim().toLowerCase() === site)
      return title.slice(first.index + first[0].length).trim();
  }
  const tailWords = tail.trim().split(/\s+/).length;
  return tailWords <= MAX_SITE_SUFFIX_WORDS && tail.length < head.length ? head.trim() : title;
}

/** The publication date the page's metadata states, and whether it gave the time of day too. */
export function readPublishedAt(page: PageQuery, timezone: string, now: Date): FoundDate | null {
  const candidates = [
    ...jsonLdValues(page, 'datePublished'),
    ...DATE_META_SELECTORS.flatMap((selector) => page.attributes(selector, 'content')),
    ...TIME_SELECTORS.flatMap((selector) => page.attributes(selector, 'datetime')),
    ...page.texts(VISIBLE_DATE_SELECTOR).map(normaliseInlineText),
  ];
  for (const candidate of candidates) {
    const found = parseDateWithTime(candidate, timezone, now);
    if (found) return found;
  }
  return null;
}

/** String values of `key` anywhere in the page's JSON-LD blocks (objects, arrays, @graph). */
export function jsonLdValues(page: PageQuery, key: string): string[] {
  const values: string[] = [];
  for (const raw of page.texts('script[type="application/ld+json"]')) {
    const data = parseJsonLenient(raw);
    if (data !== undefined) collectKey(data, key, values, 0);
  }
  return values;
}

const MAX_JSON_DEPTH = 8;

function collectKey(node: unknown, key: string, out: string[], depth: number): void {
  if (depth > MAX_JSON_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectKey(item, key, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const value = record[key];
  if (typeof value === 'string' && value.trim()) out.push(value.trim());
  for (const child of Object.values(record)) collectKey(child, key, out, depth + 1);
}

function parseJsonLenient(raw: string): unknown {
  try {
    return JSON.parse(raw.trim().replace(/^<!--|-->$/g, ''));
  } catch {
    return undefined;
  }
}

function firstNonEmpty(values: string[]): string | null {
  for (const value of values) {
    const text = value.trim();
    if (text) return text;
  }
  return null;
}
