/** Shared pieces of the hand-written demo sites (see scripts/build-fixture-sites.ts). */

export interface FixtureFile {
  /** Path inside the site, e.g. `ru/some-slug/index.html`. */
  path: string;
  content: string;
  /** Set for pages that must be stored in a legacy encoding; the page's meta charset must say the same. */
  encoding?: 'win1251';
  /** Where the page lives (or would live) on the real site. */
  originalUrl?: string;
  /** True when the URL and the event come from the seed bulletin. */
  fromSeed?: boolean;
  /** For an article page: what a reader sees on it, written out as its expectations (build-fixture-sites.ts). */
  truth?: PageTruth;
}

/** An article page as its reader sees it: whose it is, its language, and its text in the page's own order. */
export interface PageTruth {
  sourceId: string;
  /** ISO 639-3, as the harvester reports languages. */
  lang: string;
  article: Article;
  /** The paragraphs of the article body as printed (a lead set in the body comes first). */
  body: readonly string[];
}

export interface SiteFiles {
  host: string;
  files: FixtureFile[];
}

/** How a page tells its publication time: machine-readable in the head, or only as text for readers. */
export type DateMode = 'meta' | 'jsonld' | 'visible';

export interface Article {
  /** URL path on the real site, starting with `/`. */
  urlPath: string;
  title: string;
  lead?: string;
  paragraphs: string[];
  /** ISO 8601 with the site's UTC offset. */
  published: string;
  dateMode: DateMode;
  fromSeed?: boolean;
  section: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n          ');
}

/** The head tags that carry the date, per the article's date mode. */
export function dateHeadTags(article: Article, origin: string, publisher: string): string {
  if (article.dateMode === 'meta') {
    return `<meta property="article:published_time" content="${article.published}">
    <meta property="article:section" content="${escapeHtml(article.section)}">`;
  }
  if (article.dateMode === 'visible') return '';
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.published,
    dateModified: article.published,
    mainEntityOfPage: `${origin}${article.urlPath}`,
    publisher: { '@type': 'Organization', name: publisher },
  };
  return `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Local wall-clock parts of an ISO timestamp written with its own offset (no time-zone maths needed). */
export function localParts(iso: string): { year: number; month: number; day: number; time: string } {
  const match = iso.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!match) throw new Error(`not an ISO timestamp: ${iso}`);
  const [, year, month, day, hour, minute] = match;
  return { year: Number(year), month: Number(month), day: Number(day), time: `${hour}:${minute}` };
}

/** `18.09.2025` */
export function numericDate(iso: string): string {
  const { year, month, day } = localParts(iso);
  return `${pad(day)}.${pad(month)}.${year}`;
}

/** `January` … `December`. */
export const englishMonths: readonly string[] = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month, 1)),
  ),
);

export const russianMonthsGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

export function articleFile(
  article: Article,
  host: string,
  content: string,
  truth: Omit<PageTruth, 'article' | 'body'> & { body?: readonly string[] },
  extra: Partial<FixtureFile> = {},
) {
  const path = article.urlPath.endsWith('/')
    ? `${article.urlPath.slice(1)}index.html`
    : `${article.urlPath.slice(1)}.html`;
  return {
    path,
    content,
    originalUrl: `https://${host}${article.urlPath}`,
    ...(article.fromSeed ? { fromSeed: true } : {}),
    truth: { ...truth, article, body: truth.body ?? article.paragraphs },
    ...extra,
  } satisfies FixtureFile;
}
