import { describe, expect, it } from 'vitest';
import { crawlConcurrently, sitesOfUrls } from '../../src/workers/crawl-concurrently.js';

/** Work that ends when the test says so: the order of events, not the clock, is what is checked. */
function controlledWork() {
  const releases = new Map<string, () => void>();
  const started: string[] = [];
  const active = new Set<string>();
  let mostActive = 0;
  const work = (item: { id: string }) =>
    new Promise<void>((resolve) => {
      started.push(item.id);
      active.add(item.id);
      mostActive = Math.max(mostActive, active.size);
      releases.set(item.id, () => {
        active.delete(item.id);
        resolve();
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { work, started, active, releases, settle, mostActive: () => mostActive };
}

describe('crawlConcurrently', () => {
  const sources = [
    { id: 'polisia-ru', hosts: ['polisia.kz'] },
    { id: 'polisia-kz', hosts: ['polisia.kz'] },
    { id: 'report', hosts: ['report.az'] },
    { id: 'kun', hosts: ['kun.uz'] },
    { id: 'tengri', hosts: ['tengrinews.kz'] },
  ];

  it('runs up to the limit at once, never two sources of one host, and lets later ones pass a busy host', async () => {
    const run = controlledWork();
    const done = crawlConcurrently(sources, { limit: 3, keysOf: (source) => source.hosts }, run.work);
    await run.settle();
    expect(run.started).toEqual(['polisia-ru', 'report', 'kun']);
    run.releases.get('report')!();
    await run.settle();
    // polisia.kz is still busy: the next free host goes first.
    expect(run.started).toEqual(['polisia-ru', 'report', 'kun', 'tengri']);
    run.releases.get('polisia-ru')!();
    await run.settle();
    expect(run.started.at(-1)).toBe('polisia-kz');
    for (const id of ['kun', 'tengri', 'polisia-kz']) run.releases.get(id)!();
    await done;
    expect(run.mostActive()).toBe(3);
  });

  it('waits for every item and then rejects with the first failure', async () => {
    const ended: string[] = [];
    const outcome = crawlConcurrently(sources, { limit: 2, keysOf: () => [] }, async (source) => {
      if (source.id === 'report') throw new Error('report failed');
      ended.push(source.id);
    });
    await expect(outcome).rejects.toThrow('report failed');
    expect(ended).toEqual(['polisia-ru', 'polisia-kz', 'kun', 'tengri']);
  });

  it('keys sources by site as Crawlee’s politeness does: registrable domain, or the host of an IP address', () => {
    expect(
      sitesOfUrls([
        'https://www.Polisia.kz/ru/',
        'https://16.xn--b1aew.xn--p1ai/news',
        'https://mvd.gov.kg/ky/news',
        'http://127.0.0.3:8080/feed',
        'nonsense',
      ]),
    ).toEqual(['polisia.kz', 'xn--b1aew.xn--p1ai', 'mvd.gov.kg', '127.0.0.3']);
  });
});
