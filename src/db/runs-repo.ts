import type { Queryable } from './database.js';
import { type ProcessIdentity, thisProcess } from './embedded/process-identity.js';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface CrawlError {
  url: string;
  kind: string;
  message: string;
}

/** Counters a crawl keeps while it runs; article fates are counted from the articles table instead. */
export interface CrawlStats {
  pagesFetched: number;
  /** Article pages among pagesFetched: a re-crawl of an unchanged site fetches none. */
  articlePagesFetched: number;
  articlesDiscovered: number;
  alreadyKnown: number;
  candidatesStored: number;
  robotsBlocked: number;
  /** Article pages whose extraction found no title, body or date: a rise means the site changed. */
  extractionsMissing: { title: number; body: number; publishedAt: number };
  errors: CrawlError[];
}

export const emptyCrawlStats = (): CrawlStats => ({
  pagesFetched: 0,
  articlePagesFetched: 0,
  articlesDiscovered: 0,
  alreadyKnown: 0,
  candidatesStored: 0,
  robotsBlocked: 0,
  extractionsMissing: { title: 0, body: 0, publishedAt: 0 },
  errors: [],
});

export interface CrawlRun {
  id: number;
  source_id: string;
  batch_id: string;
  trigger: string;
  source_config: unknown;
  reference_time: Date;
  status: RunStatus;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  stats: Partial<CrawlStats>;
  error: string | null;
  /** The process that created the run, then the one that crawls it: when it dies, the run is stranded. */
  runner: ProcessIdentity | null;
  heartbeat_at: Date | null;
}

export async function createRuns(
  db: Queryable,
  sources: ReadonlyArray<{ id: string; config: unknown }>,
  batchId: string,
  trigger: string,
  referenceTime?: Date,
  runner: ProcessIdentity = thisProcess(),
): Promise<CrawlRun[]> {
  const result = await db.query<CrawlRun>(
    `INSERT INTO crawl_runs (source_id, source_config, batch_id, trigger, reference_time, runner)
     SELECT source_id, source_config, $3, $4, COALESCE($5::timestamptz, now()), $6::jsonb
     FROM unnest($1::text[], $2::jsonb[]) AS input (source_id, source_config)
     RETURNING *`,
    [
      sources.map((source) => source.id),
      sources.map((source) => JSON.stringify(source.config ?? null)),
      batchId,
      trigger,
      referenceTime ?? null,
      JSON.stringify(runner),
    ],
  );
  return result.rows;
}

export async function getRun(db: Queryable, runId: number): Promise<CrawlRun | undefined> {
  const result = await db.query<CrawlRun>('SELECT * FROM crawl_runs WHERE id = $1', [runId]);
  return result.rows[0];
}

/** Returns false when the run has already finished (a job delivered again after completion). */
export async function startRun(
  db: Queryable,
  runId: number,
  runner: ProcessIdentity = thisProcess(),
): Promise<boolean> {
  const result = await db.query(
    `UPDATE crawl_runs SET status = 'running', attempts = attempts + 1,
       started_at = COALESCE(started_at, now()), heartbeat_at = now(), runner = $2::jsonb
     WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
    [runId, JSON.stringify(runner)],
  );
  return result.rowCount > 0;
}

export async function recordHeartbeat(db: Queryable, runId: number, stats: CrawlStats): Promise<void> {
  await db.query('UPDATE crawl_runs SET heartbeat_at = now(), stats = $2 WHERE id = $1', [
    runId,
    JSON.stringify(stats),
  ]);
}

export async function finishRun(
  db: Queryable,
  runId: number,
  outcome: { status: 'succeeded' | 'failed'; stats: Partial<CrawlStats>; error?: string | undefined },
): Promise<void> {
  await db.query(
    `UPDATE crawl_runs SET status = $2, stats = $3, error = $4, finished_at = now(), heartbeat_at = now()
     WHERE id = $1`,
    [runId, outcome.status, JSON.stringify(outcome.stats), outcome.error ?? null],
  );
}

export async function listBatchRuns(db: Queryable, batchId: string): Promise<CrawlRun[]> {
  const result = await db.query<CrawlRun>('SELECT * FROM crawl_runs WHERE batch_id = $1 ORDER BY id', [
    batchId,
  ]);
  return result.rows;
}

/** Runs whose queue job has probably been lost: queued or running without a heartbeat for too long. */
export async function listStalledRuns(db: Queryable, staleAfterSecs: number): Promise<CrawlRun[]> {
  const result = await db.query<CrawlRun>(
    `SELECT * FROM crawl_runs
     WHERE status IN ('queued', 'running')
       AND COALESCE(heartbeat_at, created_at) < now() - make_interval(secs => $1)
     ORDER BY id`,
    [staleAfterSecs],
  );
  return result.rows;
}

/** Runs not finished yet, whoever runs them. */
export async function listUnfinishedRuns(db: Queryable): Promise<CrawlRun[]> {
  const result = await db.query<CrawlRun>(
    `SELECT * FROM crawl_runs WHERE status IN ('queued', 'running') ORDER BY id`,
  );
  return result.rows;
}

/** Marks the unfinished runs of one process failed (it is being stopped); returns their ids. */
export async function failRunsOf(db: Queryable, runner: ProcessIdentity, reason: string): Promise<number[]> {
  const result = await db.query<{ id: number }>(
    `UPDATE crawl_runs SET status = 'failed', error = $4, finished_at = now(), heartbeat_at = now()
     WHERE status IN ('queued', 'running')
       AND (runner->>'pid')::int = $1 AND runner->>'host' = $2
       AND (runner->>'startTicks') IS NOT DISTINCT FROM $3::text
     RETURNING id`,
    [runner.pid, runner.host, runner.startTicks === undefined ? null : String(runner.startTicks), reason],
  );
  return result.rows.map((row) => row.id);
}
