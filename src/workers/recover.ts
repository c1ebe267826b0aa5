import { listPendingIds } from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import { finishRun, listStalledRuns } from '../db/runs-repo.js';
import { enqueueArticles, enqueueCrawls, type Queues } from './bullmq-transport.js';
import { jobCatalog } from './job-catalog.js';

export interface RecoveryReport {
  articlesEnqueued: number;
  runsEnqueued: number;
  runsFailed: number;
}

/** Where an article job may still be: run, retried, or kept failed for an operator to inspect. */
const LIVE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'waiting-children', 'failed'] as const;
const PAGE = 1_000;

/** Every article id some job still holds (a job in the failed set has exhausted its retries: it stays there). */
async function articlesInJobs(queues: Queues): Promise<Set<number>> {
  const held = new Set<number>();
  for (let start = 0; ; start += PAGE) {
    const jobs = await queues.articles.getJobs([...LIVE_STATES], start, start + PAGE - 1, true);
    for (const job of jobs) {
      const parsed = jobCatalog.article.schema.safeParse(job?.data);
      if (parsed.success) for (const id of parsed.data.articleIds) held.add(id);
    }
    if (jobs.length === 0) return held;
  }
}

/**
 * Puts work that Postgres knows about but Redis may have lost (a flush, a restart without persistence,
 * a crash between insert and enqueue) back on the queues: pending articles no job holds, and runs without a job.
 * Safe to run at any time and from several processes at once: the jobs are listed before the pending articles, so
 * an article is put back only if no job held it then; one put back twice is processed once (the row lock and its
 * status), and the same ids enqueued twice make one job.
 */
export async function recoverPendingWork(
  db: Database,
  queues: Queues,
  olderThanSecs: number,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { articlesEnqueued: 0, runsEnqueued: 0, runsFailed: 0 };
  const held = await articlesInJobs(queues);
  let afterId = 0;
  for (;;) {
    const ids = await listPendingIds(db, { olderThanSecs, afterId, limit: 1_000 });
    if (ids.length === 0) break;
    const lost = ids.filter((id) => !held.has(id));
    await enqueueArticles(queues, lost);
    report.articlesEnqueued += lost.length;
    afterId = ids[ids.length - 1]!;
  }

  for (const run of await listStalledRuns(db, olderThanSecs)) {
    const job = await queues.crawl.getJob(jobCatalog.crawl.jobId({ runId: run.id }));
    if (!job) {
      await enqueueCrawls(queues, [run.id]);
      report.runsEnqueued += 1;
    } else if (await job.isFailed()) {
      await finishRun(db, run.id, {
        status: 'failed',
        stats: run.stats,
        error: job.failedReason || 'crawl job failed',
      });
      report.runsFailed += 1;
    }
  }
  return report;
}
