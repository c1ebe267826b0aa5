import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourcesFile } from '../../src/config/sources.js';
import { crawlSource } from '../../src/crawlers/crawl-source.js';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { type SourceConfig, sourceSchema } from '../../src/sources/source-schema.js';
import { useMigratedDatabase } from '../support/database.js';

const log = pino({ level: 'silent' });
const REFERENCE_TIME = new Date('2025-09-20T00:00:00Z');
const db = useMigratedDatabase();
let fixtures: FixtureServer;

/** A scripted server: each path answers from its list of responses in turn (the last one repeats). */
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
const script = new Map<string, Answer[]>();
const requests: Array<{ path: string; at: number; headers: IncomingHttpHeaders }> = [];
let server: Server;
let origin = '';

beforeAll(async () => {
  fixtures = await startFixtureServer({ port: 0 });
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, at: Date.now(), headers: request.headers });
    const answers = script.get(path) ?? [{ status: 404, body: 'not found' }];
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    response.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', ...answer.headers });
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await fixtures?.close();
});

async function crawl(source: SourceConfig) {
  const [run] = await createRuns(
    db,
    [{ id: source.id, config: source }],
    'politeness',
    'test',
    REFERENCE_TIME,
  );
  return crawlSource(source, run!.id, { db, log, userAgent: 'BulletinHarvester-test' });
}

function feedSource(id: string, feedPath: string, limits: Record<string, number> = {}): SourceConfig {
  return sourceSchema.parse({
    id,
    name: id,
    country: 'AZ',
    languages: ['rus'],
    timezone: 'Asia/Baku',
    discovery: { strategy: 'rss', urls: [`${origin}${feedPath}`] },
    limits: { requestDelayMs: 0, ...limits },
  });
}

