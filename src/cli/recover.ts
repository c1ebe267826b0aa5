import { openQueues } from '../workers/bullmq-transport.js';
import { recoverPendingWork } from '../workers/recover.js';
import { type CliContext, parseVerbArgs, UsageError, UserFacingError, withApp } from './cli-support.js';

/** `harvest recover`: puts the work Postgres knows about but the queues lost back on the queues. */
export async function recoverCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, { 'older-than': { type: 'string', default: '0' } });
  const olderThanSecs = Number(values['older-than']);
  if (!(olderThanSecs >= 0)) throw new UsageError('--older-than must be a number of seconds');
  if (!ctx.config.redisUrl) {
    throw new UserFacingError(
      'harvest recover needs REDIS_URL (distributed mode); embedded `harvest run` processes pending articles itself',
    );
  }
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
