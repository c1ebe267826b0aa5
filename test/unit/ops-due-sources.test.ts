import { describe, expect, it } from 'vitest';
import { isDue, lastFireTime, nextFireTime } from '../../src/ops/due-sources.js';

const almaty = { schedule: '5 */3 * * *', timezone: 'Asia/Almaty' };

describe('schedules', () => {
  it('reads the cron in the source time zone', () => {
    // 10:00 UTC is 15:00 in Almaty (UTC+5): the last firing was at 12:05 local, the next at 15:05.
    const now = new Date('2026-03-10T10:00:00Z');
    expect(lastFireTime(almaty.schedule, almaty.timezone, now).toISOString()).toBe(
      '2026-03-10T07:05:00.000Z',
    );
    expect(nextFireTime(almaty.schedule, almaty.timezone, now).toISOString()).toBe(
      '2026-03-10T10:05:00.000Z',
    );
    const baku = lastFireTime('0 9 * * *', 'Asia/Baku', now);
    expect(baku.toISOString()).toBe('2026-03-10T05:00:00.000Z');
  });

  it('is due when the schedule fired after the last run, or the source never ran', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    expect(isDue(almaty, null, now)).toBe(true);
    expect(isDue(almaty, new Date('2026-03-10T07:04:00Z'), now)).toBe(true);
    expect(isDue(almaty, new Date('2026-03-10T07:06:00Z'), now)).toBe(false);
  });

  it('counts a firing at this very minute', () => {
    const firing = new Date('2026-03-10T10:05:00Z');
    expect(isDue(almaty, new Date('2026-03-10T09:00:00Z'), firing)).toBe(true);
  });
});
