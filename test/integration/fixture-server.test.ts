import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
});

afterAll(async () => {
  await server.close();
});

/** Sends the path exactly as written: fetch() would normalise `..` away before the server sees it. */
function rawGet(path: string): Promise<number> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('fixture server: recorded sites', () => {
  it('serves a listing page with its links pointed at the server', async () => {
    const response = await fetch(`${server.origin}/polisia.kz/ru/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(`href="${server.origin}/polisia.kz/ru/mvd-i-deputy-vyrabotali-rekomendatsii`);
    expect(html).not.toContain('https://polisia.kz');
    expect(html).toContain(`href="/polisia.kz/ru/wp-content/themes/publisher/style.min.css"`);
  });

  it('redirects a directory without its trailing slash', async () => {
    const response = await fetch(`${server.origin}/polisia.kz/ru`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/polisia.kz/ru/');
  });

  it('serves extension-less article URLs from .html files and feeds as XML', async () => {
    const feed = await fetch(`${server.origin}/report.az/ru/rss/`);
    expect(feed.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await feed.text();
    const link = xml.match(/<link>([^<]+\/ru\/zdravookhranenie\/[^<]+)<\/link>/)?.[1];
    expect(link?.startsWith(`${server.origin}/report.az/`)).toBe(true);
    const article = await fetch(link as string);
    expect(article.status).toBe(200);
    expect(await article.text()).toContain(
      '<h1 class="section-title">В Азербайджане откроют новое медучреждение',
    );
  });

  it('answers 404 for missing files and hides the recording notes', async () => {
    expect((await fetch(`${server.origin}/polisia.kz/ru/no-such-article/`)).status).toBe(404);
    expect((await fetch(`${server.origin}/no-such-host.kz/`)).status).toBe(404);
    expect((await fetch(`${server.origin}/polisia.kz/_meta.json`)).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    expect(await rawGet('/polisia.kz/../../package.json')).toBe(400);
    expect(await rawGet('/polisia.kz/%2e%2e/%2e%2e/package.json')).toBe(400);
    expect(await rawGet('/polisia.kz/..%2f..%2fpackage.json')).toBe(400);
  });

  it('serves the windows-1251 page byte for byte with no charset in the header', async () => {
    const response = await fetch(
      `${server.origin}/dialog.tj/boleee-tonny-narkoticheskikh-veshchestv-sozhgli-v-dushanbe/`,
    );
    expect(response.headers.get('content-type')).toBe('text/html');
    const bytes = Buffer.from(await response.arrayBuffer());
    const title = 'Более тонны наркотических веществ сожгли в Душанбе';
    expect(bytes.includes(iconv.encode(title, 'win1251'))).toBe(true);
    expect(bytes.includes(Buffer.from(title, 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'win1251')).toContain('<meta charset="windows-1251">');
  });

  it('merges the sites robots.txt rules under their host prefix at the root', async () => {
    const robots = await (await fetch(`${server.origin}/robots.txt`)).text();
    expect(robots).toContain('User-agent: *');
    expect(robots).toContain('Disallow: /polisia.kz/ru/specproekt/');
    const ownRobots = await (await fetch(`${server.origin}/polisia.kz/robots.txt`)).text();
    expect(ownRobots).toContain('Disallow: /ru/specproekt/');
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${server.origin}/caricc.org/sitemap.xml`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });
});

describe('fixture server: gzipped recordings', () => {
  it('serves a page stored only as .html.gz decompressed, byte for byte, with its links rewritten', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fixture-gz-'));
    const title = 'Изъято 3 кг гашиша';
    const page = iconv.encode(
      `<html><head><meta charset="windows-1251"><title>${title}</title></head>` +
        '<body><a href="https://gz.example/news/2">next</a><a href="/news/3">more</a></body></html>',
      'win1251',
    );
    mkdirSync(join(root, 'gz.example', 'news'), { recursive: true });
    writeFileSync(join(root, 'gz.example', 'news', '1.html.gz'), gzipSync(page, { level: 9 }));
    const gzServer = await startFixtureServer({ root, port: 0 });
    try {
      const response = await fetch(`${gzServer.origin}/gz.example/news/1`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.includes(iconv.encode(title, 'win1251'))).toBe(true);
      const html = iconv.decode(bytes, 'win1251');
      expect(html).toContain(`href="${gzServer.origin}/gz.example/news/2"`);
      expect(html).toContain('href="/gz.example/news/3"');
      const etag = response.headers.get('etag') ?? '';
      const again = await fetch(`${gzServer.origin}/gz.example/news/1.html`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
    } finally {
      await gzServer.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('fixture server: /_test routes', () => {
  it('answers with the requested status and Retry-After', async () => {
    expect((await fetch(`${server.origin}/_test/status/500`)).status).toBe(500);
    const limited = await fetch(`${server.origin}/_test/status/429?retry-after=1`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('sends headers and then stalls on /_test/slow', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}/_test/slow`, { signal: controller.signal });
    expect(response.status).toBe(200);
    const timer = setTimeout(() => controller.abort(), 300);
    await expect(response.text()).rejects.toThrow();
    clearTimeout(timer);
  });

  it('streams a page of the asked size on /_test/big', async () => {
    const response = await fetch(`${server.origin}/_test/big?mb=2`);
    expect(response.headers.get('content-length')).toBe(String(2 * 1024 * 1024));
    expect((await response.arrayBuffer()).byteLength).toBe(2 * 1024 * 1024);
  });

  it('redirects to itself on /_test/redirect-loop', async () => {
    const response = await fetch(`${server.origin}/_test/redirect-loop`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/_test/redirect-loop');
    await expect(fetch(`${server.origin}/_test/redirect-loop`)).rejects.toThrow();
  });

  it('closes even while a slow response is still open', async () => {
    const other = await startFixtureServer({ port: 0 });
    const pending = fetch(`${other.origin}/_test/slow`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.close();
    await expect(pending).rejects.toThrow();
  });
});
