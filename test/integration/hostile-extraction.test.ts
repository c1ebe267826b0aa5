import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionFailedError, IsolatedExtractor } from '../../src/crawlers/extract/isolated-extractor.js';

/** The extraction budget itself: a page that hangs or bloats the parser costs that page only. */

const NOW = new Date('2025-09-20T00:00:00Z');
const GOOD = {
  html: '<html><head><title>Изъят героин</title></head><body><h1>Изъят героин</h1><p>17.09.2025</p><p>Текст.</p></body></html>',
  url: 'https://news.example/1',
  timezone: 'Asia/Tashkent',
  now: NOW,
};
// linkedom needs about a minute to build this tree (unclosed elements nesting 100,000 deep).
const HANG = {
  html: `<html><body>${'<div><span>x</span>'.repeat(100_000)}</body></html>`,
  url: 'https://news.example/2',
};
const BLOAT = {
  html: `<html><body>${`<p>${'слово '.repeat(50)}</p>`.repeat(40_000)}</body></html>`,
  url: 'https://news.example/3',
};

const small = new IsolatedExtractor({ maxMemoryMb: 64 });
const roomy = new IsolatedExtractor();
afterAll(async () => {
  await small.close();
  await roomy.close();
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ExtractionFailedError ? error.kind : String(error)),
  );

describe('IsolatedExtractor', () => {
  it('extracts like extractArticle does', async () => {
    const result = await roomy.extract(GOOD, 10_000);
    expect(result).toMatchObject({ title: 'Изъят героин', publishedAt: '2025-09-16T19:00:00.000Z' });
  });

  it('stops a page that hangs the parser at its budget and serves the next page with a fresh worker', async () => {
    const started = Date.now();
    expect(await failureOf(roomy.extract(HANG, 1_000))).toBe('extraction_timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await roomy.extract(GOOD, 10_000)).title).toBe('Изъят героин');
  });

  it('lets a page that needs more memory than allowed kill its worker only', async () => {
    expect(await failureOf(small.extract(BLOAT, 60_000))).toBe('extraction_crashed');
    expect((await small.extract(GOOD, 10_000)).title).toBe('Изъят героин');
  });

  it('blames only the page that hangs: the pages queued behind it are extracted by the next worker', async () => {
    const titled = (title: string) => ({ ...GOOD, html: GOOD.html.replaceAll('Изъят героин', title) });
    const outcomes = await Promise.all([
      roomy.extract(titled('До'), 10_000).then((r) => r.title),
      failureOf(roomy.extract(HANG, 1_000)),
      roomy.extract(titled('После'), 10_000).then((r) => r.title),
      roomy.extract(titled('Ещё'), 10_000).then((r) => r.title),
    ]);
    expect(outcomes).toEqual(['До', 'extraction_timeout', 'После', 'Ещё']);
  });

  it('queues pages and answers each with its own result', async () => {
    const titles = await Promise.all(
      ['Один', 'Два', 'Три'].map((title) =>
        roomy
          .extract({ ...GOOD, html: GOOD.html.replaceAll('Изъят героин', title) }, 10_000)
          .then((r) => r.title),
      ),
    );
    expect(titles).toEqual(['Один', 'Два', 'Три']);
  });
});
