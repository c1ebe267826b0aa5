import { type ConnectionOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Database } from '../db/database.js';
import { emptyCrawlStats, finishRun } from '../db/runs-repo.js';
import type { Logger } from '../logger.js';
import { createArticleBatcher } from './article-batcher.js';
import { DEFAULT_CONCURRENT_CRAWLS } from './crawl-concurrently.js';
import { executeRun, RunNotFoundError } from './execute-run.js';
import { ARTICLES_PER_JOB, type ArticleJob, type CrawlJob, jobCatalog } from './job-catalog.js';
import type { PipelineContext } from './process-article.js';
import { processArticlesAhead } from './process-article.js';
import { createSerialLane } from './serial-lane.js';

export interface QueueSettings {
  redisUrl: string;
  prefix: string;
}

export interface Queues {
  crawl: Queue<CrawlJob>;
  articles: Queue<ArticleJob>;
  close(): Promise<void>;
}

export function connectionOf(settings: QueueSettings): ConnectionOptions {
  // Workers block on Redis: BullMQ requires unlimited retries per request for them.
  return { url: settings.redisUrl, maxRetriesPerRequest: null };
}

export function openQueues(settings: QueueSettings): Queues {
  const options = { connection: connectionOf(settings), prefix: settings.prefix };
  const crawl = new Queue<CrawlJob>(jobCatalog.crawl.queueName, options);
  const articles = new Queue<ArticleJob>(jobCatalog.article.queueName, options);
  return {
    crawl,
    articles,
    async close() {
      await Promise.all([crawl.close(), articles.close()]);
    },
  };
}

export async function enqueueCrawls(queues: Queues, runIds: readonly number[]): Promise<void> {
  const { crawl } = jobCatalog;
  await queues.crawl.addBulk(
    runIds.map((runId) => ({
      name: crawl.queueName,
      data: { runId },
      opts: { ...crawl.options, jobId: crawl.jobId({ runId }) },
    })),
  );
}

/** One job per ARTICLES_PER_JOB ids, in id order (each id once). */
export async function enqueueArticles(queues: Queues, articleIds: readonly number[]): Promise<void> {
  const { article } = jobCatalog;
  const ids = [...new Set(articleIds)].sort((a, b) => a - b);
  const jobs = [];
  for (let start = 0; start < ids.length; start += ARTICLES_PER_JOB) {
    const data = { articleIds: ids.slice(start, start + ARTICLES_PER_JOB) };
    jobs.push({ name: article.queueName, data, opts: { ...article.options, jobId: article.jobId(data) } });
  }
  if (jobs.length > 0) await queues.articles.addBulk(jobs);
}

export interface WorkerDeps extends PipelineContext {
  log: Logger;
  userAgent: string;
  queues: Queues;
  settings: QueueSettings;
  /** Article batches in flight at once. */
  concurrency: number;
  /** Article jobs processed together in one transaction; each keeps its own outcome. */
  batchSize?: number;
  /** Crawl jobs at once. */
  crawlConcurrency?: number;
  /** Seconds a job's lock lives without renewal: how soon a killed worker's job is picked up again. */
  lockSecs: number;
}

export interface RunningWorkers {
  crawl: Worker<CrawlJob>;
  articles: Worker<ArticleJob>;
  close(): Promise<void>;
}

function parsePayload<T>(
  schema: { safeParse(data: unknown): { success: boolean; data?: T } },
  data: unknown,
): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid job payload: ${JSON.stringify(data)}`);
  return parsed.data as T;
}

/**
 * Articles a worker processes together: a full job's (ARTICLES_PER_JOB), or several smaller jobs' gathered. Two
 * jobs are in flight by default: one analysed while the other holds its transaction (`processArticlesAhead`);
 * transactions of one process run one at a time.
 */
export const DEFAULT_ARTICLE_BATCH = 50;
// Crawls wait on sites far more than they compute: several at once keep a worker busy (see crawl-concurrently.ts).
const DEFAULT_CRAWL_CONCURRENCY = DEFAULT_CONCURRENT_CRAWLS;
/** A lone job waits this long for company: short next to the work, long enough for a busy queue to fill a batch. */
const BATCH_WAIT_MS = 20;

export function startWorkers(deps: WorkerDeps): RunningWorkers {
  const common = {
    connection: connectionOf(deps.settings),
    prefix: deps.settings.prefix,
    lockDuration: deps.lockSecs * 1000,
    stalledInterval: Math.max(1_000, (deps.lockSecs * 1000) / 2),
    maxStalledCount: 3,
  };
  const db: Database = deps.db;

  const crawl = new Worker<CrawlJob>(
    jobCatalog.crawl.queueName,
    async (job) => {
      const { runId } = parsePayload<CrawlJob>(jobCatalog.crawl.schema, job.data);
      const log = deps.log.child({ queue: 'crawl', jobId: job.id, runId });
      try {
        const run = await executeRun(runId, {
          db,
          log,
          userAgent: deps.userAgent,
          onCandidatesStored: (articleIds) => enqueueArticles(deps.queues, articleIds),
        });
        return run ? { status: run.status } : { status: 'already finished' };
      } catch (error) {
        if (error instanceof RunNotFoundError) throw new UnrecoverableError(error.message);
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (lastAttempt) {
          await finishRun(db, runId, {
            status: 'failed',
            stats: emptyCrawlStats(),
            error: (error as Error).message,
          });
        }
        throw error;
      }
    },
    { ...common, concurrency: deps.crawlConcurrency ?? DEFAULT_CRAWL_CONCURRENCY },
  );

  const batchSize = deps.batchSize ?? DEFAULT_ARTICLE_BATCH;
  const lane = createSerialLane();
  const batcher = createArticleBatcher((ids) => processArticlesAhead(deps, ids, lane), {
    maxBatch: batchSize,
    maxWaitMs: BATCH_WAIT_MS,
  });
  const articles = new Worker<ArticleJob>(
    jobCatalog.article.queueName,
    async (job) => {
      const { articleIds } = parsePayload<ArticleJob>(jobCatalog.article.schema, job.data);
      return { outcomes: Object.fromEntries(await batcher.process(articleIds)) };
    },
    // A job of ARTICLES_PER_JOB fills a batch; a crawl's smaller ones are gathered for up to BATCH_WAIT_MS.
    { ...common, concurrency: deps.concurrency },
  );

  for (const worker of [crawl, articles]) {
    worker.on('error', (error) => deps.log.error({ err: error, queue: worker.name }, 'worker error'));
    worker.on('failed', (job, error) =>
      deps.log.warn(
        { queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error },
        'job failed',
      ),
    );
  }
  return {
    crawl,
    articles,
    async close() {
      await Promise.all([crawl.close(), articles.close()]);
    },
  };
}
