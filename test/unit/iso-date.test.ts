import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/domain/iso-date.js';

const iso = (text: string, timezone = 'UTC') => parseIsoDate(text, timezone)?.toISOString();

describe('parseIsoDate', () => {
  it('reads a day as its midnight in the given zone, or in UTC', () => {
    expect(iso('2025-09-15')).toBe('2025-09-15T00:00:00.000Z');
    expect(iso('2025-09-15', 'Asia/Almaty')).toBe('2025-09-14T19:00:00.000Z');
    expect(iso('2025-09-15', 'Asia/Baku')).toBe('2025-09-14T20:00:00.000Z');
  });

  it('reads times with and without seconds, fractions and offsets', () => {
    expect(iso('2025-09-15T10:05')).toBe('2025-09-15T10:05:00.000Z');
    expect(iso('2025-09-15T10:05', 'Asia/Tashkent')).toBe('2025-09-15T05:05:00.000Z');
    expect(iso('2025-09-15 10:05:30.25+05:00', 'Europe/Moscow')).toBe('2025-09-15T05:05:30.250Z');
    expect(iso('2025-09-15T10:05:30Z', 'Asia/Dushanbe')).toBe('2025-09-15T10:05:30.000Z');
    expect(iso('2025-09-15T10:05:30+0300')).toBe('2025-09-15T07:05:30.000Z');
    expect(iso('2025-09-15T10:05:30-04')).toBe('2025-09-15T14:05:30.000Z');
    expect(iso('2025-09-15t10:05:30.123456789z')).toBe('2025-09-15T10:05:30.123Z');
  });

  it('refuses other forms and impossible days, times and offsets', () => {
    for (const text of [
      '',
      '15.09.2025',
      '2025-9-15',
      '2025-09-15T',
      '2025-09-15T10',
      '2025-02-30',
      '2025-13-01',
      '2025-09-15T24:00',
      '2025-09-15T10:60',
      '2025-09-15T10:00+15:00',
      '2025-09-15T10:00+05:75',
      'yesterday',
    ]) {
      expect(iso(text), text).toBeUndefined();
    }
  });
});
