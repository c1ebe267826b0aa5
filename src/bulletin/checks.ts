import { canonicalizeUrl, InvalidUrlError } from '../domain/canonical-url.js';
import { type Bulletin, type BulletinEntry, isInPeriod } from './assemble.js';
import { countryShortName } from './house-format.js';

export type WarningCode =
  | 'missing_url'
  | 'invalid_url'
  | 'no_english_title'
  | 'no_english_body'
  | 'unreviewed_english'
  | 'same_story'
  | 'duplicate'
  | 'outside_period'
  | 'empty_country'
  | 'other_country'
  | 'undated_draft';

export interface BulletinWarning {
  code: WarningCode;
  message: string;
  /** bulletin_items.id of the item concerned, when there is one. */
  itemId?: number | null;
}

const ASCII_LETTER = /[A-Za-z]/g;
const ANY_LETTER = /\p{L}/gu;

/**
 * English text is Latin letters with at most a sprinkling of diacritics (place names such as "Göygöl");
 * Azerbaijani, Turkmen or Uzbek titles carry many more, Russian ones none of the Latin letters.
 */
export function looksEnglish(text: string): boolean {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  const ascii = text.match(ASCII_LETTER)?.length ?? 0;
  return letters > 0 && ascii / letters >= 0.95;
}

function label(entry: BulletinEntry): string {
  return `"${entry.title || '(no title)'}"`;
}

function normalizedTitle(title: string): string {
  return title
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The canonical URL, or undefined when the URL cannot be an article's address. */
function urlKey(url: string): string | undefined {
  try {
    return canonicalizeUrl(url);
  } catch (error) {
    if (error instanceof InvalidUrlError) return undefined;
    throw error;
  }
}

function entryWarnings(entry: BulletinEntry, bulletin: Bulletin): BulletinWarning[] {
  const warnings: BulletinWarning[] = [];
  const itemId = entry.id;
  if (!entry.url)
    warnings.push({ code: 'missing_url', message: `${label(entry)} has no source URL`, itemId });
  else if (urlKey(entry.url) === undefined) {
    warnings.push({
      code: 'invalid_url',
      message: `${label(entry)} has an invalid URL ${entry.url}`,
      itemId,
    });
  }
  if (!entry.title.trim() || !entry.titleIsEnglish) {
    warnings.push({ code: 'no_english_title', message: `${label(entry)} has no English title`, itemId });
  }
  if (entry.bodyIsEnglish === false || !entry.body.trim()) {
    warnings.push({ code: 'no_english_body', message: `${label(entry)} has no English text`, itemId });
  }
  if (entry.englishState === 'suggestion') {
    warnings.push({
      code: 'unreviewed_english',
      message: `${label(entry)} prints generated English nobody has reviewed yet`,
      itemId,
    });
  }
  if (entry.publishedOn && !isInPeriod(entry.publishedOn, bulletin.period)) {
    warnings.push({
      code: 'outside_period',
      message: `${label(entry)} was published on ${entry.publishedOn}, outside ${bulletin.period.from}…${bulletin.period.to}`,
      itemId,
    });
  }
  return warnings;
}

function duplicateWarnings(entries: readonly BulletinEntry[]): BulletinWarning[] {
  const warnings: BulletinWarning[] = [];
  const seenUrls = new Map<string, BulletinEntry>();
  const seenTitles = new Map<string, BulletinEntry>();
  for (const entry of entries) {
    const url = entry.url ? (urlKey(entry.url) ?? entry.url) : null;
    const title = normalizedTitle(entry.title);
    const first = (url && seenUrls.get(url)) || (title && seenTitles.get(title));
    if (first) {
      warnings.push({
        code: 'duplicate',
        message: `${label(entry)} duplicates ${label(first)}${url && seenUrls.has(url) ? ` (same URL ${entry.url})` : ' (same title)'}`,
        itemId: entry.id,
      });
    }
    if (url && !seenUrls.has(url)) seenUrls.set(url, entry);
    if (title && !seenTitles.has(title)) seenTitles.set(title, entry);
  }
  return warnings;
}

/** A story is one event: two items of one story report it twice (and the count line counts it twice). */
function sameStoryWarnings(entries: readonly BulletinEntry[]): BulletinWarning[] {
  const first = new Map<number, BulletinEntry>();
  const warnings: BulletinWarning[] = [];
  for (const entry of entries) {
    if (entry.storyId === undefined || entry.storyId === null) continue;
    const earlier = first.get(entry.storyId);
    if (earlier) {
      warnings.push({
        code: 'same_story',
        message: `${label(entry)} reports the same event as ${label(earlier)} (story #${entry.storyId}): keep one of them`,
        itemId: entry.id,
      });
    } else first.set(entry.storyId, entry);
  }
  return warnings;
}

/** The editor's checklist before a bulletin goes out; nothing here stops an export. */
export function editorialChecks(
  bulletin: Bulletin,
  options: { undatedDrafts?: number } = {},
): BulletinWarning[] {
  const entries = [...bulletin.sections.flatMap((section) => section.items), ...bulletin.other];
  const warnings = entries.flatMap((entry) => entryWarnings(entry, bulletin));
  warnings.push(...duplicateWarnings(entries));
  warnings.push(...sameStoryWarnings(entries));
  for (const country of bulletin.countryOrder) {
    if (bulletin.byCountry[country] === 0) {
      warnings.push({
        code: 'empty_country',
        message: `${countryShortName(country, 'en')} has no items in this bulletin`,
      });
    }
  }
  for (const entry of bulletin.other) {
    warnings.push({
      code: 'other_country',
      message: `${label(entry)} is about an event outside the member states: assign a country or drop it`,
      itemId: entry.id,
    });
  }
  if (options.undatedDrafts) {
    warnings.push({
      code: 'undated_draft',
      message: `${options.undatedDrafts} approved draft(s) have no publication date and are not in any period`,
    });
  }
  return warnings;
}
