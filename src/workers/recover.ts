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

/**
 * Puts work that Postgres knows about but Redis may have lost (a flush, a restart without persistence,
 * a crash between insert and enqueue) back on the queues. Stable job ids make it safe to run at any
 * time and from several processes at once: jobs that still exist are left alone.
 */
export async function recoverPendingWork(
  db: Database,
  queues: Queues,
  olderThanSecs: number,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { articlesEnqueued: 0, runsEnqueued: 0, runsFailed: 0 };
  let afterId = 0;
  for (;;) {
    const ids = await listPendingIds(db, { olderThanSecs, afterId, limit: 1_000 });
    if (ids.length === 0) break;
    const states = await Promise.all(
      ids.map((articleId) => queues.articles.getJobState(jobCatalog.article.jobId({ articleId }))),
    );
    // A job in the failed set has exhausted its retries: it stays there for an operator to inspect.
    const lost = ids.filter((_, index) => states[index] === 'unknown');
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
