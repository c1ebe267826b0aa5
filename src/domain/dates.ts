/**
 * Date parsing for article pages: one small parser per textual form, tried in order.
 * Each parser yields wall-clock parts and, when the text states it, a UTC offset;
 * parts without an offset are placed in the caller's IANA time zone.
 * Month-name forms (one per language) are meant to be added as further entries of DATE_PARSERS.
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
}

export type DateParser = (text: string) => DateParts | null;

const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const EARLIEST_YEAR = 1990;

const ISO_PATTERN =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const NUMERIC_DMY_PATTERN =
  /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:(?:\s*[,|]\s*|\s+(?:в\s+)?)(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/i;

// RFC 2822 / HTTP dates ("Mon, 18 Nov 2019 16:07:38 -0600"): a machine format with fixed English month names.
const RFC_2822_PATTERN =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const RFC_2822_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const TIME_FIRST_DMY_PATTERN = /^(\d{1,2}):(\d{2})\s*[,|]?\s*(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

function parseIso(text: string): DateParts | null {
  const m = ISO_PATTERN.exec(text);
  if (!m) return null;
  return {
    ...wallClock(m[1], m[2], m[3], m[4], m[5], m[6]),
    millisecond: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
    ...offsetOf(m[8]),
  };
}

function parseNumericDayFirst(text: string): DateParts | null {
  const m = NUMERIC_DMY_PATTERN.exec(text);
  if (!m) return null;
  return wallClock(m[3], m[2], m[1], m[4], m[5], m[6]);
}

function parseTimeThenNumericDate(text: string): DateParts | null {
  const m = TIME_FIRST_DMY_PATTERN.exec(text);
  if (!m) return null;
  return wallClock(m[5], m[4], m[3], m[1], m[2], undefined);
}

function parseRfc2822(text: string): DateParts | null {
  const m = RFC_2822_PATTERN.exec(text);
  const month = RFC_2822_MONTHS.indexOf(m?.[2]?.toLowerCase() ?? '') + 1;
  if (!m || month === 0) return null;
  return { ...wallClock(m[3], String(month), m[1], m[4], m[5], m[6]), ...offsetOf(m[7]) };
}

export const DATE_PARSERS: readonly DateParser[] = [
  parseIso,
  parseNumericDayFirst,
  parseTimeThenNumericDate,
  parseRfc2822,
];

function wallClock(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
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

/** Offset of `timezone` from UTC at the instant `utcMs`, in minutes (east positive). */
export function zoneOffsetMinutes(utcMs: number, timezone: string): number {
  const parts = formatterFor(timezone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
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
  if (parts.offsetMinutes !== undefined) return new Date(naive - parts.offsetMinutes * 60000);
  // Two passes settle the offset across a DST change (the second guess uses the offset at the first).
  let utc = naive - zoneOffsetMinutes(naive, timezone) * 60000;
  utc = naive - zoneOffsetMinutes(utc, timezone) * 60000;
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

/**
 * Parses a publication date. Text without an offset is read in `timezone` (IANA name).
 * Returns null for unknown forms, impossible dates and dates more than a day after `now`.
 */
export function parseDateInZone(text: string, timezone: string, now: Date = new Date()): Date | null {
  const cleaned = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!cleaned || !isValidTimeZone(timezone)) return null;
  for (const parse of DATE_PARSERS) {
    const parts = parse(cleaned);
    if (!parts) continue;
    if (!isPlausible(parts)) return null;
    const date = wallClockToUtc(parts, timezone);
    return date.getTime() - now.getTime() > FUTURE_TOLERANCE_MS ? null : date;
  }
  return null;
}
