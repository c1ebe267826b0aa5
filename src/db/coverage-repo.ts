import type { Queryable } from './database.js';

export interface CountryCoverage {
  country: string;
  approved: number;
  fresh: number;
  previous: number;
}

/**
 * Items per country published in the period (approved or published, and still new) next to the
 * previous period's approved and published items.
 */
export async function countCoverage(
  db: Queryable,
  period: { from: string; to: string },
  previous: { from: string; to: string },
): Promise<CountryCoverage[]> {
  const result = await db.query<CountryCoverage>(
    `SELECT country,
       count(*) FILTER (WHERE in_period AND status IN ('approved', 'published'))::int AS approved,
       count(*) FILTER (WHERE in_period AND status = 'new')::int AS fresh,
       count(*) FILTER (WHERE in_previous AND status IN ('approved', 'published'))::int AS previous
     FROM (
       SELECT country, status,
         published_at >= $1::date AND published_at < $2::date AS in_period,
         published_at >= $3::date AND published_at < $4::date AS in_previous
       FROM articles WHERE country IS NOT NULL
     ) dated
     GROUP BY country`,
    [period.from, period.to, previous.from, previous.to],
  );
  return result.rows;
}

export interface SourceHealth {
  source_id: string;
  last_run_at: Date | null;
  last_status: string | null;
  last_error: string | null;
  error_streak: number;
  items_found: number;
  last_relevant_at: Date | null;
}

/** Per source: its last run, how many runs failed in a row since its last success, and its articles. */
export async function listSourceHealth(db: Queryable): Promise<SourceHealth[]> {
  const result = await db.query<SourceHealth>(
    `WITH ranked AS (
       SELECT source_id, created_at, status, error,
         row_number() OVER (PARTITION BY source_id ORDER BY created_at DESC, id DESC) AS position,
         max(created_at) FILTER (WHERE status = 'succeeded') OVER (PARTITION BY source_id) AS last_success
       FROM crawl_runs
     ), runs AS (
       SELECT source_id,
         max(created_at) AS last_run_at,
         max(status) FILTER (WHERE position = 1) AS last_status,
         max(error) FILTER (WHERE position = 1) AS last_error,
         count(*) FILTER (WHERE status = 'failed' AND created_at > coalesce(last_success, '-infinity'))::int
           AS error_streak
       FROM ranked GROUP BY source_id
     ), found AS (
       SELECT source_id, count(*)::int AS items_found,
         max(published_at) FILTER (WHERE status IN ('new', 'approved', 'published')) AS last_relevant_at
       FROM articles GROUP BY source_id
     )
     SELECT coalesce(runs.source_id, found.source_id) AS source_id, runs.last_run_at, runs.last_status,
       runs.last_error, coalesce(runs.error_streak, 0) AS error_streak,
       coalesce(found.items_found, 0) AS items_found, found.last_relevant_at
     FROM runs FULL JOIN found ON found.source_id = runs.source_id
     ORDER BY 1`,
  );
  return result.rows;
}
