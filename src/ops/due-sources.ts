import { CronExpressionParser } from 'cron-parser';
import type { Queryable } from '../db/database.js';
import type { SourceConfig } from '../sources/source-schema.js';

/** The latest moment at or before `now` when the schedule fires, in the source's time zone. */
export function lastFireTime(schedule: string, timezone: string, now: Date): Date {
  const expression = CronExpressionParser.parse(schedule, {
    // One millisecond later: a schedule firing exactly now counts as fired.
    currentDate: new Date(now.getTime() + 1),
    tz: timezone,
  });
  return expression.prev().toDate();
}

export function nextFireTime(schedule: string, timezone: string, now: Date): Date {
  return CronExpressionParser.parse(schedule, { currentDate: now, tz: timezone }).next().toDate();
}

/** A source is due when its schedule fired after its last run started (or it never ran). */
export function isDue(
  source: Pick<SourceConfig, 'schedule' | 'timezone'>,
  lastRunAt: Date | null,
  now: Date,
): boolean {
  if (!lastRunAt) return true;
  return lastFireTime(source.schedule, source.timezone, now) > lastRunAt;
}

export async function lastRunTimes(db: Queryable, sourceIds: readonly string[]): Promise<Map<string, Date>> {
  const result = await db.query<{ source_id: string; last: Date }>(
    `SELECT source_id, max(created_at) AS last FROM crawl_runs WHERE source_id = ANY($1::text[])
     GROUP BY source_id`,
    [sourceIds],
  );
  return new Map(result.rows.map((row) => [row.source_id, new Date(row.last)]));
}

/** The enabled sources whose schedule is due, judged against their last run in crawl_runs. */
export async function findDueSources(
  db: Queryable,
  sources: readonly SourceConfig[],
  now = new Date(),
): Promise<SourceConfig[]> {
  const enabled = sources.filter((source) => source.enabled);
  const lastRuns = await lastRunTimes(
    db,
    enabled.map((source) => source.id),
  );
  return enabled.filter((source) => isDue(source, lastRuns.get(source.id) ?? null, now));
}
