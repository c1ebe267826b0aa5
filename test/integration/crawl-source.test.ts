import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourcesFile } from '../../src/config/sources.js';
import { crawlSource } from '../../src/crawlers/crawl-source.js';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';
import { runOutcome } from '../../src/crawlers/run-outcome.js';
import { createRuns } from '../../src/db/runs-repo.js';
import type { SourceConfig } from '../../src/sources/source-schema.js';
import { useMigratedDatabase } from '../support/database.js';
import { testSource } from '../support/sources.js';

const log = pino({ level: 'silent' });
const db = useMigratedDatabase();
let server: FixtureServer;
let demo: Map<string, SourceConfig>;

beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
  const file = loadSourcesFile('config/sources.demo.yaml', { variables: { FIXTURES_ORIGIN: server.origin } });
  demo = new Map(file.sources.map((source) => [source.id, source]));
});

afterAll(async () => {
  await server?.close();
});

async function crawl(source: SourceConfig) {
  const [run] = await createRuns(db, [{ id: source.id, config: source }], 'crawl-test', 'test');
  const stats = await crawlSource(source, run!.id, { db, log, userAgent: 'BulletinHarvester-test' });
  return { runId: run!.id, stats };
}

async function articlesOf(runId: number) {
  const result = await db.query<{ url: string; title: string | null; body: string | null }>(
    'SELECT url, title, body FROM articles WHERE run_id = $1 ORDER BY id',
    [runId],
  );
  return result.rows;
}

function brokenSource(id: string, url: string, limits: Record<string, number> = {}): SourceConfig {
  return testSource(id, {
    discovery: { strategy: 'rss', urls: [url] },
    limits: { requestDelayMs: 0, ...limits },
  });
}

describe('crawlSource on the recorded sites', () => {
  it('honours robots.txt, follows the listing to page 2 and stores each article with its page', async () => {
    const { runId, stats } = await crawl(demo.get('polisia-kz-ru')!);
    expect(stats.errors).toEqual([]);
    expect(stats.robotsBlocked).toBeGreaterThanOrEqual(1);
    const articles = await articlesOf(runId);
    expect(articles.length).toBe(stats.candidatesStored);
    expect(articles.some((article) => article.url.includes('/specproekt/'))).toBe(false);
    // Linked from the second listing page only.
    expect(articles.some((article) => article.url.includes('/molodezh-protiv-narkotikov-'))).toBe(true);
    expect(articles.every((article) => article.title && article.body)).toBe(true);
    const pages = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM article_pages WHERE article_id IN (SELECT id FROM articles WHERE run_id = $1)',
      [runId],
    );
    expect(pages.rows[0]!.n).toBe(articles.length);
  });

  it('fetches no article page again on a second crawl', async () => {
    // Forget the listing's validators: a 304 would skip the listing altogether (crawl-politeness.test.ts);
    // this test is about links to known articles.
    await db.query('DELETE FROM fetch_cache');
    const { runId, stats } = await crawl(demo.get('polisia-kz-ru')!);
    expect(stats.candidatesStored).toBe(0);
    expect(stats.alreadyKnown).toBeGreaterThan(0);
    expect(stats.articlePagesFetched).toBe(0);
    expect(await articlesOf(runId)).toEqual([]);
  });

  it('decodes a windows-1251 page that declares its charset only in a meta tag', async () => {
    const { runId } = await crawl(demo.get('dialog-tj')!);
    const burned = (await articlesOf(runId)).find((article) => article.url.includes('boleee-tonny'));
    expect(burned?.title).toMatch(/наркотических веществ/i);
    expect(burned?.body).toMatch(/героина/);
    expect(`${burned?.title} ${burned?.body}`).not.toMatch(/\uFFFD|[ÐÑÂÃ]/);
  });
});

describe('crawlSource on failing hosts', () => {
  it('records an HTTP 500 as an error of its kind, and the run as failed', async () => {
    const { stats } = await crawl(brokenSource('server-error', `${server.origin}/_test/status/500`));
    expect(stats.errors.map((error) => error.kind)).toEqual(['http_500']);
    expect(runOutcome(stats).status).toBe('failed');
  });

  it('refuses a page larger than maxPageBytes', async () => {
    const { stats } = await crawl(
      brokenSource('huge', `${server.origin}/_test/big?mb=2`, { maxPageBytes: 1_000_000 }),
    );
    expect(stats.errors.map((error) => error.kind)).toEqual(['too_large']);
  });

  it('gives up on a host that stops sending, after its timeout', async () => {
    const { stats } = await crawl(brokenSource('slow', `${server.origin}/_test/slow`, { timeoutSecs: 1 }));
    expect(stats.errors).toHaveLength(1);
    expect(stats.errors[0]!.kind).toBe('timeout');
  });

  it('reports an unreachable host as unreachable', async () => {
    const { stats } = await crawl(brokenSource('nowhere', 'http://127.0.0.1:9/rss'));
    expect(stats.errors.map((error) => error.kind)).toEqual(['unreachable']);
  });
});
