import { MONTH_ABBREVIATIONS, MONTH_STEMS, monthOfName, RFC_2822_MONTHS } from './text/months.js';

/**
 * Date parsing for article pages: one small parser per textual form, tried in order.
 * Each parser yields wall-clock parts and, when the text states it, a UTC offset;
 * parts without an offset are placed in the caller's IANA time zone.
 * Human forms cover month names of the region's eight languages, numeric day-first dates and relative
 * dates ("вчера, 18:40", "2 soat oldin"); relative ones are resolved against `now` in the page's zone.
 */

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes?: number; // stated in the text; absent means "local time of the page's zone"
  timeStated?: boolean; // the text gave a time of day (or an instant); a bare date reads as midnight
}

/** A date found in a line of text, and whether the line also gave its time of day. */
export interface FoundDate {
  date: Date;
  timeStated: boolean;
}

export interface DateContext {
  timezone: string;
  now: Date;
}

export type DateParser = (text: string, context: DateContext) => DateParts | null;

const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const EARLIEST_YEAR = 1990;
const MINUTE_MS = 60_000;

const ISO_PATTERN =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

// RFC 2822 / HTTP dates ("Mon, 18 Nov 2019 16:07:38 -0600"): a machine format with fixed English month names.
const RFC_2822_PATTERN =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
// Month names (stems of every language, whole-word abbreviations) come from the text module (`months.ts`).
// Abbreviations match only as whole words («мар.», «Sept»): as stems they would also match «марок», «separate».
const byLengthDescending = (words: string[]) => words.sort((a, b) => b.length - a.length);
const STEMS = byLengthDescending(MONTH_STEMS.flat());
const ABBREVIATIONS = byLengthDescending(MONTH_ABBREVIATIONS.flat());

const LETTER = '\\p{L}';
const MONTH_WORD = `(?<!${LETTER})((?:${STEMS.join('|')})${LETTER}*|(?:${ABBREVIATIONS.join('|')})(?!${LETTER}))\\.?`;
// "19-го", "19-njy" (Turkmen), "19-" (Uzbek, Kyrgyz): an ordinal ending glued to the day. Not the minutes of
// a time: in «15:30 бугун» the 30 is no day.
const DAY = `(?<![\\d:])(\\d{1,2})(?:-?(?:го|е|ое|nji|njy|inji|ynjy|st|nd|rd|th))?`;
const YEAR = '(\\d{4})(?!\\d)';
// «2025 жылғы», «2025 jylǵy» (Kazakh Latin), «2025-yil», «2025-ci il», «2025 ýyl», «соли 2025»: words that may sit
// next to the year.
const YEAR_WORD = `(?:\\s*-?\\s*(?:жыл${LETTER}*|jyl${LETTER}*|ж\\.|yil${LETTER}*|йил${LETTER}*|-?c[iı]\\s+il${LETTER}*|il${LETTER}*|ýyl${LETTER}*|сол${LETTER}*|г\\.|года?|y\\.|ý\\.))?`;
const TIME_PATTERN = /(?<![\d.:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?(?![\d:])/iu;

// Tajik puts «соли» ("of the year") before the year: «19 сентябри соли 2025».
const DAY_MONTH_YEAR = new RegExp(`${DAY}[\\s.-]*${MONTH_WORD}[\\s,.-]*(?:соли\\s+)?${YEAR}`, 'iu');
const YEAR_DAY_MONTH = new RegExp(`${YEAR}${YEAR_WORD}[\\s,.-]+${DAY}[\\s.-]*${MONTH_WORD}`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`${MONTH_WORD}\\s*${DAY},?\\s+${YEAR}`, 'iu');
const DAY_MONTH_ONLY = new RegExp(`${DAY}[\\s.-]*${MONTH_WORD}`, 'iu');
const NUMERIC_DMY = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d.])/;
const NUMERIC_YMD = /(?<![\d.])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d.])/;

