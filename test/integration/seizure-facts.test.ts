import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCandidate } from '../../src/db/articles-repo.js';
import type { Database } from '../../src/db/database.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { sumSeizures } from '../../src/db/seizure-sums-repo.js';
import { startAnalysisThread } from '../../src/workers/analysis-thread.js';
import { processPendingInBatches } from '../../src/workers/pending-sweep.js';
import { processArticle } from '../../src/workers/process-article.js';
import { useMigratedDatabase } from '../support/database.js';
import { lexicon, login, type Session, seedUsers, startReviewServer } from './review-support.js';

const db = useMigratedDatabase();

let runId = 0;
let urlNumber = 0;

async function store(database: Database, article: { title: string; body: string; publishedAt: string }) {
  const url = `https://facts.example.kz/news/${++urlNumber}`;
  const { id } = await insertCandidate(database, {
    sourceId: 'facts-kz',
    runId,
    url,
    canonicalUrl: url,
    title: article.title,
    body: article.body,
    publishedAt: article.publishedAt,
    extraction: {},
  });
  return id;
}

const factsOf = async (id: number) =>
  (await db.query<{ facts: unknown }>('SELECT facts FROM articles WHERE id = $1', [id])).rows[0]?.facts;

beforeAll(async () => {
  await seedUsers(db);
  const [run] = await createRuns(
    db,
    [{ id: 'facts-kz', config: { country: 'KZ', languages: ['rus', 'kaz'], limits: { maxAgeDays: 3650 } } }],
    'facts',
    'manual',
  );
  runId = run!.id;
});

describe('the pipeline stores seizure facts with the analysis', () => {
  it('writes the facts of a relevant article and none for the others', async () => {
    const seizure = await store(db, {
      title: 'В Шымкенте изъяли 3,5 кг героина',
      body:
        'Полицейские задержали двух жителей Шымкента. При досмотре автомобиля изъято 3,5 кг героина и 240 граммов ' +
        'гашиша. Возбуждено уголовное дело по статье 297 УК РК.',
      publishedAt: '2026-10-03T08:00:00Z',
    });
    const football = await store(db, {
      title: 'Полицейские сыграли в футбол',
      body: 'В Астане прошёл турнир по футболу среди полицейских, победителям вручили кубок.',
      publishedAt: '2026-10-03T09:00:00Z',
    });
    await processArticle({ db, lexicon }, seizure);
    await processArticle({ db, lexicon }, football);
    expect(await factsOf(seizure)).toEqual({
      seizures: [
        { substance: 'heroin', grams: 3500 },
        { substance: 'hashish', grams: 240 },
      ],
      detained: 2,
      place: 'Шымкенте',
      article: '297',
    });
    expect(await factsOf(football)).toBeNull();
  });

  it('keeps the facts worked out on the analysis thread of the embedded sweep', async () => {
    const id = await store(db, {
      title: 'Қарағандыда 2 мың капсула прегабалин тәркіленді',
      body: 'Полицейлер 25 жастағы тұрғынды ұстады. Оның пәтерінен 2 000 дана прегабалин капсуласы мен 150 грамм мефедрон табылды.',
      publishedAt: '2026-10-04T08:00:00Z',
    });
    const thread = await startAnalysisThread('config/keywords.yaml');
    try {
      const sweep = await processPendingInBatches(
        { db, lexicon },
        { analysisThread: thread, runIds: [runId] },
      );
      expect(sweep.failed).toEqual([]);
    } finally {
      await thread.close();
    }
    expect(await factsOf(id)).toMatchObject({
      seizures: [
        { substance: 'pregabalin', count: 2000, unit: 'capsules' },
        { substance: 'mephedrone', grams: 150 },
      ],
      detained: 1,
    });
  });
});

