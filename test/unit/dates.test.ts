import { describe, expect, it } from 'vitest';
import { parseDateInZone, wallClockToUtc, zoneOffsetMinutes } from '../../src/domain/dates.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const iso = (text: string, zone = 'UTC') => parseDateInZone(text, zone, NOW)?.toISOString() ?? null;

describe('parseDateInZone', () => {
  it('keeps an explicit offset whatever the zone', () => {
    expect(iso('2025-03-05T10:20:30+05:00', 'Europe/Moscow')).toBe('2025-03-05T05:20:30.000Z');
    expect(iso('2025-03-05T10:20:30Z', 'Asia/Almaty')).toBe('2025-03-05T10:20:30.000Z');
    expect(iso('2025-03-05T10:20:30.123456-0330')).toBe('2025-03-05T13:50:30.123Z');
  });

  it('reads dates without an offset in the given IANA zone', () => {
    expect(iso('2025-03-05 10:20', 'Asia/Tashkent')).toBe('2025-03-05T05:20:00.000Z');
    expect(iso('2025-03-05', 'Asia/Bishkek')).toBe('2025-03-04T18:00:00.000Z');
    expect(iso('2025-03-05T10:20')).toBe('2025-03-05T10:20:00.000Z');
  });

  it('follows daylight saving time of zones that have it', () => {
    expect(iso('2025-01-10 12:00', 'Europe/Berlin')).toBe('2025-01-10T11:00:00.000Z');
    expect(iso('2025-06-10 12:00', 'Europe/Berlin')).toBe('2025-06-10T10:00:00.000Z');
  });

  it('parses numeric day-first dates with an optional time', () => {
    expect(iso('05.03.2025', 'Asia/Almaty')).toBe('2025-03-04T19:00:00.000Z');
    expect(iso('05.03.2025, 14:30', 'Europe/Moscow')).toBe('2025-03-05T11:30:00.000Z');
    expect(iso('5.3.2025 09:05')).toBe('2025-03-05T09:05:00.000Z');
    expect(iso('14:30, 05.03.2025', 'Asia/Baku')).toBe('2025-03-05T10:30:00.000Z');
  });

  it('rejects dates more than a day after now, but accepts later today', () => {
    expect(iso('2025-06-17T12:00:00Z')).toBeNull();
    expect(iso('2025-06-15T20:00:00Z')).toBe('2025-06-15T20:00:00.000Z');
  });

  it('rejects impossible dates, unknown forms and unknown zones', () => {
    expect(iso('31.02.2025')).toBeNull();
    expect(iso('2025-13-01')).toBeNull();
    expect(iso('someday')).toBeNull();
    expect(iso('')).toBeNull();
    expect(iso('2025-03-05', 'Mars/Olympus')).toBeNull();
  });
});

describe('time-zone helpers', () => {
  it('computes the offset of a zone at an instant', () => {
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 1), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 1), 'America/New_York')).toBe(-300);
  });

  it('places a wall-clock time of a zone on the UTC line', () => {
    const parts = { year: 2025, month: 7, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    expect(wallClockToUtc(parts, 'Asia/Dushanbe').toISOString()).toBe('2025-06-30T19:00:00.000Z');
  });
});

describe('machine date formats', () => {
  it('parses RFC 2822 dates and slash-separated ISO dates', () => {
    expect(iso('Mon, 18 Nov 2024 16:07:38 -0600')).toBe('2024-11-18T22:07:38.000Z');
    expect(iso('19 Nov 2024 07:09 GMT', 'Asia/Almaty')).toBe('2024-11-19T07:09:00.000Z');
    expect(iso('2024/11/19', 'Asia/Ashgabat')).toBe('2024-11-18T19:00:00.000Z');
    expect(iso('19 Foo 2024')).toBeNull();
  });
});
