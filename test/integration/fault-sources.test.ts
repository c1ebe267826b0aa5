import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';
import { type CrawlRun, createRuns, getRun } from '../../src/db/runs-repo.js';
import type { SourceConfig } from '../../src/sources/source-schema.js';
import { enqueueArticles, enqueueCrawls } from '../../src/workers/bullmq-transport.js';
import { jobCatalog } from '../../src/workers/job-catalog.js';
import { useMigratedDatabase } from '../support/database.js';
import { useTestQueues, useTestWorkers } from '../support/queues.js';
import { testRedisUrl, uniqueName } from '../support/services.js';
import { testSource } from '../support/sources.js';

// Faults of sources (HTTP errors, a hang, a huge page) and of the queue (a job delivered twice, a poison
// job), on the real Postgres and Redis with the real BullMQ workers.

const settings = { redisUrl: testRedisUrl, prefix: uniqueName('harvest_test') };
const root = mkdtempSync(join(tmpdir(), 'harvest-faults-'));
const db = useMigratedDatabase();
let server: FixtureServer;

const story = (n: number) =>
  `<html lang="ru"><head><title>Изъято ${n} кг героина</title></head><body><article>` +
  `<h1>В Душанбе изъято ${n} кг героина</h1><time datetime="2026-03-0${n}T10:00:00+05:00">0${n}.03.2026</time>` +
  `<p>Сотрудники Агентства по контролю за наркотиками задержали жителя столицы и изъяли у него ${n} ` +
  'килограмма героина. По факту возбуждено уголовное дело, проводится следствие.</p></article></body></html>';

