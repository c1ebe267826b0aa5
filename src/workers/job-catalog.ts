import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/** Payloads carry ids only: pages and articles live in Postgres, the system of record. */
export const crawlJobSchema = z.object({ runId: z.number().int().positive() });
/**
 * Ids per article job. One job per article cost a worker more in BullMQ's bookkeeping (fetch, lock, completion:
 * two Redis scripts and their replies) than the stages cost: ~1 ms of CPU per article on top of ~1 ms of analysis.
 */
export const ARTICLES_PER_JOB = 50;
export const articleJobSchema = z.object({
  articleIds: z.array(z.number().int().positive()).min(1).max(1_000),
});
/** Fired by a source's job scheduler: the worker creates the crawl run when the job runs. */
export const scheduleJobSchema = z.object({ sourceId: z.string().min(1).max(200) });
export type CrawlJob = z.infer<typeof crawlJobSchema>;
export type ArticleJob = z.infer<typeof articleJobSchema>;
export type ScheduleJob = z.infer<typeof scheduleJobSchema>;

const retention = {
  removeOnComplete: { count: 1_000, age: 7 * 86_400 },
  removeOnFail: { count: 10_000, age: 30 * 86_400 },
} satisfies JobsOptions;

export const jobCatalog = {
  crawl: {
    queueName: 'crawl',
    schema: crawlJobSchema,
    // A stable job id makes a second enqueue of the same run a no-op while the job exists.
    jobId: (job: CrawlJob) => `run-${job.runId}`,
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 10_000 },
      ...retention,
    } satisfies JobsOptions,
  },
  article: {
    queueName: 'articles',
    schema: articleJobSchema,
    // The same ids enqueued again (a crawler's retry, a recovery racing it) make no second job while the first exists.
    jobId: (job: ArticleJob) =>
      `articles-${job.articleIds[0]}-${job.articleIds.length}-${createHash('sha1').update(job.articleIds.join(',')).digest('hex').slice(0, 12)}`,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      ...retention,
    } satisfies JobsOptions,
  },
  schedule: {
    queueName: 'schedule',
    schema: scheduleJobSchema,
    schedulerId: (job: ScheduleJob) => `source:${job.sourceId}`,
    // Not retried: the run it creates has its own retries through recovery, and the next firing comes anyway.
    options: { attempts: 1, ...retention } satisfies JobsOptions,
  },
} as const;
