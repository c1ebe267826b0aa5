import { describe, expect, it } from 'vitest';
import { assessSourceHealth, type HealthInput, type RunForHealth } from '../../src/ops/source-health.js';

const day = 86_400_000;
const now = new Date('2026-03-31T12:00:00Z');
const okRun: RunForHealth = { status: 'succeeded', pagesFetched: 12, errors: 0, errorKinds: [] };
const everyDay = (count: number, newestDaysAgo = 0) =>
  Array.from({ length: count }, (_, i) => new Date(now.getTime() - (newestDaysAgo + i) * day));

function input(overrides: Partial<HealthInput> = {}): HealthInput {
  return {
    runs: [okRun, okRun],
    extraction: { articles: 10, missingTitle: 0, missingBody: 0, missingDate: 1 },
    publishedAt: everyDay(10),
    now,
    ...overrides,
  };
}

describe('assessSourceHealth', () => {
  it('finds a source with clean recent runs ok', () => {
    expect(assessSourceHealth(input())).toEqual({ state: 'ok', reasons: [] });
  });

  it('calls a source broken when every request of its last run failed', () => {
    const failed: RunForHealth = {
      status: 'failed',
      pagesFetched: 0,
      errors: 2,
      errorKinds: ['http_500', 'http_500'],
    };
    const health = assessSourceHealth(input({ runs: [failed, okRun] }));
    expect(health.state).toBe('broken');
    expect(health.reasons[0]).toMatch(/every request of the last run failed \(2 errors: http_500\)/);
  });

  it('calls a source broken when its pages no longer match the parser', () => {
    const extraction = { articles: 8, missingTitle: 1, missingBody: 8, missingDate: 8 };
    const health = assessSourceHealth(input({ extraction }));
    expect(health.state).toBe('broken');
    expect(health.reasons.join()).toMatch(/8\/8 without body/);
  });

  it('calls a daily source broken after a silent week, but not a weekly one', () => {
    expect(assessSourceHealth(input({ publishedAt: everyDay(10, 7) })).state).toBe('broken');
    const weekly = Array.from({ length: 6 }, (_, i) => new Date(now.getTime() - (7 + i * 7) * day));
    expect(assessSourceHealth(input({ publishedAt: weekly })).state).toBe('ok');
  });

  it('calls a source degraded above the extraction failure threshold or after an error streak', () => {
    const extraction = { articles: 10, missingTitle: 0, missingBody: 4, missingDate: 0 };
    expect(assessSourceHealth(input({ extraction }))).toEqual({
      state: 'degraded',
      reasons: ['40% of the recent articles lack a title or body'],
    });
    const withErrors: RunForHealth = { ...okRun, errors: 1, errorKinds: ['timeout'] };
    const streak = assessSourceHealth(input({ runs: [withErrors, withErrors, withErrors, okRun] }));
    expect(streak).toEqual({ state: 'degraded', reasons: ['the last 3 runs had errors'] });
    expect(assessSourceHealth(input({ runs: [withErrors, withErrors, okRun] })).state).toBe('ok');
  });

  it('judges no shares on too few articles, and nothing before the first run', () => {
    const extraction = { articles: 2, missingTitle: 2, missingBody: 2, missingDate: 2 };
    expect(assessSourceHealth(input({ extraction })).state).toBe('ok');
    expect(assessSourceHealth(input({ runs: [] }))).toEqual({
      state: 'ok',
      reasons: ['no finished run yet'],
    });
  });
});
