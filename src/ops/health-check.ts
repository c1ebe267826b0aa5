import type { Database, Queryable } from '../db/database.js';
import type { CrawlStats } from '../db/runs-repo.js';
import {
  assessSourceHealth,
  type ExtractionCounts,
  type HealthInput,
  type HealthState,
  type RunForHealth,
} from './source-health.js';

const RECENT_RUNS = 10;
/** Extraction shares are judged on the articles of the latest few runs: an old fix must not hide a new break. */
const RUNS_FOR_EXTRACTION = 5;
const ARTICLES_FOR_CADENCE = 20;
// Serialises checks from several workers, so that one change of state is announced once.
const HEALTH_LOCK_KEY = 4_870_005;

export interface HealthReport {
  sourceId: string;
  state: HealthState;
  reasons: string[];
  previous: HealthState | null;
  changed: boolean;
  lastRunAt: Date | null;
}

interface RunRow {
  id: number;
  status: 'succeeded' | 'failed';
  stats: Partial<CrawlStats>;
  reference_time: Date;
  created_at: Date;
}

async function healthInputOf(
  db: Queryable,
  sourceId: string,
): Promise<HealthInput & { lastRunAt: Date | null }> {
  const runs = await db.query<RunRow>(
    `SELECT id, status, stats, reference_time, created_at FROM crawl_runs
     WHERE source_id = $1 AND status IN ('succeeded', 'failed') ORDER BY id DESC LIMIT $2`,
    [sourceId, RECENT_RUNS],
  );
  const recentIds = runs.rows.slice(0, RUNS_FOR_EXTRACTION).map((run) => run.id);
  const extraction = await db.query<{ [K in keyof ExtractionCounts]: number }>(
    `SELECT count(*)::int AS "articles",
       count(*) FILTER (WHERE extraction->'missing' @> '["title"]')::int AS "missingTitle",
       count(*) FILTER (WHERE extraction->'missing' @> '["body"]')::int AS "missingBody",
       count(*) FILTER (WHERE extraction->'missing' @> '["publishedAt"]')::int AS "missingDate"
     FROM articles WHERE run_id = ANY($1::bigint[])`,
    [recentIds],
  );
  const latest = runs.rows[0];
  const now = latest ? new Date(latest.reference_time) : new Date();
  const published = await db.query<{ published_at: Date }>(
    `SELECT published_at FROM articles WHERE source_id = $1 AND published_at <= $2
     ORDER BY published_at DESC LIMIT $3`,
    [sourceId, now, ARTICLES_FOR_CADENCE],
  );
  return {
    runs: runs.rows.map(
      (run): RunForHealth => ({
        status: run.status,
        pagesFetched: run.stats.pagesFetched ?? 0,
        errors: run.stats.errors?.length ?? 0,
        errorKinds: (run.stats.errors ?? []).map((error) => error.kind),
      }),
    ),
    extraction: extraction.rows[0] ?? { articles: 0, missingTitle: 0, missingBody: 0, missingDate: 0 },
    publishedAt: published.rows.map((row) => new Date(row.published_at)),
    now,
    lastRunAt: latest ? new Date(latest.created_at) : null,
  };
}

/** Stores the state; `changed_at` moves only when the state changes. Returns the previous state. */
async function storeHealth(
  db: Queryable,
  sourceId: string,
  state: HealthState,
  reasons: string[],
): Promise<HealthState | null> {
  const previous = await db.query<{ state: HealthState }>(
    'SELECT state FROM source_health WHERE source_id = $1',
    [sourceId],
  );
  await db.query(
    `INSERT INTO source_health (source_id, state, reasons) VALUES ($1, $2, $3)
     ON CONFLICT (source_id) DO UPDATE SET reasons = EXCLUDED.reasons, checked_at = now(),
       changed_at = CASE WHEN source_health.state = EXCLUDED.state THEN source_health.changed_at ELSE now() END,
       state = EXCLUDED.state`,
    [sourceId, state, JSON.stringify(reasons)],
  );
  return previous.rows[0]?.state ?? null;
}

/** A first check reports a problem, not a healthy start. */
const isNotable = (report: HealthReport) =>
  report.previous === null ? report.state !== 'ok' : report.previous !== report.state;

export interface HealthCheckOptions {
  /** Receives one message listing every change of state, when there is any. */
  notify?: (text: string) => Promise<unknown>;
}

/** Judges each source from its recent runs, records the state, and notifies of changes. */
export async function checkSourcesHealth(
  db: Database,
  sourceIds: readonly string[],
  options: HealthCheckOptions = {},
): Promise<HealthReport[]> {
  const reports = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [HEALTH_LOCK_KEY]);
    const checked: HealthReport[] = [];
    for (const sourceId of sourceIds) {
      const input = await healthInputOf(tx, sourceId);
      const { state, reasons } = assessSourceHealth(input);
      const previous = await storeHealth(tx, sourceId, state, reasons);
      checked.push({
        sourceId,
        state,
        reasons,
        previous,
        changed: previous !== null && previous !== state,
        lastRunAt: input.lastRunAt,
      });
    }
    return checked;
  });
  const notable = reports.filter(isNotable);
  if (notable.length > 0 && options.notify) await options.notify(formatChanges(notable));
  return reports;
}

/** Sources worth watching: those scheduled or crawled in the last 30 days. */
export async function listWatchedSources(db: Queryable): Promise<string[]> {
  const result = await db.query<{ source_id: string }>(
    `SELECT source_id FROM scheduled_sources
     UNION SELECT source_id FROM crawl_runs WHERE created_at > now() - interval '30 days'
     ORDER BY 1`,
  );
  return result.rows.map((row) => row.source_id);
}

export function formatChanges(reports: readonly HealthReport[]): string {
  const lines = reports.map(
    (report) =>
      `• ${report.sourceId}: ${report.previous ?? 'new'} → ${report.state.toUpperCase()}` +
      (report.reasons.length ? ` — ${report.reasons.join('; ')}` : ''),
  );
  return ['Bulletin Harvester: source health changed', ...lines].join('\n');
}

export function formatHealthTable(reports: readonly HealthReport[]): string {
  const header = ['source', 'state', 'since last check', 'last run', 'reasons'];
  const rows = reports.map((report) => [
    report.sourceId,
    report.state,
    report.changed ? `was ${report.previous}` : '',
    report.lastRunAt ? report.lastRunAt.toISOString().slice(0, 16).replace('T', ' ') : 'never',
    report.reasons.join('; '),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
