import { wallClockToUtc } from './dates.js';

/**
 * ISO 8601 calendar dates as people and other tools write them for an article's publication: a day
 * (`2025-09-15`), or a day and time with or without seconds, fraction and offset (`2025-09-15T10:05`,
 * `2025-09-15 10:05:30.250+05:00`, `…Z`, `…+0500`, `…+05`). A day or a time without offset is read on the
 * wall clock of `timezone` (a day is its midnight there). Impossible days and times are refused.
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export const ISO_DATE_EXPECTED =
  'expected an ISO 8601 date (2025-09-15) or date and time (2025-09-15T10:00:00+05:00)';

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  if (Number(digits.slice(2) || 0) > 59 || minutes > 14 * 60) return Number.NaN;
  return zone.startsWith('-') ? -minutes : minutes;
}

/** The instant `text` names, or undefined when it is not such a date. */
export function parseIsoDate(text: string, timezone: string): Date | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
    offsetMinutes: offsetMinutes(zone),
  };
  const calendar = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  const validDay = calendar.getUTCMonth() === parts.month - 1 && calendar.getUTCDate() === parts.day;
  const validTime = parts.hour < 24 && parts.minute < 60 && parts.second < 60;
  if (!validDay || !validTime || Number.isNaN(parts.offsetMinutes)) return undefined;
  const { offsetMinutes: offset, ...wallClock } = parts;
  return wallClockToUtc(offset === undefined ? wallClock : { ...wallClock, offsetMinutes: offset }, timezone);
}
