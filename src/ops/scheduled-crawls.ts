import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Database, Queryable } from '../db/database.js';
import { createRuns } from '../db/runs-repo.js';
import type { Logger } from '../logger.js';
import { type SourceConfig, sourceSchema } from '../sources/source-schema.js';
import { connectionOf, enqueueCrawls, type QueueSettings, type Queues } from '../workers/bullmq-transport.js';
import { jobCatalog, type ScheduleJob } from '../workers/job-catalog.js';
import { acquireSourceLease, attachRunToLease } from './source-lease.js';

export function openScheduleQueue(settings: QueueSettings): Queue<ScheduleJob> {
  return new Queue<ScheduleJob>(jobCatalog.schedule.queueName, {
    connection: connectionOf(settings),
    prefix: settings.prefix,
  });
}

/** Stores the configuration scheduled jobs crawl with (the operator's file is not on every worker). */
export async function registerScheduledSources(
  db: Queryable,
  sources: readonly SourceConfig[],
): Promise<void> {
  if (sources.length === 0) return;
  await db.query(
    `INSERT INTO scheduled_sources (source_id, config, pattern, timezone)
     SELECT * FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::text[])
     ON CONFLICT (source_id) DO UPDATE SET config = EXCLUDED.config, pattern = EXCLUDED.pattern,
       timezone = EXCLUDED.timezone, updated_at = now()`,
    [
      sources.map((source) => source.id),
      sources.map((source) => JSON.stringify(source)),
      sources.map((source) => source.schedule),
      sources.map((source) => source.timezone),
    ],
  );
}

export interface SchedulerSync {
  upserted: string[];
  removed: string[];
}

/**
 * One BullMQ job scheduler per enabled source (its cron in its time zone); schedulers of sources that were
 * removed or disabled are deleted. Running it again with the same file changes nothing.
 */
export async function syncSchedulers(
  db: Queryable,
  queue: Queue<ScheduleJob>,
  sources: readonly SourceConfig[],
): Promise<SchedulerSync> {
  const { schedule } = jobCatalog;
  const enabled = sources.filter((source) => source.enabled);
  await registerScheduledSources(db, enabled);
  for (const source of enabled) {
    const data = { sourceId: source.id };
    await queue.upsertJobScheduler(
      schedule.schedulerId(data),
      { pattern: source.schedule, tz: source.timezone },
      { name: schedule.queueName, data, opts: schedule.options },
    );
  }
  const wanted = new Set(enabled.map((source) => schedule.schedulerId({ sourceId: source.id })));
  const removed: string[] = [];
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    if (wanted.has(existing.key)) continue;
    await queue.removeJobScheduler(existing.key);
    removed.push(existing.key.replace(/^source:/, ''));
  }
  await db.query('DELETE FROM scheduled_sources WHERE NOT (source_id = ANY($1::text[]))', [
    enabled.map((source) => source.id),
  ]);
  return { upserted: enabled.map((source) => source.id), removed };
}

/** Distributed `harvest run --due`: one schedule job per due source, handled like a scheduler's firing. */
export async function enqueueScheduleJobs(
  db: Queryable,
  queue: Queue<ScheduleJob>,
  sources: readonly SourceConfig[],
): Promise<void> {
  await registerScheduledSources(db, sources);
  const { schedule } = jobCatalog;
  await queue.addBulk(
    sources.map((source) => ({
      name: schedule.queueName,
      data: { sourceId: source.id },
      opts: schedule.options,
    })),
  );
}

export interface ScheduledCrawlDeps {
  db: Database;
  queues: Queues;
  leaseSecs: number;
}

export type ScheduledOutcome =
  | { outcome: 'queued'; runId: number }
  | { outcome: 'busy' }
  | { outcome: 'not_scheduled' };

async function loadScheduledSource(db: Queryable, sourceId: string): Promise<SourceConfig | undefined> {
  const result = await db.query<{ config: unknown }>(
    'SELECT config FROM scheduled_sources WHERE source_id = $1',
    [sourceId],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const parsed = sourceSchema.safeParse(row.config);
  if (!parsed.success) throw new UnrecoverableError(`stored configuration of ${sourceId} is invalid`);
  return parsed.data;
}

/**
 * A scheduler fired for a source: takes the source's lease, creates its crawl run and queues the crawl job.
 * The lease lasts until that run finishes, so a second firing (or `run --due`) while the source is still
 * being crawled does nothing. Crawling through the crawl queue keeps its retries and its recovery.
 */
export async function runScheduledSource(
  sourceId: string,
  holder: string,
  deps: ScheduledCrawlDeps,
): Promise<ScheduledOutcome> {
  const source = await loadScheduledSource(deps.db, sourceId);
  if (!source) return { outcome: 'not_scheduled' };
  const runId = await deps.db.transaction(async (tx) => {
    if (!(await acquireSourceLease(tx, sourceId, holder, deps.leaseSecs))) return undefined;
    const [run] = await createRuns(tx, [{ id: source.id, config: source }], randomUUID(), 'schedule');
    await attachRunToLease(tx, sourceId, holder, run!.id);
    return run!.id;
  });
  if (runId === undefined) return { outcome: 'busy' };
  // Should Redis fail right here, the queued run is found and enqueued by recovery.
  await enqueueCrawls(deps.queues, [runId]);
  return { outcome: 'queued', runId };
}

export function startScheduleWorker(
  deps: ScheduledCrawlDeps & { settings: QueueSettings; log: Logger },
): Worker<ScheduleJob> {
  const worker = new Worker<ScheduleJob>(
    jobCatalog.schedule.queueName,
    async (job) => {
      const parsed = jobCatalog.schedule.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid job payload: ${JSON.stringify(job.data)}`);
      const outcome = await runScheduledSource(parsed.data.sourceId, `job:${job.id}`, deps);
      deps.log.info(
        { queue: 'schedule', jobId: job.id, sourceId: parsed.data.sourceId, ...outcome },
        'scheduled crawl',
      );
      return outcome;
    },
    { connection: connectionOf(deps.settings), prefix: deps.settings.prefix, concurrency: 2 },
  );
  worker.on('error', (error) => deps.log.error({ err: error, queue: worker.name }, 'worker error'));
  return worker;
}
