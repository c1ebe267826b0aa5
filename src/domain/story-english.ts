import { monthOf } from './story-numbers.js';
import { placeOf } from './story-places.js';
import { ENGLISH_MONTH_ABBREVIATIONS, ENGLISH_MONTHS } from './text/months.js';
import { toCommonLatin } from './text/transliterate.js';
import type { DetectedLanguage } from './types.js';

/**
 * What English reports do differently from the region's own, for story linking, and which member of a story is
 * its English report.
 *
 * - Datelines: agencies open their English (and some Russian) items with the place and the day of publication
 *   (`BAKU, Azerbaijan, September 25.`, `DUSHANBE, 23.09.2025 /NIAT Khovar/.`, `MOSCOW, September 19. /TASS/.`),
 *   which the local version seldom repeats: that date says when the item was filed, not when the event happened,
 *   and is not read as a fact.
 * - Amounts under ten are spelt out (`seven kilograms`, `a ton`).
 * - Month and weekday names are capitalised but are not names.
 */

const DATE_IN_DATELINE = String.raw`\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,}\.?|\p{L}{3,}\.?\s*\d{1,2}(?:st|nd|rd|th)?`;
/**
 * The place (an upper-case word, or a known place: `Baku.`), an optional country, then the date, then the
 * agency's mark or the text: `BAKU, Azerbaijan, Sept.18.`, `Astana. September 18. KAZINFORM`.
 */
const DATELINE = new RegExp(
  String.raw`^(\s*([\p{L}-]+)(?:,\s*\p{Lu}\p{Ll}+)?[,.]?\s+)(${DATE_IN_DATELINE})((?:,?\s*\d{4})?)(?=\s*(?:[.,/(«"—–-]|$))`,
  'u',
);

function isDatelinePlace(word: string): boolean {
  return (/^\p{Lu}{3,}(?:-\p{Lu}+)?$/u.test(word) && word.length <= 20) || placeOf(word) !== undefined;
}

function isDate(text: string): boolean {
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(text)) return true;
  return toCommonLatin(text)
    .split(/[^a-z.]+/)
    .some((word) => word !== '' && monthOf(word) > 0);
}

/** The body without the date of its dateline (blanked, so that offsets stay). */
export function withoutDateline(body: string): string {
  const match = DATELINE.exec(body);
  if (!match) return body;
  const [, head = '', place = '', date = '', year = ''] = match;
  if (!isDatelinePlace(place) || !isDate(date)) return body;
  const blank = ' '.repeat(date.length + year.length);
  return `${head}${blank}${body.slice(head.length + blank.length)}`;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const UNIT_AFTER_WORD = String.raw`(?:kilo(?:gram(?:me)?)?s?|kg|grams?|grammes?|tons?|tonnes?)\b`;
const NUMBER_WORD_BEFORE_UNIT = new RegExp(
  String.raw`\b(half an?|one and a half|${Object.keys(NUMBER_WORDS).join('|')})(\s+)(?=${UNIT_AFTER_WORD})`,
  'giu',
);

/** `seven kilograms` → `7 kilograms`, `a ton` → `1 ton`, `half a kilogram` → `0.5 kilogram`. */
export function digitsForNumberWords(text: string): string {
  return text.replace(NUMBER_WORD_BEFORE_UNIT, (_match, word: string, space: string) => {
    const lower = word.toLowerCase();
    const value = lower.startsWith('half') ? 0.5 : lower.startsWith('one and') ? 1.5 : NUMBER_WORDS[lower];
    return `${value}${space}`;
  });
}

/** English month and weekday names and their abbreviations: capitalised, never names of people or places. */
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_MONTHS,
  ...ENGLISH_MONTH_ABBREVIATIONS.flat(),
  ...WEEKDAYS,
]);

export function isCalendarWord(word: string): boolean {
  return CALENDAR_WORDS.has(word.toLowerCase());
}

/** Whether a language uses Latin `c` for the sound of English `j` (`Gəncə` Ganja, `Cəlilabad` Jalilabad). */
export const latinCIsJ = (lang: DetectedLanguage | null | undefined): boolean => lang === 'aze';

// ---------------------------------------------------------------------------------------------------------------
// The story's English report

export interface StoryReportMember {
  id: number;
  lang: string | null;
  official: boolean;
  /** `new`, `approved`, `published`, `rejected`, `covered`, `filtered` (exact duplicates are filtered members). */
  status: string;
  publishedAt: Date | null;
}

const STATUS_RANK: Readonly<Record<string, number>> = {
  published: 0,
  approved: 0,
  new: 1,
  covered: 1,
  filtered: 2,
};

/**
 * The member whose English the bulletin item defaults to: an English report an analyst has not rejected,
 * an approved (or published) one first, then a draft, then an exact duplicate; among those the official
 * source's, then the earliest. Undefined when the story has none.
 */
export function chooseEnglishReport(members: readonly StoryReportMember[]): number | undefined {
  const time = (member: StoryReportMember) => member.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const rank = (member: StoryReportMember) => STATUS_RANK[member.status] ?? 3;
  return members
    .filter((member) => member.lang === 'eng' && member.status !== 'rejected')
    .sort(
      (a, b) =>
        rank(a) - rank(b) || Number(b.official) - Number(a.official) || time(a) - time(b) || a.id - b.id,
    )[0]?.id;
}
