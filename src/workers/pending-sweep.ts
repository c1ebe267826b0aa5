import type { LockedArticle } from '../db/articles-repo.js';
import { type PendingFilter, readPendingAfter } from '../db/pipeline-repo.js';
import type { AnalysisThread } from './analysis-thread.js';
import { type PipelineContext, type Precomputed, processArticlesEach } from './process-article.js';
import { shareAnalysis } from './shared-analysis.js';

/** The embedded sweep: every pending article (of some runs, or all) in batches, the next analysed ahead. */

export interface PendingSweep {
  processed: number;
  /** Articles whose processing threw: they stay pending for the next sweep. */
  failed: Array<{ id: number; error: string }>;
}

interface SweepOptions extends PendingFilter {
  /** Analyses the next batch while this thread stores the current one (embedded mode: PGlite is busy here). */
  analysisThread?: AnalysisThread;
}

/**
 * Verdicts for a batch, worked out by the analysis thread and, once it has stored the previous batch, by this
 * thread too (see shared-analysis.ts). Without a thread, the batch is analysed when it is processed.
 */
function analyseAhead(
  ctx: PipelineContext,
  thread: AnalysisThread | undefined,
  articles: readonly LockedArticle[],
): (() => Promise<Precomputed | undefined>) | undefined {
  if (!thread || articles.length === 0) return undefined;
  const shared = shareAnalysis(thread, articles);
  return () => shared.finishHere(ctx);
}

/** Embedded sweep in batches: every pending article (of the given runs, or all), in id order. */
export async function processPendingInBatches(
  ctx: PipelineContext,
  options: SweepOptions = {},
): Promise<PendingSweep> {
  const sweep: PendingSweep = { processed: 0, failed: [] };
  let batch = await readPendingAfter(ctx.db, 0, options);
  let analysis = analyseAhead(ctx, options.analysisThread, batch);
  while (batch.length > 0) {
    const following = await readPendingAfter(ctx.db, batch[batch.length - 1]!.id, options);
    const ready = await analysis?.();
    analysis = analyseAhead(ctx, options.analysisThread, following);
    const ids = batch.map((article) => article.id);
    for (const [id, result] of await processArticlesEach(ctx, ids, ready)) {
      if (result instanceof Error) sweep.failed.push({ id, error: result.message });
      else if (result === 'processed') sweep.processed += 1;
    }
    batch = following;
  }
  return sweep;
}
