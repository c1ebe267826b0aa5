import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/** Payloads carry ids only: pages and articles live in Postgres, the system of record. */
export const crawlJobSchema = z.object({ runId: z.number().int().positive() });
export const articleJobSchema = z.object({ articleId: z.number().int().positive() });
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
    jobId: (job: ArticleJob) => `article-${job.articleId}`,
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
