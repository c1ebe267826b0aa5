import type { Database } from '../db/database.js';
import {
  describeProcess,
  type ProcessIdentity,
  processLiveness,
  sameProcess,
  thisProcess,
} from '../db/embedded/process-identity.js';
import { type CrawlRun, finishRun, listUnfinishedRuns } from '../db/runs-repo.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { processPendingInBatches } from './pending-sweep.js';

/**
 * Work that no process will finish any more, without queues (embedded mode, or Postgres without Redis): crawl runs
 * whose process died before they finished, and the pending articles they or anybody else left behind. The owner of
 * an embedded data folder runs this when it starts and when one of its clients vanishes; `harvest recover` runs it
 * by hand.
 */

export interface StrandedRecovery {
  runsFailed: Array<{ id: number; sourceId: string; reason: string }>;
  articlesProcessed: number;
  /** Articles whose processing threw: still pending, with the error. */
  articlesFailed: Array<{ id: number; error: string }>;
}

export interface RecoveryDeps {
  db: Database;
  /** Loaded only when there is something to analyse. */
  lexicon: () => CompiledLexicon;
  /** A run on another host whose heartbeat is older than this is taken for dead (nobody here can ask it). */
  staleAfterSecs: number;
  /** Pending articles of finished runs are left alone this long: their own process is still sweeping them. */
  strandedForSecs: number;
}

/** Why the run will never finish, or undefined while its process may still finish it. */
export function strandedReason(run: CrawlRun, staleAfterSecs: number, now = Date.now()): string | undefined {
  const runner = run.runner as ProcessIdentity | null;
  if (!runner) return 'interrupted: the process that ran it is not known and no longer runs it';
  if (sameProcess(runner, thisProcess())) return undefined;
  const liveness = processLiveness(runner);
  if (liveness === 'alive') return undefined;
  if (liveness === 'unknown') {
    const last = (run.heartbeat_at ?? run.created_at).getTime();
    if (now - last < staleAfterSecs * 1000) return undefined;
    return `interrupted: no sign of life from ${describeProcess(runner)} for ${Math.round((now - last) / 1000)} s`;
  }
  return `interrupted: its process, ${describeProcess(runner)}, ended before the run finished`;
}

export async function recoverStrandedWork(deps: RecoveryDeps): Promise<StrandedRecovery> {
  const recovery: StrandedRecovery = { runsFailed: [], articlesProcessed: 0, articlesFailed: [] };
  for (const run of await listUnfinishedRuns(deps.db)) {
    const reason = strandedReason(run, deps.staleAfterSecs);
    if (!reason) continue;
    await finishRun(deps.db, run.id, { status: 'failed', stats: run.stats, error: reason });
    recovery.runsFailed.push({ id: run.id, sourceId: run.source_id, reason });
  }
  const pending = await deps.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM articles WHERE status = 'pending'`,
  );
  if ((pending.rows[0]?.n ?? 0) === 0) return recovery;
  const sweep = await processPendingInBatches(
    { db: deps.db, lexicon: deps.lexicon() },
    { strandedForSecs: deps.strandedForSecs },
  );
  recovery.articlesProcessed = sweep.processed;
  recovery.articlesFailed = sweep.failed;
  return recovery;
}

export function formatRecovery(recovery: StrandedRecovery): string[] {
  return [
    ...recovery.runsFailed.map((run) => `run ${run.id} (${run.sourceId}) marked failed — ${run.reason}`),
    ...(recovery.articlesProcessed > 0 ? [`${recovery.articlesProcessed} pending article(s) processed`] : []),
    ...(recovery.articlesFailed.length > 0
      ? [`${recovery.articlesFailed.length} pending article(s) could not be processed and stay pending`]
      : []),
  ];
}
