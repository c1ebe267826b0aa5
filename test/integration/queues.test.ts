import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { enqueueArticles, type RunningWorkers, startWorkers } from '../../src/workers/bullmq-transport.js';
import { ARTICLES_PER_JOB } from '../../src/workers/job-catalog.js';
import { recoverPendingWork } from '../../src/workers/recover.js';
import { useMigratedDatabase } from '../support/database.js';
import { useTestQueues } from '../support/queues.js';
import { flushQueuePrefix } from '../support/redis.js';
import { testRedisUrl, uniqueName } from '../support/services.js';

const lexicon = loadLexicon('config/keywords.yaml');
const settings = { redisUrl: testRedisUrl, prefix: uniqueName('harvest_test') };
const log = pino({ level: 'silent' });

const db = useMigratedDatabase();
const queues = useTestQueues(settings);
let workers: RunningWorkers | undefined;

afterAll(async () => {
  await workers?.close();
});

let counter = 0;
async function storeSeizure() {
  counter += 1;
  const url = `https://polisia.kz/ru/seizure-${counter}/`;
  const { id } = await insertCandidate(db, {
    sourceId: 'polisia-kz-ru',
    runId: null,
    url,
    canonicalUrl: canonicalizeUrl(url),
    title: `Полиция изъяла ${counter} кг героина`,
    body: `Сотрудники полиции задержали наркокурьера и изъяли ${counter} килограмма героина. Возбуждено уголовное дело.`,
    publishedAt: null,
    extraction: {},
  });
  return id;
}

async function statusOf(ids: number[]) {
  const result = await db.query<{ status: string }>(
    'SELECT status FROM articles WHERE id = ANY($1::bigint[])',
    [ids],
  );
  return result.rows.map((row) => row.status);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('BullMQ transport', () => {
  it('keeps one job per article however often it is enqueued', async () => {
    const id = await storeSeizure();
    await enqueueArticles(queues, [id]);
    await enqueueArticles(queues, [id, id]);
    expect(await queues.articles.getJobCountByTypes('waiting', 'prioritized')).toBe(1);
  });

  it('puts up to ARTICLES_PER_JOB articles in one job, and recovery leaves the articles a job holds alone', async () => {
    const before = await queues.articles.getJobCountByTypes('waiting', 'prioritized');
    const many = Array.from({ length: ARTICLES_PER_JOB * 2 + 1 }, (_, index) => 1_000_000 + index);
    await enqueueArticles(queues, many.reverse());
    const jobs = await queues.articles.getJobs(['waiting', 'prioritized']);
    expect(jobs.length - before).toBe(3);
    const sizes = jobs.map((job) => job.data.articleIds.length).sort((a, b) => a - b);
    expect(sizes.slice(-3)).toEqual([1, ARTICLES_PER_JOB, ARTICLES_PER_JOB]);

    const held = [await storeSeizure(), await storeSeizure()];
    await enqueueArticles(queues, held);
    const report = await recoverPendingWork(db, queues, 0);
    expect(report.articlesEnqueued).toBe(0);
    expect(await queues.articles.getJobCountByTypes('waiting', 'prioritized')).toBe(before + 4);
  });

  it('recovers articles whose jobs Redis lost, and the workers store each of them once', async () => {
    const ids = [await storeSeizure(), await storeSeizure(), await storeSeizure()];
    await enqueueArticles(queues, ids);
    await flushQueuePrefix(settings.prefix);
    expect(await queues.articles.getJobCountByTypes('waiting', 'prioritized')).toBe(0);

    const report = await recoverPendingWork(db, queues, 0);
    expect(report.articlesEnqueued).toBeGreaterThanOrEqual(ids.length);
    workers = startWorkers({
      db,
      lexicon,
      log,
      userAgent: 'test',
      queues,
      settings,
      concurrency: 4,
      lockSecs: 5,
    });
    await until(async () => (await statusOf(ids)).every((status) => status !== 'pending'));
    expect(await statusOf(ids)).toEqual(['new', 'new', 'new']);
    // A second recovery finds nothing left to do.
    expect((await recoverPendingWork(db, queues, 0)).articlesEnqueued).toBe(0);
  });

  it('sends a poison job to the failed set without retrying it, and the queue goes on', async () => {
    const poison = await queues.articles.add('articles', { articleId: 'not-a-number' } as never, {
      attempts: 5,
    });
    const id = await storeSeizure();
    await enqueueArticles(queues, [id]);
    await until(async () => (await statusOf([id]))[0] !== 'pending');
    await until(async () => (await poison.isFailed()) === true);
    const failed = await queues.articles.getJob(poison.id!);
    expect(failed?.failedReason).toMatch(/invalid job payload/);
    expect(failed?.attemptsMade).toBe(1);
  });
});
