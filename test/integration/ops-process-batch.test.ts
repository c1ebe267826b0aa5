import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { CLAIMED_BY_THREAD, startAnalysisThread } from '../../src/workers/analysis-thread.js';
import { processPendingInBatches } from '../../src/workers/pending-sweep.js';
import { processArticle, processArticles } from '../../src/workers/process-article.js';
import { useMigratedDatabase } from '../support/database.js';

const lexicon = loadLexicon('config/keywords.yaml');
const db = useMigratedDatabase();

const texts = [
  {
    title: 'В Оше изъято 5 кг гашиша',
    body: 'Сотрудники милиции изъяли пять килограммов гашиша у жителя Оша.',
  },
  { title: 'Ремонт дорог в Оше', body: 'Мэрия Оша утвердила план ремонта дорог на следующий год.' },
  { title: '', body: '' },
];

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

/** Forgets the hashes of earlier tests' articles: the texts stored next meet no stored original. */
async function freeHashes() {
  await db.query('UPDATE articles SET content_hash = NULL, duplicate_of = NULL');
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

  it('decides the same with the analysis thread, and analyses again an article edited after its analysis', async () => {
    const pattern = [0, 1, 0, 2, 1, 0];
    await freeHashes();
    const inPlace = await store('in-place', pattern);
    await processPendingInBatches({ db, lexicon }, { batchSize: 4 });
    const expected = await fates(inPlace);
    expect(expected.map((row) => row.duplicate_of)).toEqual([null, null, 0, null, 1, 0]);

    await freeHashes();
    const threaded = await store('threaded', pattern);
    const thread = await startAnalysisThread('config/keywords.yaml');
    const analyse = thread.analyse.bind(thread);
    // The first article is edited between its analysis on the thread and the locking of its batch: the
    // verdict made for the old version must not be used.
    thread.analyse = async (requests) => {
      const verdicts = await analyse(requests);
      await db.query(
        `UPDATE articles SET title = 'Погода в Оше', version = version + 1,
           body = 'Синоптики обещают, что завтра в Оше будет солнечно и тепло, без осадков, а ветер будет слабым.'
         WHERE id = $1 AND status = 'pending'`,
        [threaded[0]],
      );
      return verdicts;
    };
    try {
      const sweep = await processPendingInBatches({ db, lexicon }, { batchSize: 4, analysisThread: thread });
      expect(sweep).toEqual({ processed: pattern.length, failed: [] });
    } finally {
      await thread.close();
    }
    const rows = await fates(threaded);
    expect(rows[0]).toMatchObject({ status: 'filtered', filter_reason: 'not_relevant' });
    // With the first copy of text 0 rewritten, its second copy is the original and the third copies it.
    expect(rows.slice(1)).toEqual([
      expected[1],
      expected[0],
      expected[3],
      expected[4],
      { ...expected[5], duplicate_of: 2 },
    ]);
  });

  it("stores the analysis thread's verdicts", async () => {
    await freeHashes();
    const ids = await store('thread-verdicts', [1]);
    const thread = await startAnalysisThread('config/keywords.yaml');
    const analyse = thread.analyse.bind(thread);
    // A verdict no stage would give (road works as a new draft) shows that the thread's verdict is the one stored.
    // This thread claims every chunk at once, before the sweep can take one itself.
    thread.analyse = async (requests, shared) => {
      shared?.claims.fill(CLAIMED_BY_THREAD);
      return (await analyse(requests)).map((verdict) => ({
        ...verdict!,
        fate: { status: 'new', reason: null },
      }));
    };
    try {
      await processPendingInBatches({ db, lexicon }, { analysisThread: thread });
    } finally {
      await thread.close();
    }
    expect((await fates(ids)).map((row) => row.status)).toEqual(['new']);
  });

  it('analyses in place when the analysis thread has died', async () => {
    texts.push({
      title: 'В Бишкеке задержан курьер с героином',
      body: 'Сотрудники милиции Бишкека задержали курьера, у которого изъяли 300 граммов героина.',
    });
    const ids = await store('dead-thread', [texts.length - 1, 1]);
    const thread = await startAnalysisThread('config/keywords.yaml');
    await thread.close();
    const sweep = await processPendingInBatches({ db, lexicon }, { analysisThread: thread });
    expect(sweep.failed).toEqual([]);
    expect((await fates(ids)).map((row) => row.status)).toEqual(['new', 'filtered']);
  });
});
