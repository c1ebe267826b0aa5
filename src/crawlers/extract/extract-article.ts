import { type CheerioAPI, load } from 'cheerio';
import { withoutCredits } from '../../domain/credit-lines.js';
import { isSameLocalDay, isValidTimeZone, parseDateWithTime } from '../../domain/dates.js';
import { readDateNearTitle, withNearbyTime } from './date-near-title.js';
import { extractBody } from './extract-body.js';
import { htmlToText, normaliseInlineText, stampText, type TextNodeLike } from './html-to-text.js';
import {
  type PageQuery,
  readHtmlLang,
  readPublishedAt,
  readTitle,
  stripSiteSuffix,
} from './page-metadata.js';
import { parseDocument } from './parse-dom.js';

export interface ArticleSelectors {
  title?: string;
  body?: string;
  date?: string;
  remove?: string[];
}

type ArticleField = 'title' | 'body' | 'publishedAt';

export interface ExtractedArticle {
  title: string | null;
  body: string | null;
  publishedAt: string | null /* ISO 8601 UTC */;
  htmlLang: string | null /* <html lang> or og:locale, raw */;
  missing: ArticleField[];
  errors: string[] /* per-field failures, never throws for a bad field */;
}

export interface ExtractArticleInput {
  html: string;
  url: string;
  selectors?: ArticleSelectors;
  timezone?: string /* IANA, for dates without offset */;
  now?: Date;
}

const DEFAULT_TIMEZONE = 'UTC';

export function extractArticle(input: ExtractArticleInput): ExtractedArticle {
  const errors: string[] = [];
  const timezone = resolveTimezone(input.timezone, errors);
  const now = input.now ?? new Date();
  const generic = new GenericPage(input.html, input.selectors?.remove ?? [], errors);
  // Without a field selector the generic DOM serves every field: a second parse of the page would be waste.
  const selectors = input.selectors;
  const custom =
    selectors?.title || selectors?.body || selectors?.date
      ? new SelectorPage(input.html, selectors, errors)
      : null;

  // Each field on its own: a selector that fails hands that field alone to the generic reader.
  const title = custom?.title() ?? generic.title();
  const publishedAt = custom?.publishedAt(timezone, now) ?? generic.publishedAt(timezone, now);
  const htmlLang = custom ? custom.htmlLang() : generic.htmlLang();
  const body = custom?.body() ?? generic.body();

  const result = { title, body, publishedAt: publishedAt?.toISOString() ?? null, htmlLang };
  const missing = (['title', 'body', 'publishedAt'] as const).filter((field) => !result[field]);
  return { ...result, missing, errors };
}

function resolveTimezone(timezone: string | undefined, errors: string[]): string {
  if (!timezone) return DEFAULT_TIMEZONE;
  if (isValidTimeZone(timezone)) return timezone;
  errors.push(`timezone: unknown IANA zone "${timezone}", dates read as UTC`);
  return DEFAULT_TIMEZONE;
}

/** The generic readers over one lazily parsed linkedom DOM. Read metadata before body(): Readability mutates the DOM. */
class GenericPage {
  private document: Document | null = null;
  private bodyText: string | null | undefined;

  constructor(
    private readonly html: string,
    private readonly removeSelectors: string[],
    private readonly errors: string[],
  ) {}

  title(): string | null {
    return this.guard('title', () => readTitle(this.query()));
  }

  publishedAt(timezone: string, now: Date): Date | null {
    return this.guard('publishedAt', () => {
      const stated = readPublishedAt(this.query(), timezone, now);
      if (stated?.timeStated) return stated.date;
      // Metadata that gives the day alone ("2016-08-15") takes the time printed by the title on that day.
      const shown = readDateNearTitle(this.dom(), timezone, now);
      if (!stated) return shown?.date ?? null;
      return shown?.timeStated && isSameLocalDay(stated.date, shown.date, timezone)
        ? shown.date
        : stated.date;
    });
  }

  htmlLang(): string | null {
    return this.guard('htmlLang', () => readHtmlLang(this.query()));
  }

  body(): string | null {
    if (this.bodyText === undefined) {
      this.bodyText = this.guard('body', () => {
        const document = this.dom();
        for (const selector of this.removeSelectors) removeMatches(document, selector, this.errors);
        return extractBody(document);
      });
    }
    return this.bodyText;
  }