// Tajik sites without the Tajik letters write «имруз», «дируз».
const TODAY = /(?<!\p{L})(?:сегодня|бүгін|бүгүн|bugun|бугун|bu\s?gün|şu\s?gün|имрӯз|имруз|today)(?!\p{L})/iu;
const YESTERDAY = /(?<!\p{L})(?:вчера|кеше|кечээ|kecha|кеча|dünən|düýn|дирӯз|дируз|yesterday)(?!\p{L})/iu;
const DAY_BEFORE_YESTERDAY = /(?<!\p{L})позавчера(?!\p{L})/iu;
// Indexed by how many days back each word points.
const RELATIVE_DAYS = [TODAY, YESTERDAY, DAY_BEFORE_YESTERDAY];
const AGO = '(?:назад|бұрын|мурун|oldin|олдин|əvvəl|öň|пеш|ago)';
const UNIT_MINUTES: ReadonlyArray<[RegExp, number]> = [
  [/^(?:мин|мүнөт|daqiqa|дақиқа|dəqiqə|minut|min)/iu, 1],
  [/^(?:час|сағат|саат|soat|соат|saat|sagat|hour|hr)/iu, 60],
  [/^(?:дн|день|күн|kun|кун|gün|рӯз|day)/iu, 24 * 60],
];
const RELATIVE_AGO = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,3}|an?|one)?\\s*(\\p{L}+)\\.?\\s+(?:(?:mundan|ilgari)\\s+)?${AGO}(?!\\p{L})`,
  'iu',
);

function parseIso(text: string): DateParts | null {
  const m = ISO_PATTERN.exec(text);
  if (!m) return null;
  return {
    ...wallClock(m[1], m[2], m[3], m[4], m[5], m[6]),
    millisecond: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
    ...offsetOf(m[8]),
    timeStated: m[4] !== undefined,
  };
}

function parseRfc2822(text: string): DateParts | null {
  const m = RFC_2822_PATTERN.exec(text);
  const month = RFC_2822_MONTHS.indexOf(m?.[2]?.toLowerCase() ?? '') + 1;
  if (!m || month === 0) return null;
  return {
    ...wallClock(m[3], String(month), m[1], m[4], m[5], m[6]),
    ...offsetOf(m[7]),
    timeStated: m[4] !== undefined,
  };
}

/** "19.09.2025", "19/09/2025 10:15", "10:15 | 19-09-2025", "2025.09.19": day-first or year-first. */
function parseNumericDate(text: string): DateParts | null {
  const dmy = NUMERIC_DMY.exec(text);
  if (dmy) return withTime(text, dmy, wallClock(dmy[4], dmy[3], dmy[1]));
  const ymd = NUMERIC_YMD.exec(text);
  return ymd ? withTime(text, ymd, wallClock(ymd[1], ymd[3], ymd[4])) : null;
}

/** "19 сентября 2025", "2025 жылғы 19 қыркүйек", "2025-yil 19-sentyabr", "September 19, 2025". */
function parseMonthNameDate(text: string): DateParts | null {
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return monthNameParts(text, dmy, dmy[3], dmy[2], dmy[1]);
  const ydm = YEAR_DAY_MONTH.exec(text);
  if (ydm) return monthNameParts(text, ydm, ydm[1], ydm[3], ydm[2]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  return mdy ? monthNameParts(text, mdy, mdy[3], mdy[1], mdy[2]) : null;
}

/**
 * "19 сентября, 10:15" without a year: the latest such day not after today. Only with a time, because a bare
 * "19 сентября" in a page is far more often an event mentioned in the text than the article's own stamp.
 */
function parseMonthNameWithoutYear(text: string, context: DateContext): DateParts | null {
  const m = DAY_MONTH_ONLY.exec(text);
  const month = monthOfWord(m?.[2]);
  if (!m || !month || !TIME_PATTERN.test(text)) return null;
  const today = zonedDate(context.now.getTime(), context.timezone);
  const thisYear = withTime(text, m, wallClock(String(today.year), String(month), m[1]));
  const isAfterToday = thisYear.month * 100 + thisYear.day > today.month * 100 + today.day;
  return isAfterToday ? { ...thisYear, year: today.year - 1 } : thisYear;
}

/**
 * "сегодня, 10:15", "вчера в 18:40", "bugun 09:00", "dünən", "позавчера": the day in the page's zone, at the
 * stated time. The word needs a time or nothing else around it: "Сегодня в Душанбе…" opens sentences, not
 * date lines.
 */
function parseTodayYesterday(text: string, context: DateContext): DateParts | null {
  const daysBack = RELATIVE_DAYS.findIndex((word) => word.test(text));
  const time = TIME_PATTERN.exec(text);
  const isBareWord =
    RELATIVE_DAYS.reduce((rest, word) => rest.replace(word, ''), text).replace(/[\s,.:]/g, '') === '';
  if (daysBack < 0 || (!time && !isBareWord)) return null;
  const today = zonedDate(context.now.getTime(), context.timezone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day - daysBack));
  const parts = wallClock(
    String(day.getUTCFullYear()),
    String(day.getUTCMonth() + 1),
    String(day.getUTCDate()),
  );
  return time ? { ...parts, ...timeOf(time), timeStated: true } : parts;
}

/** "2 часа назад", "15 минут бұрын", "3 soat oldin", "5 dəqiqə əvvəl", "an hour ago": now minus the span. */
function parseTimeAgo(text: string, context: DateContext): DateParts | null {
  const m = RELATIVE_AGO.exec(text);
  if (!m) return null;
  const unit = UNIT_MINUTES.find(([pattern]) => pattern.test(m[2] ?? ''));
  if (!unit) return null;
  const count = m[1] && /^\d+$/.test(m[1]) ? Number(m[1]) : 1;
  const instant = new Date(context.now.getTime() - count * unit[1] * MINUTE_MS);
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hour: instant.getUTCHours(),
    minute: instant.getUTCMinutes(),
    second: 0,
    millisecond: 0,
    offsetMinutes: 0,
    timeStated: true,
  };
}

/** Machine formats, matched against the whole text: what metadata and datetime attributes carry. */
const MACHINE_PARSERS: readonly DateParser[] = [parseIso, parseRfc2822];

/** Human forms, found anywhere in the text: what bylines and date lines show. */
const TEXT_PARSERS: readonly DateParser[] = [
  parseNumericDate,
  parseMonthNameDate,
  parseMonthNameWithoutYear,
  parseTodayYesterday,
  parseTimeAgo,
];

export const DATE_PARSERS: readonly DateParser[] = [...MACHINE_PARSERS, ...TEXT_PARSERS];

function monthOfWord(word: string | undefined): number | undefined {
  return word ? monthOfName(word) : undefined;
}

function monthNameParts(
  text: string,
  match: RegExpExecArray,
  year: string | undefined,
  monthWord: string | undefined,
  day: string | undefined,
): DateParts | null {
  const month = monthOfWord(monthWord);
  return month ? withTime(text, match, wallClock(year, String(month), day)) : null;
}

/** Adds the first time of day written outside the date itself ("19.09.2025, 10:15", "10:15 | 19 Sep 2025"). */
function withTime(text: string, dateMatch: RegExpExecArray, date: DateParts): DateParts {
  const rest = `${text.slice(0, dateMatch.index)} ${text.slice(dateMatch.index + dateMatch[0].length)}`;
  const time = TIME_PATTERN.exec(rest);
  return time ? { ...date, ...timeOf(time), timeStated: true } : date;
}

function timeOf(time: RegExpExecArray): Pick<DateParts, 'hour' | 'minute' | 'second'> {
  let hour = Number(time[1]);
  const meridiem = time[4]?.toLowerCase();
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  return { hour, minute: Number(time[2]), second: Number(time[3] ?? 0) };
}

function wallClock(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour?: string,
  minute?: string,
  second?: string,
): DateParts {
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: 0,
  };
}

function offsetOf(zone: string | undefined): { offsetMinutes?: number } {
  if (!zone) return {};
  if (/^(z|utc|gmt)$/i.test(zone)) return { offsetMinutes: 0 };
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5) || '0');
  return { offsetMinutes: sign * (hours * 60 + minutes) };
}

function isPlausible(parts: DateParts): boolean {
  const { year, month, day, hour, minute, second } = parts;
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The calendar day and time the wall clock of `timezone` shows at the instant `utcMs`. */
function zonedDate(utcMs: number, timezone: string): Omit<DateParts, 'millisecond' | 'offsetMinutes'> {
  const parts = formatterFor(timezone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timezone` from UTC at the instant `utcMs`, in minutes (east positive). */