function rss(items: Array<{ path: string; date: string }>): string {
  const entries = items
    .map(
      ({ path, date }) =>
        `<item><title>t</title><link>${origin}${path}</link><pubDate>${date}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>${entries}</channel></rss>`;
}

const ARTICLE =
  '<html><head><title>Статья</title></head><body><h1>Статья</h1><p>Текст статьи.</p></body></html>';
const rssHeaders = { 'content-type': 'application/rss+xml; charset=utf-8' };
const pathsRequested = (prefix: string) =>
  requests.filter((r) => r.path.startsWith(prefix)).map((r) => r.path);

describe('conditional GET of discovery pages', () => {
  it('sends the validators back and reads nothing further when the feed answers 304', async () => {
    const source = loadSourcesFile('config/sources.demo.yaml', {
      variables: { FIXTURES_ORIGIN: fixtures.origin },
    }).sources.find((s) => s.id === 'report-az-ru')!;
    const first = await crawl(source);
    expect(first.candidatesStored).toBeGreaterThan(0);
    const cached = await db.query<{ etag: string | null }>('SELECT etag FROM fetch_cache WHERE url = $1', [
      source.discovery.urls[0],
    ]);
    expect(cached.rows[0]?.etag).toMatch(/^".+"$/);

    const second = await crawl(source);
    expect(second).toMatchObject({
      pagesFetched: 1,
      articlesDiscovered: 0,
      articlePagesFetched: 0,
      errors: [],
    });
  });

  it('uses Last-Modified when the server sends no ETag, and reads the feed again once it changed', async () => {
    const lastModified = 'Wed, 17 Sep 2025 08:00:00 GMT';
    script.set('/lm/feed', [
      { status: 200, headers: { ...rssHeaders, 'last-modified': lastModified }, body: rss([]) },
      { status: 304 },
      {
        status: 200,
        headers: rssHeaders,
        body: rss([{ path: '/lm/a1', date: 'Thu, 18 Sep 2025 08:00:00 GMT' }]),
      },
    ]);
    script.set('/lm/a1', [{ status: 200, body: ARTICLE }]);
    const source = feedSource('last-modified', '/lm/feed');
    await crawl(source);
    expect((await crawl(source)).articlesDiscovered).toBe(0);
    const feedRequests = requests.filter((r) => r.path === '/lm/feed');
    expect(feedRequests[1]?.headers['if-modified-since']).toBe(lastModified);
    expect((await crawl(source)).candidatesStored).toBe(1);
  });

  it('keeps no validators from a crawl that failed to fetch an article, so the next one reads the feed again', async () => {
    script.set('/partial/feed', [
      {
        status: 200,
        headers: { ...rssHeaders, etag: '"v1"' },
        body: rss([{ path: '/partial/a1', date: 'Thu, 18 Sep 2025 08:00:00 GMT' }]),
      },
    ]);
    script.set('/partial/a1', [
      { status: 500 },
      { status: 500 },
      { status: 500 },
      { status: 200, body: ARTICLE },
    ]);
    const source = feedSource('partial', '/partial/feed');
    expect((await crawl(source)).errors).toHaveLength(1);
    const retry = await crawl(source);
    expect(requests.filter((r) => r.path === '/partial/feed').map((r) => r.headers['if-none-match'])).toEqual(
      [undefined, undefined],
    );
    expect(retry.candidatesStored).toBe(1);
  });
});

describe('429 and 503 backoff', () => {
  it('waits as long as Retry-After asks, then retries and succeeds', async () => {
    script.set('/ra/feed', [
      { status: 429, headers: { 'retry-after': '1' } },
      {
        status: 200,
        headers: rssHeaders,
        body: rss([{ path: '/ra/a1', date: 'Thu, 18 Sep 2025 08:00:00 GMT' }]),
      },
    ]);
    script.set('/ra/a1', [
      { status: 503, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } },
      { status: 200, body: ARTICLE },
    ]);
    const stats = await crawl(feedSource('retry-after', '/ra/feed'));
    expect(stats.errors).toEqual([]);
    expect(stats.candidatesStored).toBe(1);
    const feed = requests.filter((r) => r.path === '/ra/feed');
    expect(feed).toHaveLength(2);
    expect(feed[1]!.at - feed[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('backs off exponentially without Retry-After and records the failure when retries run out', async () => {
    script.set('/busy/feed', [{ status: 503 }]);
    const stats = await crawl(feedSource('busy', '/busy/feed'));
    const feed = requests.filter((r) => r.path === '/busy/feed');
    expect(feed).toHaveLength(3);
    expect(feed[2]!.at - feed[1]!.at).toBeGreaterThan(feed[1]!.at - feed[0]!.at);
    expect(stats.errors.map((error) => error.kind)).toEqual(['http_503']);
  });

  it('leaves a server that asks for more than the cap for the next crawl, without retrying', async () => {
    script.set('/later/feed', [{ status: 429, headers: { 'retry-after': '3600' } }]);
    const stats = await crawl(feedSource('later', '/later/feed'));
    expect(pathsRequested('/later/')).toEqual(['/later/feed']);
    expect(stats.errors).toEqual([expect.objectContaining({ kind: 'http_429' })]);
    expect(stats.errors[0]!.message).toMatch(/Retry-After/);
  });
});

describe('maximum age', () => {
  it('stops paging a listing whose new links robots.txt all forbids, and fetches none of them', async () => {
    script.set('/robots.txt', [
      {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /members/\n',
      },
    ]);
    const listing = (links: string[], next?: string) =>
      `<html><body>${links.map((href) => `<a class="news" href="${href}">${href}</a>`).join('')}` +
      `${next ? `<a class="next" href="${next}">older</a>` : ''}</body></html>`;
    script.set('/club/list/1', [
      { status: 200, body: listing(['/members/1.html', '/members/2.html'], '/club/list/2') },
    ]);
    script.set('/club/list/2', [{ status: 200, body: listing(['/club/news/3.html']) }]);
    script.set('/club/news/3.html', [{ status: 200, body: ARTICLE }]);
    const source = sourceSchema.parse({
      id: 'robots-listing',
      name: 'robots-listing',
      country: 'AZ',
      languages: ['rus'],
      timezone: 'Asia/Baku',
      discovery: {
        strategy: 'listing',
        urls: [`${origin}/club/list/1`],
        linkSelector: 'a.news',
        nextPageSelector: 'a.next',
        maxPages: 5,
      },
      limits: { requestDelayMs: 0 },
    });
    const stats = await crawl(source);
    expect(pathsRequested('/club/')).toEqual(['/club/list/1']);
    expect(pathsRequested('/members/')).toEqual([]);
    expect(stats.robotsBlocked).toBe(2);
    expect(stats.candidatesStored).toBe(0);
  });

  it('does not fetch articles that the feed dates before the maximum age', async () => {
    script.set('/age/feed', [
      {
        status: 200,
        headers: rssHeaders,
        body: rss([
          { path: '/age/recent', date: 'Thu, 18 Sep 2025 08:00:00 +0400' },
          { path: '/age/old', date: 'Mon, 02 Jun 2025 08:00:00 +0400' },
          { path: '/age/undated', date: '' },
        ]),
      },
    ]);
    for (const path of ['/age/recent', '/age/old', '/age/undated'])
      script.set(path, [{ status: 200, body: ARTICLE }]);
    const stats = await crawl(feedSource('max-age', '/age/feed', { maxAgeDays: 30 }));
    expect(pathsRequested('/age/').sort()).toEqual(['/age/feed', '/age/recent', '/age/undated']);
    expect(stats.candidatesStored).toBe(2);
  });
});
