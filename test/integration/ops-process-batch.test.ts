import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { type Database, openPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { processArticle } from '../../src/workers/process-article.js';
import { processArticles, processPendingInBatches } from '../../src/workers/process-articles-batch.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

const lexicon = loadLexicon('config/keywords.yaml');
let testDb: TestDatabase;
let db: Database;

const texts = [
  {
    title: 'В Оше изъято 5 кг гашиша',
    body: 'Сотрудники милиции изъяли пять килограммов гашиша у жителя Оша.',
  },
  { title: 'Ремонт дорог в Оше', body: 'Мэрия Оша утвердила план ремонта дорог на следующий год.' },
  { title: '', body: '' },
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = openPostgres(testDb.url);
  await migrate(db);
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

async function store(prefix: string, pick: number[]) {
  const ids: number[] = [];
  for (const [i, textIndex] of pick.entries()) {
    const text = texts[textIndex]!;
    const url = `https://${prefix}.example/${i}`;
    const { id } = await insertCandidate(db, {
      sourceId: prefix,
      runId: null,
      url,
      canonicalUrl: url,
      title: text.title || null,
      body: text.body || null,
      publishedAt: new Date().toISOString(),
      extraction: {},
    });
    ids.push(id);
  }
  return ids;
}

async function fates(ids: number[]) {
  const result = await db.query<{
    id: number;
    status: string;
    filter_reason: string | null;
    duplicate_of: number | null;
    lang: string | null;
  }>(
    'SELECT id, status, filter_reason, duplicate_of, lang FROM articles WHERE id = ANY($1::bigint[]) ORDER BY id',
    [ids],
  );
  // Duplicates as a position in the list, so that two sets of ids compare.
  return result.rows.map((row) => ({
    ...row,
    id: undefined,
    duplicate_of: row.duplicate_of === null ? null : ids.indexOf(row.duplicate_of),
  }));
}

describe('processArticles (batched)', () => {
  it('decides exactly what processArticle decides one at a time, copies within the batch included', async () => {
    // Texts 0 and 1 twice: the second copies are duplicates of the first (text 0's first copy is stored earlier).
    const pattern = [0, 1, 0, 2, 1];
    const single = await store('one-by-one', pattern);
    for (const id of single) await processArticle({ db, lexicon }, id);
    const expected = await fates(single);
    // Frees the hashes, so that the batched copies meet no stored original either.
    await db.query(
      "UPDATE articles SET content_hash = NULL, duplicate_of = NULL WHERE source_id = 'one-by-one'",
    );
    const batch = await store('batched', pattern);
    const outcomes = await processArticles({ db, lexicon }, batch);
    expect([...outcomes.values()]).toEqual(Array(5).fill('processed'));
    expect(await fates(batch)).toEqual(expected);
    expect((await fates(batch)).map((row) => row.duplicate_of)).toEqual([null, null, 0, null, 1]);
  });

  it('is idempotent and reports missing ids', async () => {
    const ids = await store('again', [1]);
    await processArticles({ db, lexicon }, ids);
    const second = await processArticles({ db, lexicon }, [...ids, 99_999_999]);
    expect([...second.entries()]).toEqual([
      [ids[0], 'already_processed'],
      [99_999_999, 'missing'],
    ]);
  });

  it('keeps one original when two batches with the same text run at once', async () => {
    const text = {
      title: 'Изъят героин на границе',
      body: 'Пограничники изъяли героин у двух жителей Хорога в ходе досмотра.',
    };
    texts.push(text);
    const first = await store('race-a', [3, 3]);
    const second = await store('race-b', [3, 3]);
    await Promise.all([processArticles({ db, lexicon }, first), processArticles({ db, lexicon }, second)]);
    const rows = await fates([...first, ...second]);
    expect(rows.filter((row) => row.duplicate_of === null)).toHaveLength(1);
    expect(rows.filter((row) => row.filter_reason === 'duplicate')).toHaveLength(3);
  });

  it('sweeps every pending article in batches', async () => {
    const ids = await store('sweep', [0, 1, 2, 1]);
    const sweep = await processPendingInBatches({ db, lexicon }, { batchSize: 3 });
    expect(sweep.failed).toEqual([]);
    expect(sweep.processed).toBeGreaterThanOrEqual(ids.length);
    expect((await fates(ids)).every((row) => row.status !== 'pending')).toBe(true);
  });
});
