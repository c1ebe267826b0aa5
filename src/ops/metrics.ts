import type { Job, Queue, Worker } from 'bullmq';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Queryable } from '../db/database.js';

/**
 * Prometheus metrics of one process. Queue figures are read from Redis and harvest totals from Postgres
 * when scraped, so every process reports the same cluster-wide values for them; job outcomes and stage
 * latencies are counted by the workers of this process.
 */
export interface OpsMetrics {
  registry: Registry;
  /** Counts the jobs of these workers: completed, failed for good, or failed and retried. */
  observeWorkers(workers: ReadonlyArray<Worker>): void;
}

export interface MetricsSources {
  db: Queryable;
  queues?: ReadonlyArray<Queue>;
}

const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;

async function oldestWaitingAgeSecs(queue: Queue): Promise<number> {
  const [oldest] = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
  return oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0;
}

export function createOpsMetrics(sources: MetricsSources): OpsMetrics {
  const registry = new Registry();
  const queues = sources.queues ?? [];

  new Gauge({
    name: 'harvest_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const queue of queues) {
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'harvest_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting in each queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      for (const queue of queues) this.set({ queue: queue.name }, await oldestWaitingAgeSecs(queue));
    },
  });
  new Gauge({
    name: 'harvest_fetches',
    help: 'Pages fetched (status "ok") and failed requests (status = error kind) by source, over all runs',
    labelNames: ['source', 'status'],
    registers: [registry],
    async collect() {
      const rows = await sources.db.query<{ source_id: string; status: string; n: number }>(
        `SELECT source_id, 'ok' AS status, sum(COALESCE((stats->>'pagesFetched')::int, 0))::int AS n
         FROM crawl_runs GROUP BY source_id
         UNION ALL
         SELECT source_id, e->>'kind', count(*)::int FROM crawl_runs,
           jsonb_array_elements(COALESCE(stats->'errors', '[]'::jsonb)) AS e
         GROUP BY source_id, e->>'kind'`,
      );
      this.reset();
      for (const row of rows.rows) this.set({ source: row.source_id, status: row.status }, row.n);
    },
  });
  new Gauge({
    name: 'harvest_extraction_missing',
    help: 'Stored articles whose extraction lacked a field (title, body, publishedAt), by source',
    labelNames: ['source', 'field'],
    registers: [registry],
    async collect() {
      const rows = await sources.db.query<{ source_id: string; field: string; n: number }>(
        `SELECT source_id, field, count(*)::int AS n FROM articles,
           jsonb_array_elements_text(COALESCE(extraction->'missing', '[]'::jsonb)) AS field
         GROUP BY source_id, field`,
      );
      this.reset();
      for (const row of rows.rows) this.set({ source: row.source_id, field: row.field }, row.n);
    },
  });
  new Gauge({
    name: 'harvest_drafts',
    help: 'Drafts created (articles kept for review, whatever their review status since), by country',
    labelNames: ['country'],
    registers: [registry],
    async collect() {
      const rows = await sources.db.query<{ country: string | null; n: number }>(
        `SELECT country, count(*)::int AS n FROM articles
         WHERE status IN ('new', 'approved', 'rejected', 'published', 'covered') GROUP BY country`,
      );
      this.reset();
      for (const row of rows.rows) this.set({ country: row.country ?? 'unknown' }, row.n);
    },
  });
  new Gauge({
    name: 'harvest_articles_filtered',
    help: 'Articles kept out of the draft queue, by reason',
    labelNames: ['reason'],
    registers: [registry],
    async collect() {
      const rows = await sources.db.query<{ reason: string; n: number }>(
        `SELECT COALESCE(filter_reason, 'unknown') AS reason, count(*)::int AS n FROM articles
         WHERE status = 'filtered' GROUP BY 1`,
      );
      this.reset();
      for (const row of rows.rows) this.set({ reason: row.reason }, row.n);
    },
  });

  const jobs = new Counter({
    name: 'harvest_jobs_total',
    help: 'Jobs handled by the workers of this process: completed, failed (for good) or retried',
    labelNames: ['queue', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'harvest_stage_duration_seconds',
    help: 'Processing time of a job by queue: crawl (one source), articles (one article: the batch it joined, from gathering to commit)',
    labelNames: ['queue'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });

  const observeJob = (queue: string, job: Job | undefined) => {
    if (job?.processedOn && job.finishedOn) {
      latency.observe({ queue }, (job.finishedOn - job.processedOn) / 1000);
    }
  };
  return {
    registry,
    observeWorkers(workers) {
      for (const worker of workers) {
        worker.on('completed', (job) => {
          jobs.inc({ queue: worker.name, outcome: 'completed' });
          observeJob(worker.name, job);
        });
        worker.on('failed', (job) => {
          const willRetry = job !== undefined && job.attemptsMade < (job.opts.attempts ?? 1);
          jobs.inc({ queue: worker.name, outcome: willRetry ? 'retried' : 'failed' });
        });
      }
    },
  };
}
