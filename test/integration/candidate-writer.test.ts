import { describe, expect, it } from 'vitest';
import { CandidateWriter } from '../../src/crawlers/candidate-writer.js';
import { type CandidateArticle, insertCandidate, insertCandidates } from '../../src/db/articles-repo.js';
import type { Queryable } from '../../src/db/database.js';
import { useMigratedDatabase } from '../support/database.js';

const db = useMigratedDatabase();

const candidate = (url: string, body = 'Полиция изъяла героин.'): CandidateArticle => ({
  sourceId: 'writer-test',
  runId: null,
  url,
  canonicalUrl: url,
  title: 'Изъят героин',
  body,
  publishedAt: '2025-09-18T08:00:00.000Z',
  extraction: { missing: [] },
  page: { html: `<html><body><p>${body}</p></body></html>`, httpStatus: 200, contentType: 'text/html' },
});

/** The database, counting the INSERT statements that reach it. */
function counting(): Queryable & { inserts: number } {
  const counter = {
    inserts: 0,
    query: ((sql: string, params?: unknown[]) => {
      if (sql.includes('INSERT')) counter.inserts += 1;
      return db.query(sql, params);
    }) as Queryable['query'],
    exec: (sql: string) => db.exec(sql),
  };
  return counter;
}

async function storedPages(urls: string[]): Promise<string[]> {
  const result = await db.query<{ url: string }>(
    `SELECT a.url FROM articles a JOIN article_pages p ON p.article_id = a.id
     WHERE a.url = ANY($1::text[]) ORDER BY a.id`,
    [urls],
  );
  return result.rows.map((row) => row.url);
}

describe('insertCandidates', () => {
  it('stores each candidate with its page and answers a second delivery with the first one’s id', async () => {
    const known = await insertCandidate(db, candidate('https://w.example/known'));
    const results = await insertCandidates(db, [
      candidate('https://w.example/a'),
      candidate('https://w.example/known'),
      candidate('https://w.example/a'),
    ]);
    expect(results).toEqual([
      { id: expect.any(Number), inserted: true },
      { id: known.id, inserted: false },
      { id: results[0]!.id, inserted: false },
    ]);
    expect(await storedPages(['https://w.example/known', 'https://w.example/a'])).toEqual([
      'https://w.example/known',
      'https://w.example/a',
    ]);
  });
});

describe('CandidateWriter', () => {
  it('stores candidates a batch per statement and reports the new ones once, a batch at a time, in order', async () => {
    const queryable = counting();
    const batches: number[][] = [];
    const writer = new CandidateWriter(
      { db: queryable, onStored: async (ids) => void batches.push(ids), onFailed: () => {} },
      { maxRows: 3, maxWaitMs: 60_000 },
    );
    const urls = Array.from({ length: 7 }, (_, i) => `https://w.example/batch/${i}`);
    for (const url of urls) await writer.add(candidate(url));
    await writer.add(candidate(urls[0]!));
    await writer.flush();
    expect(queryable.inserts).toBe(3);
    // The last statement held the seventh candidate and a second copy of the first: only the seventh is new.
    expect(batches.map((ids) => ids.length)).toEqual([3, 3, 1]);
    const stored = batches.flat();
    expect([...stored].sort((a, b) => a - b)).toEqual(stored);
    expect(await storedPages(urls)).toEqual(urls);
  });

  it('stores a lone candidate once it has waited maxWaitMs', async () => {
    const stored: number[] = [];
    const writer = new CandidateWriter(
      { db, onStored: async (ids) => void stored.push(...ids), onFailed: () => {} },
      { maxWaitMs: 50 },
    );
    await writer.add(candidate('https://w.example/lone'));
    await expect.poll(() => stored.length, { timeout: 2_000 }).toBe(1);
  });

  it('stores the rest of a batch when Postgres refuses one candidate, and reports that one', async () => {
    const stored: number[] = [];
    const failed: string[] = [];
    const writer = new CandidateWriter({
      db,
      onStored: async (ids) => void stored.push(...ids),
      onFailed: (refused) => failed.push(refused.url),
    });
    const urls = ['https://w.example/ok/1', 'https://w.example/nul', 'https://w.example/ok/2'];
    await writer.add(candidate(urls[0]!));
    // Postgres text cannot hold NUL.
    await writer.add(candidate(urls[1]!, 'before\u0000after'));
    await writer.add(candidate(urls[2]!));
    await writer.flush();
    expect(failed).toEqual(['https://w.example/nul']);
    expect(stored).toHaveLength(2);
    expect(await storedPages(urls)).toEqual(['https://w.example/ok/1', 'https://w.example/ok/2']);
  });
});
