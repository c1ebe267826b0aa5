import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate, listDrafts } from '../../src/db/articles-repo.js';
import { migrate } from '../../src/db/migrate.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { processPendingInBatches } from '../../src/workers/pending-sweep.js';
import { processArticle } from '../../src/workers/process-article.js';
import { useMigratedDatabase } from '../support/database.js';

const lexicon = loadLexicon('config/keywords.yaml');
const seizure = {
  title: 'В Алматы полицейские изъяли 3 килограмма героина',
  body:
    'Сотрудники управления по противодействию наркопреступности ДП Алматы задержали 34-летнего мужчину. ' +
    'При досмотре у него обнаружили и изъяли три килограмма героина. Возбуждено уголовное дело.',
};
const source = {
  id: 'polisia-kz-ru',
  country: 'KZ',
  languages: ['rus'],
  limits: { maxAgeDays: 45 },
};

const db = useMigratedDatabase();

async function storeCandidate(url: string, text = seizure, runId?: number) {
  return insertCandidate(db, {
    sourceId: source.id,
    runId: runId ?? null,
    url,
    canonicalUrl: canonicalizeUrl(url),
    title: text.title,
    body: text.body,
    publishedAt: new Date().toISOString(),
    extraction: {},
  });
}

describe('migrations', () => {
  it('apply once: a second migrate finds nothing to do', async () => {
    expect(await migrate(db)).toEqual([]);
  });
});

describe('storing candidates', () => {
  it('stores one row per canonical URL whatever the spelling of the URL', async () => {
    const first = await storeCandidate('https://xn--b1aew.xn--p1ai/news/item/1?utm_source=tg#top');
    const again = await storeCandidate('https://мвд.рф/news/item/1');
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ id: first.id, inserted: false });
  });
});

describe('processing articles', () => {
  it('turns a relevant candidate into a new draft with its language, country and matched terms', async () => {
    const [run] = await createRuns(db, [{ id: source.id, config: source }], 'batch-a', 'test');
    const { id } = await storeCandidate('https://polisia.kz/ru/heroin-1/', seizure, run!.id);
    expect(await processArticle({ db, lexicon }, id)).toBe('processed');
    const [draft] = (await listDrafts(db, { status: 'new' })).filter((row) => row.id === id);
    expect(draft).toMatchObject({ status: 'new', lang: 'rus', country: 'KZ', filter_reason: null });
    expect(draft!.matched.length).toBeGreaterThan(0);
  });

  it('is idempotent: a second delivery of the same job changes nothing', async () => {
    const { id } = await storeCandidate('https://polisia.kz/ru/heroin-2/', {
      title: `${seizure.title} (2)`,
      body: `${seizure.body} Второй случай.`,
    });
    const outcomes = await Promise.all([
      processArticle({ db, lexicon }, id),
      processArticle({ db, lexicon }, id),
    ]);
    expect(outcomes.sort()).toEqual(['already_processed', 'processed']);
  });

  it('files the second copy of one text as a duplicate of the first, even when both are processed at once', async () => {
    const text = {
      title: 'Изъято 5 кг гашиша на границе',
      body: `${seizure.body} Гашиш спрятали в грузовике.`,
    };
    const a = await storeCandidate('https://report.az/ru/a/', text);
    const b = await storeCandidate('https://media.az/society/b', text);
    await Promise.all([processArticle({ db, lexicon }, a.id), processArticle({ db, lexicon }, b.id)]);
    const rows = await db.query<{
      id: number;
      status: string;
      filter_reason: string | null;
      duplicate_of: number | null;
    }>(
      'SELECT id, status, filter_reason, duplicate_of FROM articles WHERE id = ANY($1::bigint[]) ORDER BY id',
      [[a.id, b.id]],
    );
    const duplicates = rows.rows.filter((row) => row.filter_reason === 'duplicate');
    expect(duplicates).toHaveLength(1);
    const original = rows.rows.find((row) => row.filter_reason !== 'duplicate')!;
    expect(duplicates[0]!.duplicate_of).toBe(original.id);
  });

  it('keeps irrelevant and empty candidates with their reason instead of dropping them', async () => {
    const weather = await storeCandidate('https://dialog.tj/weather/', {
      title: 'В Душанбе ожидается похолодание',
      body: 'Синоптики Таджикистана прогнозируют понижение температуры воздуха до плюс пяти градусов и дожди.',
    });
    const empty = await storeCandidate('https://dialog.tj/empty/', { title: 'Новости', body: '' });
    const sweep = await processPendingInBatches({ db, lexicon });
    expect(sweep.failed).toEqual([]);
    const filtered = await listDrafts(db, { status: 'filtered' });
    const reasonOf = (id: number) => filtered.find((row) => row.id === id)?.filter_reason;
    expect(reasonOf(weather.id)).toBe('not_relevant');
    expect(reasonOf(empty.id)).toBe('extraction_failed');
  });

  it('judges age against the run reference time, so replayed pages are not all too old', async () => {
    const [run] = await createRuns(
      db,
      [{ id: source.id, config: source }],
      'batch-replay',
      'demo',
      new Date('2025-09-30T12:00:00Z'),
    );
    const recent = await insertCandidate(db, {
      sourceId: source.id,
      runId: run!.id,
      url: 'https://polisia.kz/ru/replayed/',
      canonicalUrl: canonicalizeUrl('https://polisia.kz/ru/replayed/'),
      title: 'Полиция изъяла партию мефедрона',
      body: `${seizure.body} Изъят мефедрон.`,
      publishedAt: '2025-09-20T10:00:00Z',
      extraction: {},
    });
    const old = await insertCandidate(db, {
      sourceId: source.id,
      runId: run!.id,
      url: 'https://polisia.kz/ru/replayed-old/',
      canonicalUrl: canonicalizeUrl('https://polisia.kz/ru/replayed-old/'),
      title: 'Полиция изъяла партию гашиша',
      body: `${seizure.body} Изъят гашиш, давно.`,
      publishedAt: '2025-06-01T10:00:00Z',
      extraction: {},
    });
    await processPendingInBatches({ db, lexicon }, { runIds: [run!.id] });
    const rows = await db.query<{ id: number; status: string; filter_reason: string | null }>(
      'SELECT id, status, filter_reason FROM articles WHERE run_id = $1 ORDER BY id',
      [run!.id],
    );
    expect(rows.rows).toEqual([
      { id: recent.id, status: 'new', filter_reason: null },
      { id: old.id, status: 'filtered', filter_reason: 'too_old' },
    ]);
  });
});
