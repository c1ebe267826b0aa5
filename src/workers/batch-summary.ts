import { countFatesOfRuns } from '../db/articles-repo.js';
import type { Queryable } from '../db/database.js';
import type { CrawlRun } from '../db/runs-repo.js';

export interface SummaryRow {
  key: string;
  fetched: number;
  newDrafts: number;
  filtered: Record<string, number>;
  duplicates: number;
  errors: number;
}

export interface BatchSummary {
  bySource: SummaryRow[];
  byCountry: SummaryRow[];
  totals: SummaryRow;
  runs: Array<{ sourceId: string; status: string; error: string | null }>;
}

const emptyRow = (key: string): SummaryRow => ({
  key,
  fetched: 0,
  newDrafts: 0,
  filtered: {},
  duplicates: 0,
  errors: 0,
});

/** Fates are counted from the articles themselves, so a resumed or retried run is counted once. */
export async function summarizeRuns(db: Queryable, runs: readonly CrawlRun[]): Promise<BatchSummary> {
  const bySource = new Map<string, SummaryRow>();
  const byCountry = new Map<string, SummaryRow>();
  const totals = emptyRow('total');
  const rowOf = (map: Map<string, SummaryRow>, key: string) => {
    const row = map.get(key) ?? emptyRow(key);
    map.set(key, row);
    return row;
  };
  // Fetches and errors belong to the source (and its country); article fates to the event's country.
  for (const run of runs) {
    const sourceCountry = (run.source_config as { country?: string } | null)?.country ?? '—';
    for (const row of [rowOf(bySource, run.source_id), rowOf(byCountry, sourceCountry), totals]) {
      row.fetched += run.stats.pagesFetched ?? 0;
      row.duplicates += run.stats.alreadyKnown ?? 0;
      row.errors += run.stats.errors?.length ?? 0;
    }
  }
  for (const fate of await countFatesOfRuns(
    db,
    runs.map((run) => run.id),
  )) {
    const rows = [rowOf(bySource, fate.source_id), rowOf(byCountry, fate.country ?? '—'), totals];
    for (const row of rows) {
      if (fate.status === 'filtered' && fate.filter_reason === 'duplicate') row.duplicates += fate.n;
      else if (fate.status === 'filtered' || fate.status === 'pending') {
        const reason = fate.status === 'pending' ? 'pending' : (fate.filter_reason ?? 'unknown');
        row.filtered[reason] = (row.filtered[reason] ?? 0) + fate.n;
      } else row.newDrafts += fate.n;
    }
  }
  return {
    bySource: [...bySource.values()],
    byCountry: [...byCountry.values()].sort((a, b) => a.key.localeCompare(b.key)),
    totals,
    runs: runs.map((run) => ({ sourceId: run.source_id, status: run.status, error: run.error })),
  };
}

function formatFiltered(filtered: Record<string, number>): string {
  const parts = Object.entries(filtered)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${reason} ${n}`);
  return parts.length ? parts.join(', ') : '0';
}

function formatTable(title: string, rows: readonly SummaryRow[], totals: SummaryRow): string {
  const header = [title, 'fetched', 'new drafts', 'duplicates', 'errors', 'filtered (by reason)'];
  const cells = [...rows, totals].map((row) => [
    row.key,
    String(row.fetched),
    String(row.newDrafts),
    String(row.duplicates),
    String(row.errors),
    formatFiltered(row.filtered),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => (i === 0 || i === 5 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function formatSummary(summary: BatchSummary): string {
  const failed = summary.runs.filter((run) => run.status === 'failed');
  const lines = [
    formatTable('source', summary.bySource, summary.totals),
    '',
    formatTable('country', summary.byCountry, summary.totals),
  ];
  if (failed.length > 0) {
    lines.push('', `${failed.length} source(s) failed:`);
    for (const run of failed) lines.push(`  ${run.sourceId}: ${run.error ?? 'unknown error'}`);
  }
  return lines.join('\n');
}
