import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, createBrotliCompress, createDeflate, createGzip, type Gzip } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { crawlSource } from '../../src/crawlers/crawl-source.js';
import { runOutcome } from '../../src/crawlers/run-outcome.js';
import { createRuns, finishRun } from '../../src/db/runs-repo.js';
import { checkSourcesHealth } from '../../src/ops/health-check.js';
import type { SourceConfig } from '../../src/sources/source-schema.js';
import { processArticle } from '../../src/workers/process-article.js';
import { cliEnv, repoRoot } from '../support/cli.js';
import { useMigratedDatabase } from '../support/database.js';
import { testSource } from '../support/sources.js';

/**
 * Bodies that would exhaust memory or time if read naively, served locally: compression bombs (gzip,
 * deflate, brotli), an endless page, a declared 50 MB page, binary served as text/html, and feeds and sitemaps
 * that are no such thing. Reads stop at maxPageBytes while inflating; what is no page is filed, not refetched.
 */

const log = pino({ level: 'silent' });
const lexicon = loadLexicon('config/keywords.yaml');
const MB = 1024 * 1024;

/** `megabytes` of zeros through a compressor, a megabyte at a time: the bomb without the bomb in memory. */
function compressedZeros(
  megabytes: number,
  compressor: () => Gzip | ReturnType<typeof createBrotliCompress>,
) {
  return new Promise<Buffer>((resolve, reject) => {
    const stream = compressor();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    const zeros = Buffer.alloc(MB);
    let written = 0;
    const writeMore = () => {
      while (written < megabytes) {
        written += 1;
        if (!stream.write(zeros)) return void stream.once('drain', writeMore);
      }
      stream.end();
    };
    writeMore();
  });
}

const STORY =
  '<p>Сотрудники полиции изъяли у задержанного более двух килограммов героина, возбуждено уголовное дело.</p>';
const PAGE = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Изъято два килограмма героина</title></head>
<body><article><h1>Изъято два килограмма героина</h1><div class="date">17.09.2025, 10:15</div>${STORY.repeat(3)}</article></body></html>`;

const bombs: Record<string, { encoding: string; body: Buffer }> = {};
const requests = new Map<string, number>();
let bytesSentOfDeclared = 0;
let server: Server;
let origin: string;

function send(
  response: ServerResponse,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(200, { 'content-type': type, 'content-length': String(bytes.length), ...headers });
  response.end(bytes);
}

function feedOf(paths: string[]): string {
  const items = paths.map((path) => `<item><title>${path}</title><link>${origin}${path}</link></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
}

/** Sends 64 KB chunks as long as the client reads them, and never ends. */
function endless(response: ServerResponse) {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const chunk = Buffer.from(`<p>${'бесконечная страница '.repeat(3000)}</p>`);
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
}

const routes: Record<string, (response: ServerResponse) => void> = {
  '/feed': (response) =>
    send(
      response,
      'application/rss+xml; charset=utf-8',
      feedOf([
        '/good.html',
        '/gzip-bomb.html',
        '/deflate-bomb.html',
        '/brotli-bomb.html',
        '/endless.html',
        '/declared-50mb.html',
        '/scan.html',
      ]),
    ),
  '/bomb-feed': (response) =>
    send(response, 'application/rss+xml; charset=utf-8', feedOf(['/gzip-bomb-1g.html'])),
  '/good.html': (response) => send(response, 'text/html; charset=utf-8', PAGE),
  '/endless.html': endless,
  '/declared-50mb.html': (response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(50 * MB),
    });
    // The first 64 KB, then nothing: a client that waited for the whole body would time out instead.
    const start = Buffer.alloc(64 * 1024, 0x20);
    bytesSentOfDeclared += start.length;
    response.write(start);
  },
  // A scanned document served as a web page: NUL bytes and all.
  '/scan.html': (response) =>
    send(
      response,
      'text/html',
      Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\n'), Buffer.alloc(2048, 0), Buffer.from('binary')]),
    ),
  '/not-a-feed': (response) =>
    send(
      response,
      'application/rss+xml',
      '<!DOCTYPE html><html><body><h1>Технические работы</h1></body></html>',
    ),
  '/not-a-sitemap.xml': (response) =>
    send(response, 'application/xml', '<!DOCTYPE html><html><body><p>Страница не найдена</p></body></html>'),
};

beforeAll(async () => {
  const [gzip, deflate, brotli, gzip1g] = await Promise.all([
    compressedZeros(64, () => createGzip({ level: 1 })),
    compressedZeros(64, () => createDeflate({ level: 1 })),
    compressedZeros(64, () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })),
    compressedZeros(1024, () => createGzip({ level: 9 })),
  ]);
  bombs['/gzip-bomb.html'] = { encoding: 'gzip', body: gzip };
  bombs['/deflate-bomb.html'] = { encoding: 'deflate', body: deflate };
  bombs['/brotli-bomb.html'] = { encoding: 'br', body: brotli };
  bombs['/gzip-bomb-1g.html'] = { encoding: 'gzip', body: gzip1g };
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const bomb = bombs[path];
    if (bomb)
      return send(response, 'text/html; charset=utf-8', bomb.body, { 'content-encoding': bomb.encoding });
    const route = routes[path];
    if (route) return route(response);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const db = useMigratedDatabase();

function source(id: string, strategy: 'rss' | 'sitemap', path: string): SourceConfig {
  return testSource(id, {
    discovery: { strategy, urls: [`${origin}${path}`] },
    limits: { requestDelayMs: 0, maxPageBytes: MB, timeoutSecs: 10, maxConcurrency: 4, maxAgeDays: 100_000 },
  });
}

