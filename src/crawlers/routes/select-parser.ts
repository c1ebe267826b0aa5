import type { ArticleSelectors, SourceConfig } from '../../sources/source-schema.js';

export interface SelectedParser {
  selectors: ArticleSelectors;
  /** 1 = the oldest parser; `of` = the current one. */
  version: number;
  of: number;
}

/**
 * The parser for a page of `pageDate` (when it was recorded or is crawled): the oldest version whose
 * `validUntil` is after that day in the source's time zone, else the current one (`article`).
 */
export function selectParser(source: Pick<SourceConfig, 'article' | 'parsers' | 'timezone'>, pageDate: Date) {
  const older = source.parsers ?? [];
  const day = localDay(pageDate, source.timezone);
  const index = older.findIndex((version) => day < version.validUntil);
  const of = older.length + 1;
  const chosen = older[index];
  return chosen
    ? ({ selectors: chosen.selectors, version: index + 1, of } satisfies SelectedParser)
    : ({ selectors: source.article, version: of, of } satisfies SelectedParser);
}

// Building a formatter costs far more than using one: one per zone, for every page of every crawl.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `date` on the wall calendar of `timezone` (en-CA formats dates that way). */
function localDay(date: Date, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timezone, format);
  }
  return format.format(date);
}
