import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/iso-date.js';
import { formatOffset, localTime, memberStateTimeZones } from '../../src/domain/local-time.js';

describe('local time of a source', () => {
  it('shows 21:30 UTC on the 11th as the 12th in Baku, with the zone and its offset', () => {
    expect(localTime(new Date('2026-11-11T21:30:00Z'), 'Asia/Baku')).toEqual({
      date: '2026-11-12',
      time: '01:30:00',
      offset: '+04:00',
      zone: 'Asia/Baku',
    });
  });

  it('follows daylight saving where a zone has it, and reads an unknown or missing zone as UTC', () => {
    expect(localTime(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin').offset).toBe('+02:00');
    expect(localTime(new Date('2026-12-01T12:00:00Z'), 'Europe/Berlin').offset).toBe('+01:00');
    expect(localTime(new Date('2026-11-11T21:30:00Z'), 'Mars/Olympus')).toMatchObject({
      date: '2026-11-11',
      zone: 'UTC',
      offset: '+00:00',
    });
    expect(localTime(new Date('2026-11-11T21:30:00Z'), null).zone).toBe('UTC');
  });

  it('gives back the same instant when its wall clock is read again in its zone (the edit form)', () => {
    const instant = new Date('2026-11-30T19:45:17Z');
    for (const zone of Object.values(memberStateTimeZones)) {
      const { date, time } = localTime(instant, zone);
      expect(parseIsoDate(`${date}T${time}`, zone)?.toISOString(), zone).toBe(instant.toISOString());
    }
  });

  it('writes offsets west and east of Greenwich, with minutes', () => {
    expect([formatOffset(300), formatOffset(-210), formatOffset(0), formatOffset(345)]).toEqual([
      '+05:00',
      '-03:30',
      '+00:00',
      '+05:45',
    ]);
  });
});
