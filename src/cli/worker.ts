import { loadLexicon } from '../config/keywords.js';
import { openQueues, startWorkers } from '../workers/bullmq-transport.js';
import { recoverPendingWork } from '../workers/recover.js';
import { type CliContext, parseVerbArgs, UsageError, UserFacingError, withApp } from './cli-support.js';

/** A BullMQ worker process: crawl and article jobs, with recovery of lost work, until SIGINT/SIGTERM. */
export async function workerCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    concurrency: { type: 'string', default: '8' },
    'lock-secs': { type: 'string', default: '30' },
  });
  const concurrency = Number(values.concurrency);
  const lockSecs = Number(values['lock-secs']);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be a positive integer');
  if (!(lockSecs >= 1)) throw new UsageError('--lock-secs must be at least 1');
  if (!ctx.config.redisUrl) {
    throw new UserFacingError(
      'harvest worker needs REDIS_URL (distributed mode). In embedded mode `harvest run` does the work itself.',
    );
  }
  const settings = { redisUrl: ctx.config.redisUrl, prefix: ctx.config.queuePrefix };
  const lexicon = loadLexicon(ctx.config.keywordsPath);
  return withApp(ctx, async (app) => {
    const queues = openQueues(settings);
    const workers = startWorkers({
      db: app.db,
      lexicon,
      log: ctx.log,
      userAgent: ctx.config.userAgent,
      queues,
      settings,
      concurrency,
      lockSecs,
    });
    const recover = async () => {
      try {
        const report = await recoverPendingWork(app.db, queues, ctx.config.recoveryAfterSecs);
        if (report.articlesEnqueued || report.runsEnqueued || report.runsFailed) {
          ctx.log.warn(report, 'lost work put back on the queues');
        }
      } catch (error) {
        ctx.log.error({ err: error }, 'recovery failed; will try again');
      }
    };
    await recover();
    const timer = setInterval(recover, (ctx.config.recoveryAfterSecs * 1000) / 2);
    ctx.log.info({ concurrency, prefix: settings.prefix }, 'worker started');
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        ctx.log.info({ signal }, 'worker stopping: finishing active jobs');
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    clearInterval(timer);
    await workers.close();
    await queues.close();
    ctx.log.info('worker stopped');
    return 0;
  });
}