describe('seizures on the coverage page', () => {
  let app: FastifyInstance;
  let ana: Session;
  const ids: Record<string, number> = {};

  /** An item with the given facts and status, straight into the store (the pipeline is tested above). */
  async function item(
    key: string,
    fields: { country: string; status: string; publishedAt: string; facts: unknown },
  ) {
    const url = `https://coverage.example.org/${key}`;
    const result = await db.query<{ id: number }>(
      `INSERT INTO articles (source_id, url, canonical_url, title, body, published_at, country, status, facts)
       VALUES ('coverage', $1, $1, $2, 'text', $3, $4, $5, $6) RETURNING id`,
      [url, `item ${key}`, fields.publishedAt, fields.country, fields.status, JSON.stringify(fields.facts)],
    );
    ids[key] = result.rows[0]!.id;
  }

  beforeAll(async () => {
    const heroin = { seizures: [{ substance: 'heroin', grams: 3500 }] };
    await item('kz-ru', {
      country: 'KZ',
      status: 'approved',
      publishedAt: '2026-11-03T08:00:00Z',
      facts: heroin,
    });
    // The Kazakh release of the same event: one story, counted once.
    await item('kz-kk', { country: 'KZ', status: 'new', publishedAt: '2026-11-03T09:00:00Z', facts: heroin });
    await item('kz-pills', {
      country: 'KZ',
      status: 'new',
      publishedAt: '2026-11-20T09:00:00Z',
      facts: {
        seizures: [
          { substance: 'tramadol', count: 1200, unit: 'tablets' },
          { substance: 'heroin', grams: 500 },
        ],
        statistics: [{ substance: 'heroin', grams: 900_000 }],
      },
    });
    await item('tj', {
      country: 'TJ',
      status: 'approved',
      publishedAt: '2026-11-10T08:00:00Z',
      facts: {
        seizures: [
          { substance: 'heroin', grams: 1_200_000 },
          { substance: 'hashish', grams: 650 },
        ],
      },
    });
    await item('tj-rejected', {
      country: 'TJ',
      status: 'rejected',
      publishedAt: '2026-11-11T08:00:00Z',
      facts: { seizures: [{ substance: 'heroin', grams: 99_000 }] },
    });
    await item('az-october', {
      country: 'AZ',
      status: 'approved',
      publishedAt: '2026-10-31T08:00:00Z',
      facts: { seizures: [{ substance: 'cocaine', grams: 10 }] },
    });
    const story = await db.query<{ id: number }>(
      'INSERT INTO stories (primary_article_id) VALUES ($1) RETURNING id',
      [ids['kz-ru']],
    );
    await db.query('UPDATE articles SET story_id = $1 WHERE id = ANY($2::bigint[])', [
      story.rows[0]!.id,
      [ids['kz-ru'], ids['kz-kk']],
    ]);
    app = await startReviewServer(db);
    ana = await login(app, 'ana');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sums the new and approved items of the month per country and substance, each story once', async () => {
    const sums = await sumSeizures(db, { from: '2026-11-01', to: '2026-12-01' });
    expect(sums).toEqual([
      { country: 'TJ', substance: 'hashish', unit: null, grams: 650, count: null, items: 1 },
      { country: 'KZ', substance: 'heroin', unit: null, grams: 4000, count: null, items: 2 },
      { country: 'TJ', substance: 'heroin', unit: null, grams: 1_200_000, count: null, items: 1 },
      { country: 'KZ', substance: 'tramadol', unit: 'tablets', grams: null, count: 1200, items: 1 },
    ]);
  });

  it('shows the table and the chart, and offers the CSV', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/coverage?month=2026-11',
      headers: { cookie: ana.cookie },
    });
    expect(response.statusCode).toBe(200);
    const { document } = parseHTML(response.body);
    const rows = [...document.querySelectorAll('#seizure-table tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    const header = [...document.querySelectorAll('#seizure-table thead th')].map((cell) => cell.textContent);
    expect(header).toEqual(['Substance', 'AZ', 'KZ', 'KG', 'RU', 'TJ', 'TM', 'UZ']);
    expect(rows).toEqual([
      ['hashish', '', '', '', '', '650 g', '', ''],
      ['heroin', '', '4 kg', '', '', '1.2 t', '', ''],
      ['tramadol (tablets)', '', '1200 tablets', '', '', '', '', ''],
    ]);
    const heroinBar = [...document.querySelectorAll('#seizure-chart g[data-substance="heroin"] rect')];
    expect(heroinBar.map((rect) => rect.getAttribute('data-country'))).toEqual(['KZ', 'TJ']);
    expect(document.querySelector('#seizures-csv')?.getAttribute('href')).toBe(
      '/coverage/seizures.csv?month=2026-11',
    );

    const csv = await app.inject({
      method: 'GET',
      url: '/coverage/seizures.csv?month=2026-11',
      headers: { cookie: ana.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="seizures-2026-11.csv"');
    expect(csv.body.split('\r\n')).toEqual([
      'month,country,substance,unit,grams,count,items',
      '"2026-11","TJ","hashish","","650","","1"',
      '"2026-11","KZ","heroin","","4000","","2"',
      '"2026-11","TJ","heroin","","1200000","","1"',
      '"2026-11","KZ","tramadol","tablets","","1200","1"',
      '',
    ]);
  });

  it('needs a session for the CSV and refuses a bad month', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/coverage/seizures.csv?month=2026-11' })).statusCode,
    ).toBe(303);
    const bad = await app.inject({
      method: 'GET',
      url: '/coverage/seizures.csv?month=2026-13',
      headers: { cookie: ana.cookie },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("shows an item's facts, escaped", async () => {
    await db.query('UPDATE articles SET facts = $2 WHERE id = $1', [
      ids.tj,
      JSON.stringify({
        seizures: [{ substance: 'heroin', grams: 1_200_000 }],
        place: '<script>alert(1)</script>',
      }),
    ]);
    const page = await app.inject({
      method: 'GET',
      url: `/items/${ids.tj}`,
      headers: { cookie: ana.cookie },
    });
    const { document } = parseHTML(page.body);
    const block = document.querySelector('#seizure-facts');
    expect(block?.querySelector('li')?.textContent).toBe('heroin: 1.2 t');
    expect(block?.querySelector('script')).toBeNull();
    expect(block?.textContent).toContain('<script>alert(1)</script>');
  });
});
