import Fastify from 'fastify';
import { loadLexicon } from '../config/keywords.js';
import { checkSourcesHealth, listWatchedSources } from '../ops/health-check.js';
import { createOpsMetrics } from '../ops/metrics.js';
import { registerOpsRoutes } from '../ops/ops-routes.js';
import { openScheduleQueue, startScheduleWorker } from '../ops/scheduled-crawls.js';
import { DEFAULT_ARTICLE_BATCH, startWorkers } from '../workers/bullmq-transport.js';
import { DEFAULT_CONCURRENT_CRAWLS } from '../workers/crawl-concurrently.js';
import { recoverPendingWork } from '../workers/recover.js';
import {
  type CliContext,
  listenOn,
  parseVerbArgs,
  UsageError,
  untilStopped,
  withApp,
} from './cli-support.js';
import { webhookNotifier } from './health.js';

/** How often a worker re-judges source health (checks are serialised across workers in Postgres). */
const HEALTH_CHECK_EVERY_MS = 5 * 60_000;

/** A BullMQ worker process: crawl and article jobs, with recovery of lost work, until SIGINT/SIGTERM. */
export async function workerCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    concurrency: { type: 'string', default: '2' },
    batch: { type: 'string', default: String(DEFAULT_ARTICLE_BATCH) },
    crawls: { type: 'string', default: String(DEFAULT_CONCURRENT_CRAWLS) },
    'lock-secs': { type: 'string', default: '30' },
    'metrics-port': { type: 'string' },
    'metrics-host': { type: 'string', default: '127.0.0.1' },
  });
  const [concurrency, batchSize, crawlConcurrency] = (['concurrency', 'batch', 'crawls'] as const).map(
    (name) => {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer`);
      return value;
    },
  ) as [number, number, number];
  const lockSecs = Number(values['lock-secs']);
  if (!(lockSecs >= 1)) throw new UsageError('--lock-secs must be at least 1');
  const metricsPort = values['metrics-port'] === undefined ? undefined : Number(values['metrics-port']);
  if (
    metricsPort !== undefined &&
    !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort < 65_536)
  )
    throw new UsageError('--metrics-port must be a port number');
  const lexicon = loadLexicon(ctx.config.keywordsPath);
  return withApp(
    ctx,
    async (app) => {
      const { queues, settings } = app.transport.workerQueues();
      const workers = startWorkers({
        db: app.db,
        lexicon,
        log: ctx.log,
        userAgent: ctx.config.userAgent,
        queues,
        settings,
        concurrency,
        batchSize,
        crawlConcurrency,
        lockSecs,
      });
      const scheduleQueue = openScheduleQueue(settings);
      const scheduler = startScheduleWorker({
        db: app.db,
        queues,
        settings,
        log: ctx.log,
        leaseSecs: ctx.config.leaseSecs,
      });
      const metrics = createOpsMetrics({
        db: app.db,
        queues: [queues.crawl, queues.articles, scheduleQueue],
      });
      metrics.observeWorkers([workers.crawl, workers.articles, scheduler]);
      const server = metricsPort === undefined ? undefined : Fastify({ logger: false });
      if (server && metricsPort !== undefined) {
        registerOpsRoutes(server, {
          db: app.db,
          queues: [queues.crawl, queues.articles, scheduleQueue],
          metrics,
        });
        const address = await listenOn(metricsPort, '--metrics-port', () =>
          server.listen({ port: metricsPort, host: values['metrics-host'] }),
        );
        ctx.log.info({ address }, 'metrics served');
      }
      const checkHealth = async () => {
        try {
          await checkSourcesHealth(app.db, await listWatchedSources(app.db), {
            notify: webhookNotifier(ctx.config.webhookUrl, ctx.log),
          });
        } catch (error) {
          ctx.log.error({ err: error }, 'source health check failed; will try again');
        }
      };
      const healthTimer = setInterval(checkHealth, HEALTH_CHECK_EVERY_MS);
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
      ctx.log.info({ concurrency, batchSize, crawlConcurrency, prefix: settings.prefix }, 'worker started');
      const signal = await untilStopped();
      ctx.log.info({ signal }, 'worker stopping: finishing active jobs');
      clearInterval(timer);
      clearInterval(healthTimer);
      await server?.close();
      await Promise.all([workers.close(), scheduler.close()]);
      // The transport closes the queues with the app.
      await scheduleQueue.close();
      ctx.log.info('worker stopped');
      return 0;
    },
    { handlesSignals: true },
  );
}