  private query(): PageQuery {
    return domQuery(this.dom());
  }

  private dom(): Document {
    this.document ??= parseDocument(this.html);
    return this.document;
  }

  private guard<T>(field: string, read: () => T | null): T | null {
    try {
      return read();
    } catch (error) {
      this.errors.push(`${field}: generic extraction failed: ${messageOf(error)}`);
      return null;
    }
  }
}

function removeMatches(document: Document, selector: string, errors: string[]): void {
  try {
    for (const el of document.querySelectorAll(selector)) el.remove();
  } catch (error) {
    errors.push(`remove: bad selector "${selector}": ${messageOf(error)}`);
  }
}

function domQuery(document: Document): PageQuery {
  return {
    attributes: (selector, attribute) =>
      [...document.querySelectorAll(selector)].map((el) => el.getAttribute(attribute) ?? ''),
    texts: (selector) => [...document.querySelectorAll(selector)].map((el) => el.textContent ?? ''),
  };
}

function cheerioQuery($: CheerioAPI): PageQuery {
  return {
    attributes: (selector, attribute) =>
      $(selector)
        .toArray()
        .map((el) => $(el).attr(attribute) ?? ''),
    texts: (selector) =>
      $(selector)
        .toArray()
        .map((el) => $(el).text()),
  };
}

/** Site-specific selectors over one cheerio parse; null from a reader means "use the generic path". */
class SelectorPage {
  private readonly $: CheerioAPI;

  constructor(
    html: string,
    private readonly selectors: ArticleSelectors,
    private readonly errors: string[],
  ) {
    this.$ = load(html);
    for (const selector of selectors.remove ?? [])
      this.attempt('remove', selector, () => this.$(selector).remove());
  }

  title(): string | null {
    const selector = this.selectors.title;
    if (!selector) return null;
    return this.attempt('title', selector, () => {
      const el = this.$(selector).first();
      const text = normaliseInlineText(el.attr('content') ?? el.text());
      if (!text) return null;
      const siteName = this.$('meta[property="og:site_name"]').attr('content') ?? null;
      return stripSiteSuffix(text, siteName);
    });
  }

  body(): string | null {
    const selector = this.selectors.body;
    if (!selector) return null;
    return this.attempt('body', selector, () => {
      const blocks = this.$(selector)
        .toArray()
        .map((el) => htmlToText(el as unknown as TextNodeLike))
        .filter(Boolean);
      return blocks.length > 0 ? withoutCredits(blocks.join('\n')) || null : null;
    });
  }

  publishedAt(timezone: string, now: Date): Date | null {
    const selector = this.selectors.date;
    if (!selector) return null;
    return this.attempt('publishedAt', selector, () => {
      const el = this.$(selector).first();
      const node = el[0];
      if (!node) return null;
      // The text as one line with gaps between elements: cheerio's text() glues "2025</li><li>21:05" together.
      const candidates = [
        el.attr('datetime'),
        el.attr('content'),
        stampText(node as unknown as TextNodeLike),
      ];
      for (const candidate of candidates) {
        const found = candidate ? parseDateWithTime(candidate, timezone, now) : null;
        if (found) return withNearbyTime(node, found, timezone, now).date;
      }
      return null;
    });
  }

  htmlLang(): string | null {
    return readHtmlLang(cheerioQuery(this.$));
  }

  private attempt<T>(field: string, selector: string, read: () => T | null): T | null {
    try {
      const value = read();
      if (value === null && field !== 'remove') {
        this.errors.push(`${field}: selector "${selector}" found nothing usable, used the generic extractor`);
      }
      return value;
    } catch (error) {
      this.errors.push(
        `${field}: selector "${selector}" failed (${messageOf(error)}), used the generic extractor`,
      );
      return null;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The result for a page whose extraction could not finish (timeout, crash): no fields, and why. */
export function failedExtraction(reason: string): ExtractedArticle {
  return {
    title: null,
    body: null,
    publishedAt: null,
    htmlLang: null,
    missing: ['title', 'body', 'publishedAt'],
    errors: [reason],
  };
}
