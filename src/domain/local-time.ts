import { isValidTimeZone, zoneOffsetMinutes } from './dates.js';
import type { Country } from './types.js';

/**
 * Moments as the source's readers saw them: the wall clock of the source's time zone, with the zone named. An item
 * published at 21:30 UTC on the 11th is the 12th in Baku, and the bulletin counts it on the 12th: the workspace
 * shows it so. An unknown or invalid zone reads as UTC.
 */

/** The zone of each member state's capital: what an analyst picks for an item added by hand. */
export const memberStateTimeZones: Readonly<Record<Country, string>> = {
  AZ: 'Asia/Baku',
  KZ: 'Asia/Almaty',
  KG: 'Asia/Bishkek',
  RU: 'Europe/Moscow',
  TJ: 'Asia/Dushanbe',
  TM: 'Asia/Ashgabat',
  UZ: 'Asia/Tashkent',
};

export interface LocalTime {
  /** YYYY-MM-DD on the zone's calendar. */
  date: string;
  /** HH:MM:SS on the zone's clock. */
  time: string;
  /** `+05:00`, `-03:30`, `+00:00`. */
  offset: string;
  /** The IANA name, `UTC` when none was known. */
  zone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function usableZone(zone: string | null | undefined): string {
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}

export function localTime(instant: Date, zone: string | null | undefined): LocalTime {
  const name = usableZone(zone);
  const parts = Object.fromEntries(
    formatterOf(name)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset: formatOffset(zoneOffsetMinutes(instant.getTime(), name)),
    zone: name,
  };
}