async function crawl(crawled: SourceConfig) {
  const [run] = await createRuns(db, [{ id: crawled.id, config: crawled }], 'hostile-reads', 'test');
  const stats = await crawlSource(crawled, run!.id, { db, log, userAgent: 'BulletinHarvester-test' });
  await finishRun(db, run!.id, { stats, ...runOutcome(stats) });
  const ids = await db.query<{ id: number }>('SELECT id FROM articles WHERE run_id = $1', [run!.id]);
  for (const { id } of ids.rows) await processArticle({ db, lexicon }, id);
  return { runId: run!.id, stats };
}

describe('reads bounded while they happen', () => {
  let first: Awaited<ReturnType<typeof crawl>>;
  const kindOf = (path: string) =>
    first.stats.errors.filter((error) => error.url.endsWith(path)).map((error) => error.kind);

  beforeAll(async () => {
    first = await crawl(source('hostile-reads', 'rss', '/feed'));
  }, 120_000);

  it('stops gzip, deflate and brotli bombs at maxPageBytes while inflating, with the reason', () => {
    for (const path of ['/gzip-bomb.html', '/deflate-bomb.html', '/brotli-bomb.html']) {
      expect(kindOf(path), path).toEqual(['too_large']);
      const error = first.stats.errors.find((candidate) => candidate.url.endsWith(path));
      expect(error?.message, path).toMatch(/stopped reading after \d+ bytes/);
    }
  });

  it('stops an endless page at maxPageBytes', () => {
    expect(kindOf('/endless.html')).toEqual(['too_large']);
  });

  it('refuses a page that declares 50 MB without reading it', () => {
    expect(kindOf('/declared-50mb.html')).toEqual(['too_large']);
    expect(first.stats.errors.find((error) => error.url.endsWith('/declared-50mb.html'))?.message).toMatch(
      /Content-Length.*not read/,
    );
    expect(bytesSentOfDeclared).toBeLessThanOrEqual(64 * 1024);
  });

  it('files binary served as text/html as not_html, with its URL, and reads the good page', async () => {
    const rows = await db.query<{
      url: string;
      status: string;
      filter_reason: string | null;
      title: string | null;
    }>('SELECT url, status, filter_reason, title FROM articles WHERE run_id = $1 ORDER BY url', [
      first.runId,
    ]);
    expect(rows.rows.map((row) => [new URL(row.url).pathname, row.status, row.filter_reason])).toEqual([
      ['/good.html', 'new', null],
      ['/scan.html', 'filtered', 'not_html'],
    ]);
    expect(kindOf('/scan.html')).toEqual([]);
  });

  it('never fetches the binary page again', async () => {
    const second = await crawl(source('hostile-reads', 'rss', '/feed'));
    expect(requests.get('/scan.html')).toBe(1);
    expect(requests.get('/good.html')).toBe(1);
    expect(second.stats.alreadyKnown).toBe(2);
  }, 120_000);
});

describe('feeds and sitemaps that are not', () => {
  it('count a malformed feed as an error of the run and of the source health', async () => {
    const { stats } = await crawl(source('hostile-feed', 'rss', '/not-a-feed'));
    expect(stats.errors.map((error) => error.kind)).toEqual(['malformed_feed']);
    expect(runOutcome(stats).status).toBe('failed');
    const [health] = await checkSourcesHealth(db, ['hostile-feed']);
    expect(health?.state).toBe('broken');
    expect(health?.reasons.join(' ')).toContain('malformed_feed');
  }, 60_000);

  it('count a malformed sitemap as an error of the run', async () => {
    const { stats } = await crawl(source('hostile-sitemap', 'sitemap', '/not-a-sitemap.xml'));
    expect(stats.errors.map((error) => error.kind)).toEqual(['malformed_sitemap']);
  }, 60_000);
});

/** Runs `harvest ARGS` in a child process that reports its peak RSS; returns the exit code, output and peak. */
function harvestWithPeakRss(args: string[], env: Record<string, string>) {
  const scratch = mkdtempSync(join(tmpdir(), 'harvest-rss-'));
  const rssFile = join(scratch, 'peak-rss');
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(repoRoot, 'test', 'support', 'report-peak-rss.mjs'),
      join(repoRoot, 'bin', 'harvest.js'),
      ...args,
    ],
    { cwd: repoRoot, env: cliEnv({ ...env, PEAK_RSS_FILE: rssFile }) },
  );
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.resume();
  return new Promise<{ code: number | null; stdout: string; peakMb: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, stdout, peakMb });
    });
  });
}

describe('a 1 GiB gzip bomb in a whole harvest run', () => {
  // On this test's Postgres: an embedded PGlite's first start alone peaks near 1 GB, which would hide the crawl.
  it('stays under 800 MB peak RSS and reports the page as too large', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'harvest-bomb-'));
    const sources = join(dataDir, 'sources.yaml');
    writeFileSync(
      sources,
      `sources:\n  - id: bomb\n    name: bomb\n    country: KZ\n    languages: [rus]\n    timezone: Asia/Almaty\n` +
        `    discovery: { strategy: rss, urls: ["${origin}/bomb-feed"] }\n    limits: { requestDelayMs: 0, maxAgeDays: 100000 }\n`,
    );
    try {
      expect(bombs['/gzip-bomb-1g.html']!.body.length).toBeLessThan(2 * MB);
      const result = await harvestWithPeakRss(['run', '--sources', sources], { DATABASE_URL: db.url });
      expect(result.peakMb).toBeGreaterThan(0);
      expect(result.peakMb).toBeLessThan(800);
      expect(result.code).toBe(0);
      // source  fetched  new drafts  duplicates  errors: the feed was read, the bomb is its one error.
      expect(result.stdout).toMatch(/^bomb\s+1\s+0\s+0\s+1\s/m);
      expect(requests.get('/gzip-bomb-1g.html')).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
