import type { App } from '../app.js';
import { openQueues } from '../workers/bullmq-transport.js';
import { recoverPendingWork } from '../workers/recover.js';
import { formatRecovery, type StrandedRecovery } from '../workers/recover-stranded.js';
import { type CliContext, parseVerbArgs, UsageError, withApp } from './cli-support.js';

/**
 * `harvest recover`. Distributed: puts the work Postgres knows about but the queues lost back on them. Embedded
 * (or Postgres without Redis): marks runs whose process died as failed and processes the articles they left
 * pending — what the owner of an embedded data folder also does whenever it starts.
 */
export async function recoverCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, { 'older-than': { type: 'string', default: '0' } });
  const olderThanSecs = Number(values['older-than']);
  if (!(olderThanSecs >= 0)) throw new UsageError('--older-than must be a number of seconds');
  if (!ctx.config.redisUrl) return withApp(ctx, (app) => recoverWithoutQueues(app, ctx, olderThanSecs));
  const queues = openQueues({ redisUrl: ctx.config.redisUrl, prefix: ctx.config.queuePrefix });
  try {
    const report = await withApp(ctx, (app) => recoverPendingWork(app.db, queues, olderThanSecs));
    ctx.out(
      `articles re-enqueued: ${report.articlesEnqueued}\n` +
        `crawl runs re-enqueued: ${report.runsEnqueued}\n` +
        `crawl runs marked failed (their job had failed for good): ${report.runsFailed}`,
    );
    return 0;
  } finally {
    await queues.close();
  }
}

async function recoverWithoutQueues(app: App, ctx: CliContext, olderThanSecs: number): Promise<number> {
  const now = await app.duties.recover({ strandedForSecs: olderThanSecs });
  const all: StrandedRecovery[] = [app.recoveredAtOpen, now].filter((r): r is StrandedRecovery => !!r);
  const lines = all.flatMap(formatRecovery);
  ctx.out(lines.length > 0 ? lines.join('\n') : 'nothing was stranded');
  const failed = all.some((recovery) => recovery.articlesFailed.length > 0);
  return failed ? 1 : 0;
}