export function zoneOffsetMinutes(utcMs: number, timezone: string): number {
  const { year, month, day, hour, minute, second } = zonedDate(utcMs, timezone);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / MINUTE_MS);
}

/** The UTC instant at which the wall clock of `timezone` shows the given parts. */
export function wallClockToUtc(parts: DateParts, timezone: string): Date {
  const naive = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
  if (parts.offsetMinutes !== undefined) return new Date(naive - parts.offsetMinutes * MINUTE_MS);
  // Two passes settle the offset across a DST change (the second guess uses the offset at the first).
  let utc = naive - zoneOffsetMinutes(naive, timezone) * MINUTE_MS;
  utc = naive - zoneOffsetMinutes(utc, timezone) * MINUTE_MS;
  return new Date(utc);
}

export function isValidTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

function resolve(
  parsers: readonly DateParser[],
  text: string,
  timezone: string,
  now: Date,
): FoundDate | null {
  const cleaned = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!cleaned || !isValidTimeZone(timezone)) return null;
  const context = { timezone, now };
  for (const parse of parsers) {
    const parts = parse(cleaned, context);
    if (!parts) continue;
    if (!isPlausible(parts)) return null;
    const date = wallClockToUtc(parts, timezone);
    if (date.getTime() - now.getTime() > FUTURE_TOLERANCE_MS) return null;
    return { date, timeStated: parts.timeStated === true };
  }
  return null;
}