beforeAll(async () => {
  mkdirSync(join(root, 'faulty.test', 'news'), { recursive: true });
  for (const n of [1, 2, 3]) writeFileSync(join(root, 'faulty.test', 'news', `${n}.html`), story(n));
  server = await startFixtureServer({ root, port: 0 });
  // Written once the origin is known: links to the server's own fault routes.
  const links = [
    ...[1, 2, 3].map((n) => `${server.origin}/faulty.test/news/${n}.html`),
    `${server.origin}/_test/status/500`,
    `${server.origin}/_test/status/429?retry-after=1`,
    `${server.origin}/_test/slow`,
    `${server.origin}/_test/big?mb=10`,
  ];
  writeFileSync(
    join(root, 'faulty.test', 'index.html'),
    `<html><body>${links.map((href) => `<a class="news" href="${href}">${href}</a>`).join('\n')}</body></html>`,
  );
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

// After the fixture server's hooks: the workers start once it serves and have stopped before it closes.
const queues = useTestQueues(settings);
useTestWorkers(() => db, queues, settings);

function faultySource(id: string, urls: string[]): SourceConfig {
  return testSource(id, {
    discovery: { strategy: 'listing', urls, linkSelector: 'a.news' },
    limits: {
      requestDelayMs: 0,
      timeoutSecs: 2,
      maxPageBytes: 1_000_000,
      maxConcurrency: 4,
      maxAgeDays: 100_000,
    },
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs the crawl through the queue and waits until it finished and its articles are processed. */
async function crawlThroughQueue(source: SourceConfig, extraJobId?: string): Promise<CrawlRun> {
  const [run] = await createRuns(db, [{ id: source.id, config: source }], uniqueName('batch'), 'test');
  await enqueueCrawls(queues, [run!.id]);
  if (extraJobId) {
    // The same run delivered a second time under another job id, as a duplicated delivery would.
    await queues.crawl.add('crawl', { runId: run!.id }, { jobId: extraJobId });
  }
  await until(async () => {
    const current = await getRun(db, run!.id);
    const pending = await db.query('SELECT 1 FROM articles WHERE run_id = $1 AND status = $2', [
      run!.id,
      'pending',
    ]);
    return (current?.status === 'succeeded' || current?.status === 'failed') && pending.rowCount === 0;
  });
  return (await getRun(db, run!.id))!;
}

async function articlesOf(sourceId: string) {
  const result = await db.query<{ url: string; status: string }>(
    'SELECT url, status FROM articles WHERE source_id = $1 ORDER BY url',
    [sourceId],
  );
  return result.rows;
}

describe('a source that answers 500, 429 with Retry-After, hangs, or sends 10 MB', () => {
  it('stores its good articles once, records each failure by kind, and the run finishes', async () => {
    const source = faultySource('faulty-mixed', [`${server.origin}/faulty.test/`]);
    const run = await crawlThroughQueue(source);
    expect(run.status).toBe('succeeded');
    const byUrl = new Map((run.stats.errors ?? []).map((error) => [new URL(error.url).pathname, error.kind]));
    expect(byUrl.get('/_test/status/500')).toBe('http_500');
    expect(byUrl.get('/_test/status/429')).toMatch(/^http_429$|blocked/);
    expect(byUrl.get('/_test/slow')).toBe('timeout');
    expect(byUrl.get('/_test/big')).toBe('too_large');
    const stored = await articlesOf(source.id);
    expect(stored.map((row) => new URL(row.url).pathname)).toEqual([
      '/faulty.test/news/1.html',
      '/faulty.test/news/2.html',
      '/faulty.test/news/3.html',
    ]);
    expect(stored.every((row) => row.status === 'new')).toBe(true);

    // The next run may retry what failed, but never fetches or stores a stored article again.
    const again = await crawlThroughQueue(source);
    expect(again.status).toBe('succeeded');
    expect(again.stats.candidatesStored).toBe(0);
    expect(again.stats.articlePagesFetched).toBeLessThanOrEqual(4);
    expect(await articlesOf(source.id)).toHaveLength(3);
  }, 120_000);

  it('marks a run failed when every request fails', async () => {
    const run = await crawlThroughQueue(faultySource('faulty-down', [`${server.origin}/_test/status/500`]));
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/http_500/);
  }, 60_000);
});

describe('duplicated job delivery', () => {
  it('a crawl job delivered twice stores and processes each article once', async () => {
    const source = faultySource('faulty-twice', [`${server.origin}/faulty.test/`]);
    const run = await crawlThroughQueue(source, 'duplicate-delivery');
    expect(run.status).toBe('succeeded');
    const stored = await articlesOf(source.id);
    expect(new Set(stored.map((row) => row.url)).size).toBe(stored.length);
    // The other source stored the same three pages first: these are the same canonical URLs, stored once.
    const all = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM articles WHERE url LIKE '%/faulty.test/news/%'",
    );
    expect(all.rows[0]!.n).toBe(3);
  }, 120_000);

  it('an article job delivered twice processes the article once', async () => {
    const [{ id }] = (
      await db.query<{ id: number }>(
        `INSERT INTO articles (source_id, url, canonical_url, title, body)
         VALUES ('faulty-article', 'https://x.example/1', 'https://x.example/1', 'Изъят героин',
                 'Полиция изъяла героин и гашиш у задержанного.') RETURNING id`,
      )
    ).rows as [{ id: number }];
    await enqueueArticles(queues, [id]);
    const twin = await queues.articles.add(
      'articles',
      { articleIds: [id] },
      { jobId: `article-${id}-again` },
    );
    await until(async () => (await twin.isCompleted()) || (await twin.isFailed()));
    const first = await queues.articles.getJob(jobCatalog.article.jobId({ articleIds: [id] }));
    await until(async () => (await first!.isCompleted()) || (await first!.isFailed()));
    const outcomes = [
      (await queues.articles.getJob(first!.id!))?.returnvalue.outcomes[id],
      (await queues.articles.getJob(twin.id!))?.returnvalue.outcomes[id],
    ].sort();
    expect(outcomes).toEqual(['already_processed', 'processed']);
    const row = await db.query('SELECT status, version FROM articles WHERE id = $1', [id]);
    expect(row.rows).toEqual([{ status: 'new', version: 1 }]);
  }, 60_000);
});

describe('a poison crawl job', () => {
  it('ends in the failed set with its error, unretried, and the queue goes on', async () => {
    const poison = await queues.crawl.add('crawl', { runId: 987_654_321 }, { attempts: 3, jobId: 'poison' });
    const source = faultySource('faulty-after-poison', [`${server.origin}/faulty.test/`]);
    const run = await crawlThroughQueue(source);
    expect(run.status).toBe('succeeded');
    await until(async () => poison.isFailed());
    const failed = await queues.crawl.getJob('poison');
    expect(failed?.failedReason).toMatch(/crawl run 987654321 does not exist/);
    expect(failed?.attemptsMade).toBe(1);
  }, 60_000);
});
