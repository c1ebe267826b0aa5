import { randomUUID } from 'node:crypto';
import { loadLexicon } from '../config/keywords.js';
import type { Database } from '../db/database.js';
import {
  type CrawlRun,
  createRuns,
  emptyCrawlStats,
  finishRun,
  getRun,
  listBatchRuns,
} from '../db/runs-repo.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import type { Logger } from '../logger.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { type AnalysisThread, startAnalysisThread } from './analysis-thread.js';
import { enqueueCrawls, type Queues } from './bullmq-transport.js';
import { crawlConcurrently, DEFAULT_CONCURRENT_CRAWLS, sitesOfUrls } from './crawl-concurrently.js';
import { executeRun } from './execute-run.js';
import { processPendingInBatches } from './pending-sweep.js';
import { recoverPendingWork } from './recover.js';
import { createSerialLane } from './serial-lane.js';

export interface HarvestDeps {
  db: Database;
  log: Logger;
  userAgent: string;
  keywordsPath: string;
  /** Progress lines for the person running the command. */
  progress: (line: string) => void;
  /** Sources crawled at once in embedded mode (DEFAULT_CONCURRENT_CRAWLS). */
  crawlConcurrency?: number;
}

export interface HarvestBatch {
  batchId: string;
  runs: CrawlRun[];
}

export interface BatchOptions {
  trigger: string;
  /** Replays of recorded pages judge article ages against the recording time instead of now. */
  referenceTime?: Date | undefined;
}

async function createBatch(db: Database, sources: readonly SourceConfig[], options: BatchOptions) {
  const batchId = randomUUID();
  const runs = await createRuns(
    db,
    sources.map((source) => ({ id: source.id, config: source })),
    batchId,
    options.trigger,
    options.referenceTime,
  );
  return { batchId, runs };
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * Embedded mode: crawls several sources at once (never two of one host) and processes each one's candidates
 * in this process as its crawl ends, one source's candidates at a time.
 */
export async function harvestEmbedded(
  sources: readonly SourceConfig[],
  deps: HarvestDeps,
  options: BatchOptions,
): Promise<HarvestBatch> {
  const lexicon = loadLexicon(deps.keywordsPath);
  const { batchId, runs } = await createBatch(deps.db, sources, options);
  const analysisThread = await startAnalysisThread(deps.keywordsPath);
  const sweeps = createSerialLane();
  const hostsOf = new Map(sources.map((source) => [source.id, sitesOfUrls(source.discovery.urls)]));
  try {
    await crawlConcurrently(
      runs,
      {
        limit: deps.crawlConcurrency ?? DEFAULT_CONCURRENT_CRAWLS,
        keysOf: (run) => hostsOf.get(run.source_id) ?? [],
      },
      (run, index) =>
        harvestOneEmbedded(run, `[${index + 1}/${runs.length}] ${run.source_id}`, {
          ...deps,
          lexicon,
          analysisThread,
          sweeps,
        }),
    );
  } finally {
    await analysisThread.close();
  }
  return { batchId, runs: await listBatchRuns(deps.db, batchId) };
}

/** One source of an embedded harvest: its crawl, then the analysis of what it stored, with a progress line. */
async function harvestOneEmbedded(
  run: { id: number; source_id: string },
  prefix: string,
  deps: HarvestDeps & {
    lexicon: CompiledLexicon;
    analysisThread: AnalysisThread;
    sweeps: ReturnType<typeof createSerialLane>;
  },
): Promise<void> {
  const started = Date.now();
  deps.progress(`${prefix}: crawling…`);
  try {
    await executeRun(run.id, { db: deps.db, log: deps.log, userAgent: deps.userAgent });
  } catch (error) {
    deps.log.error({ err: error, source: run.source_id }, 'crawl failed');
    await finishRun(deps.db, run.id, {
      status: 'failed',
      stats: emptyCrawlStats(),
      error: (error as Error).message,
    });
  }
  const sweep = await deps.sweeps(() =>
    processPendingInBatches(
      { db: deps.db, lexicon: deps.lexicon },
      { runIds: [run.id], analysisThread: deps.analysisThread },
    ),
  );
  const finished = await getRun(deps.db, run.id);
  const stats = finished?.stats ?? {};
  const outcome =
    finished?.status === 'failed'
      ? `FAILED — ${finished.error}`
      : `${stats.pagesFetched ?? 0} pages fetched, ${stats.candidatesStored ?? 0} new candidates, ` +
        `${stats.alreadyKnown ?? 0} already known, ${stats.errors?.length ?? 0} errors`;
  const failures = sweep.failed.length
    ? `, ${sweep.failed.length} could not be processed (kept pending)`
    : '';
  deps.progress(`${prefix}: ${outcome}${failures} (${seconds(started)})`);
}

/** Distributed mode: stores the runs and puts one crawl job per source on the queue. */
export async function enqueueHarvest(
  sources: readonly SourceConfig[],
  deps: Pick<HarvestDeps, 'db'>,
  queues: Queues,
  options: BatchOptions,
): Promise<HarvestBatch> {
  const { batchId, runs } = await createBatch(deps.db, sources, options);
  await enqueueCrawls(
    queues,
    runs.map((run) => run.id),
  );
  return { batchId, runs };
}

export interface WaitOptions {
  pollMs?: number;
  recoveryAfterSecs: number;
  /** Gives up after this long; 0 waits forever. */
  timeoutSecs?: number;
}

/**
 * Waits until every run of the batch has finished and every candidate it stored has been processed,
 * putting lost work back on the queues on the way (a Redis flush must not hang the wait).
 */
export async function waitForBatch(
  batchId: string,
  deps: Pick<HarvestDeps, 'db' | 'progress' | 'log'>,
  queues: Queues,
  options: WaitOptions,
): Promise<CrawlRun[]> {
  const pollMs = options.pollMs ?? 1_000;
  const started = Date.now();
  let lastLine = '';
  let lastRecovery = Date.now();
  let warnedNoWorkers = false;
  for (;;) {
    const runs = await listBatchRuns(deps.db, batchId);
    const finished = runs.filter((run) => run.status === 'succeeded' || run.status === 'failed').length;
    const pending = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM articles WHERE status = 'pending' AND run_id = ANY($1::bigint[])`,
      [runs.map((run) => run.id)],
    );
    const pendingCount = pending.rows[0]?.n ?? 0;
    if (finished === runs.length && pendingCount === 0) return runs;

    const line = `runs finished ${finished}/${runs.length}, articles waiting to be processed: ${pendingCount}`;
    if (line !== lastLine) deps.progress(`${line} (${seconds(started)})`);
    lastLine = line;
    if (!warnedNoWorkers && Date.now() - started > 10_000 && (await queues.crawl.getWorkersCount()) === 0) {
      deps.progress('no worker is connected to the queues: start one with `harvest worker`');
      warnedNoWorkers = true;
    }
    if (Date.now() - lastRecovery > (options.recoveryAfterSecs * 1000) / 2) {
      const report = await recoverPendingWork(deps.db, queues, options.recoveryAfterSecs);
      if (report.articlesEnqueued || report.runsEnqueued)
        deps.log.warn(report, 'lost work put back on the queues');
      lastRecovery = Date.now();
    }
    if (options.timeoutSecs && Date.now() - started > options.timeoutSecs * 1000) {
      throw new Error(`gave up waiting after ${options.timeoutSecs} s: ${line}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