/**
 * Parses a publication date: a machine format (ISO 8601, RFC 2822) or a human one found in the text.
 * Text without an offset is read in `timezone` (IANA name).
 * Returns null for unknown forms, impossible dates and dates more than a day after `now`.
 */
export function parseDateInZone(text: string, timezone: string, now: Date = new Date()): Date | null {
  return resolve(DATE_PARSERS, text, timezone, now)?.date ?? null;
}

/** Like parseDateInZone, and says whether the text gave a time of day ("2025-09-21" gives none). */
export function parseDateWithTime(text: string, timezone: string, now: Date = new Date()): FoundDate | null {
  return resolve(DATE_PARSERS, text, timezone, now);
}

/** Only the human forms, searched inside a line of page text ("Опубликовано: 19 сентября 2025, 10:15"). */
export function findDateInText(text: string, timezone: string, now: Date = new Date()): Date | null {
  return resolve(TEXT_PARSERS, text, timezone, now)?.date ?? null;
}

/** Like findDateInText, and says whether the line gave a time of day ("21 сентября, 2025" gives none). */
export function findDateWithTimeInText(
  text: string,
  timezone: string,
  now: Date = new Date(),
): FoundDate | null {
  return resolve(TEXT_PARSERS, text, timezone, now);
}

/** True when both instants fall on the same calendar day of `timezone`. */
export function isSameLocalDay(first: Date, second: Date, timezone: string): boolean {
  const a = zonedDate(first.getTime(), timezone);
  const b = zonedDate(second.getTime(), timezone);
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
