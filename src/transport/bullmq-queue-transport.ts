import type { Queue } from 'bullmq';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { enqueueScheduleJobs, openScheduleQueue, syncSchedulers } from '../ops/scheduled-crawls.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { enqueueArticles, openQueues, type QueueSettings, type Queues } from '../workers/bullmq-transport.js';
import { enqueueHarvest, waitForBatch } from '../workers/harvest-run.js';
import type { ScheduleJob } from '../workers/job-catalog.js';
import { recoverPendingWork } from '../workers/recover.js';
import { queuedRunner } from './run-now.js';
import {
  type Dispatched,
  type HarvestRequest,
  NotInThisModeError,
  type RecoveryOutcome,
  type Transport,
} from './transport.js';

export interface QueueTransportDeps {
  db: Database;
  log: Logger;
  settings: QueueSettings;
  /** Lost work is put back on the queues while a command waits, after this long. */
  recoveryAfterSecs: number;
}

/** Opens on first use: a command that never touches the queues (`drafts list`) never needs Redis. */
function lazily<T extends { close(): Promise<unknown> }>(open: () => T) {
  let opened: T | undefined;
  return {
    get: () => {
      opened ??= open();
      return opened;
    },
    close: async () => {
      await opened?.close();
      opened = undefined;
    },
  };
}

/**
 * Through BullMQ: commands store the runs and put jobs on the Redis queues; `harvest worker` processes crawl and
 * process them, and fire the schedules kept in Redis.
 */
export function bullmqTransport(deps: QueueTransportDeps): Transport {
  const queues = lazily<Queues>(() => openQueues(deps.settings));
  const scheduleQueue = lazily<Queue<ScheduleJob>>(() => openScheduleQueue(deps.settings));

  const waitFor = (batchId: string, request: Pick<HarvestRequest, 'progress' | 'timeoutSecs'>) =>
    waitForBatch(batchId, { db: deps.db, log: deps.log, progress: request.progress }, queues.get(), {
      recoveryAfterSecs: deps.recoveryAfterSecs,
      timeoutSecs: request.timeoutSecs ?? 0,
    });

  return {
    kind: 'bullmq',
    label: 'distributed',

    async harvest(sources, request): Promise<Dispatched> {
      const batch = await enqueueHarvest(sources, { db: deps.db }, queues.get(), {
        trigger: request.trigger,
        referenceTime: request.referenceTime,
      });
      request.progress(`queued ${batch.runs.length} crawl job(s), batch ${batch.batchId}`);
      if (!request.wait) return { ...batch, finished: false };
      return { batchId: batch.batchId, runs: await waitFor(batch.batchId, request), finished: true };
    },

    async harvestDue(due: readonly SourceConfig[], request) {
      // The workers take each source's lease when its schedule job runs; there is no batch here to wait for.
      if (request.wait) throw new NotInThisModeError('--due cannot --wait in distributed mode');
      if (due.length === 0) return { busy: [] };
      await enqueueScheduleJobs(deps.db, scheduleQueue.get(), due);
      return { busy: [], handedOn: 'queued one schedule job per due source for the workers' };
    },

    async processStored(batch, request) {
      await enqueueArticles(queues.get(), batch.articleIds);
      if (!request.wait) return false;
      await waitFor(batch.batchId, request);
      return true;
    },

    async recover(olderThanSecs): Promise<RecoveryOutcome> {
      const report = await recoverPendingWork(deps.db, queues.get(), olderThanSecs);
      return {
        lines: [
          `articles re-enqueued: ${report.articlesEnqueued}`,
          `crawl runs re-enqueued: ${report.runsEnqueued}`,
          `crawl runs marked failed (their job had failed for good): ${report.runsFailed}`,
        ],
        failed: false,
      };
    },

    // The workers put lost work back on the queues themselves.
    sweepEvery: () => () => {},

    sourceRunner: () => queuedRunner(deps.db, queues.get),

    syncSchedules: (sources) => syncSchedulers(deps.db, scheduleQueue.get(), sources),

    assertSchedulesInProcess() {
      throw new NotInThisModeError(
        'harvest up runs the schedules in this process (embedded mode); with REDIS_URL use `harvest serve`, ' +
          '`harvest worker` and `harvest schedule`',
      );
    },

    workerQueues: () => ({ queues: queues.get(), settings: deps.settings }),

    readinessQueues: () => [queues.get().crawl, queues.get().articles],

    async operatorPlugins() {
      const { bullBoardPlugin } = await import('../review/bull-board.js');
      return [bullBoardPlugin(queues.get())];
    },

    close: async () => {
      await Promise.all([queues.close(), scheduleQueue.close()]);
    },
  };
}
