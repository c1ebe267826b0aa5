import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawlers/crawl-source.js';
import { extractArticle } from '../../src/crawlers/extract/extract-article.js';
import { type CrawlStats, createRuns } from '../../src/db/runs-repo.js';
import { sourceSchema } from '../../src/sources/source-schema.js';
import { useMigratedDatabase } from '../support/database.js';

/**
 * `crawler: playwright` against pages served by this test: a listing that exists only after its script ran,
 * a site behind a JavaScript cookie challenge (as мвд.рф answers a first visit), a page that never finishes.
 */

const log = pino({ level: 'silent' });
const COOKIE = 'js_challenge=passed';
let server: Server;
let origin = '';
const db = useMigratedDatabase();
let inFlight = 0;
let maxInFlight = 0;
let guardedListingRequests = 0;

const articlePage = (n: string) => `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>Новость ${n}</title></head><body><h1>Новость ${n}</h1><div class="date">17.09.2025 10:00</div>
<p>Сотрудники полиции изъяли наркотические средства в ходе операции номер ${n}. Возбуждено уголовное дело.</p>
<p>Задержанный дал признательные показания, расследование продолжается под контролем прокуратуры.</p></body></html>`;

// The links arrive from a JSON endpoint after load, as on single-page news sites.
const JS_LISTING = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Новости</title></head><body>
<div id="list">Загрузка…</div><script>
fetch('/api/items').then((r) => r.json()).then((items) => {
  document.getElementById('list').innerHTML = items.map((i) => '<a class="item" href="/js/news/' + i + '">' + i + '</a>').join(' ');
});</script></body></html>`;

const CHALLENGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Проверка браузера</title>
<script>setTimeout(function () { document.cookie = '${COOKIE}; path=/'; location.reload(); }, 200);</script>
</head><body>Проверяем ваш браузер…</body></html>`;

const CHALLENGED_LISTING = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<a class="item" href="/guarded/news/1">1</a> <a class="item" href="/guarded/news/2">2</a></body></html>`;

function route(
  path: string,
  cookie: string,
): { status?: number; type?: string; body: string; delayMs?: number } | null {
  if (path === '/js/list') return { body: JS_LISTING };
  if (path === '/api/items')
    return { type: 'application/json', body: JSON.stringify(['a1', 'a2', 'a3', 'a4', 'a5']) };
  if (path.startsWith('/js/news/')) return { body: articlePage(path.slice(9)), delayMs: 300 };
  if (path.startsWith('/guarded/')) {
    if (!cookie.includes(COOKIE)) return { body: CHALLENGE };
    if (path === '/guarded/') return { body: CHALLENGED_LISTING };
    if (path.startsWith('/guarded/news/')) return { body: articlePage(`g${path.slice(14)}`) };
  }
  if (path === '/stuck/list')
    return {
      body: '<a class="item" href="/stuck/news/never">x</a><a class="item" href="/js/news/after-stuck">y</a>',
    };
  if (path === '/robots.txt') return { type: 'text/plain', body: '' };
  return null;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/stuck/news/never') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<html><body><h1>Never ends');
      return;
    }
    const answer = route(path, request.headers.cookie ?? '');
    if (path === '/guarded/') guardedListingRequests += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      response.writeHead(answer?.status ?? (answer ? 200 : 404), {
        'content-type': `${answer?.type ?? 'text/html'}; charset=utf-8`,
      });
      response.end(answer?.body ?? 'not found');
    }, answer?.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function browserCrawl(id: string, listUrl: string, limits: Record<string, number> = {}) {
  const source = sourceSchema.parse({
    id,
    name: id,
    country: 'RU',
    languages: ['rus'],
    timezone: 'Europe/Moscow',
    crawler: 'playwright',
    discovery: { strategy: 'listing', urls: [listUrl], linkSelector: 'a.item' },
    limits: { requestDelayMs: 0, ...limits },
  });
  const [run] = await createRuns(db, [{ id, config: source }], id, 'test', new Date('2025-09-20T00:00:00Z'));
  const stats: CrawlStats = await crawlSource(source, run!.id, {
    db,
    log,
    userAgent: 'BulletinHarvester-test',
  });
  const rows = await db.query<{
    title: string | null;
    body: string | null;
    published_at: Date | null;
    url: string;
  }>('SELECT title, body, published_at, url FROM articles WHERE run_id = $1 ORDER BY title', [run!.id]);
  return { stats, articles: rows.rows };
}

describe('browser sources', () => {
  it('reads a listing that only its script renders, with bounded browser concurrency', async () => {
    maxInFlight = 0;
    const { stats, articles } = await browserCrawl('js-listing', `${origin}/js/list`, { maxConcurrency: 5 });
    expect(stats.errors).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual([
      'Новость a1',
      'Новость a2',
      'Новость a3',
      'Новость a4',
      'Новость a5',
    ]);
    // The same extractor as the HTTP path reads the rendered page.
    const direct = extractArticle({
      html: articlePage('a1'),
      url: `${origin}/js/news/a1`,
      timezone: 'Europe/Moscow',
    });
    expect(articles[0]).toMatchObject({ title: direct.title, body: direct.body });
    expect(articles[0]!.published_at?.toISOString()).toBe('2025-09-17T07:00:00.000Z');
    expect(maxInFlight).toBeLessThanOrEqual(2);
  }, 120_000);

  it('passes a JavaScript cookie challenge and crawls the site behind it', async () => {
    const { stats, articles } = await browserCrawl('challenge', `${origin}/guarded/`);
    expect(stats.errors).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(['Новость g1', 'Новость g2']);
    // The challenge, then the listing after the reload: no failed attempt and retry in between.
    expect(guardedListingRequests).toBe(2);
  }, 120_000);

  it('gives up on a page that never finishes loading after the timeout, and crawls the rest', async () => {
    const started = Date.now();
    const { stats, articles } = await browserCrawl('stuck', `${origin}/stuck/list`, { timeoutSecs: 3 });
    expect(stats.errors.map((e) => [new URL(e.url).pathname, e.kind])).toEqual([
      ['/stuck/news/never', 'timeout'],
    ]);
    expect(articles.map((a) => a.title)).toEqual(['Новость after-stuck']);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
