import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDrugGlossary } from '../../src/config/drug-glossary.js';
import { listDrafts } from '../../src/db/articles-repo.js';
import { type Database, openPglite, openPostgres } from '../../src/db/database.js';
import { listMigrationFiles, migrate } from '../../src/db/migrate.js';
import { listQueue } from '../../src/db/queue-repo.js';
import { searchCondition, searchVector } from '../../src/db/search-sql.js';
import { buildSearchQuery, searchDocument, searchExpansions } from '../../src/domain/search-query.js';
import {
  DOUBLE_LETTER_FOLDS,
  foldText,
  SINGLE_LETTER_FOLDS,
  searchFoldSql,
} from '../../src/domain/text/fold.js';
import { useMigratedDatabase } from '../support/database.js';
import { createTestDatabase } from '../support/services.js';

const expansions = searchExpansions(loadDrugGlossary());

/** Reports in the languages and scripts of the region, written for these tests. */
const reports = {
  addictionRu: {
    title: 'Борьба с наркоманией в школах',
    body: 'Полицейские рассказали школьникам о борьбе с наркоманией и её последствиях.',
  },
  heroinRu: { title: 'В Оше изъяли героин', body: 'У задержанного изъято 2 кг героина.' },
  heroinTj: { title: 'Дар Душанбе ҳероин мусодира шуд', body: 'Аз мошини ӯ 5 кг ҳероин ёфт шуд.' },
  heroinUz: {
    title: 'Toshkentda geroin musodara qilindi',
    body: 'Ichki ishlar xodimlari fuqaroni qoʻlga olishdi, undan 2 kilogramm geroin olindi.',
  },
  heroinEn: { title: 'Police seize heroin in Baku', body: 'Officers seized 7 kilograms of heroin.' },
  cityAz: { title: 'Şəhərdə narkotik satıcısı saxlanılıb', body: 'Gəncə şəhərində polis əməliyyat keçirib.' },
  kazakh: { title: 'Есірткіні тәркіледі', body: 'Полицейлер есірткіні тасымалдаушыны ұстады.' },
  surname: { title: 'Футбол', body: 'Капитан команды Макаров забил два гола.' },
} as const;
type Key = keyof typeof reports;

/** Stores the reports as processed articles, with the search vector the pipeline writes. */
async function storeReports(db: Database): Promise<Record<Key, number>> {
  const ids = {} as Record<Key, number>;
  for (const [key, report] of Object.entries(reports) as Array<[Key, { title: string; body: string }]>) {
    const url = `https://search.example.org/${key}`;
    const result = await db.query<{ id: number }>(
      `INSERT INTO articles (source_id, url, canonical_url, title, body, status, published_at, search_vector)
       VALUES ('search', $1, $1, $2, $3, 'new', '2026-11-01', ${searchVector('$4')}) RETURNING id`,
      [url, report.title, report.body, searchDocument(report.title, report.body)],
    );
    ids[key] = result.rows[0]!.id;
  }
  // A candidate still in the pipeline has no vector yet: it is not searched.
  await db.query(
    `INSERT INTO articles (source_id, url, canonical_url, title, body, status)
     VALUES ('search', 'https://search.example.org/pending', 'https://search.example.org/pending', 'героин', 'героин', 'pending')`,
  );
  return ids;
}

const migrationsDir = join(import.meta.dirname, '../../src/db/migrations');

/** Migrates to 011, stores one processed and one pending article, then applies 012 and what follows. */
async function backfilledVector(
  db: Database,
  workDir: string,
): Promise<{ processed: string | null; pending: string | null }> {
  const older = join(workDir, 'older-migrations');
  mkdirSync(older);
  for (const file of listMigrationFiles(migrationsDir).filter((file) => file < '012')) {
    copyFileSync(join(migrationsDir, file), join(older, file));
  }
  await migrate(db, older);
  await db.query(
    `INSERT INTO articles (source_id, url, canonical_url, title, body, status) VALUES
       ('old', 'https://old.example/1', 'https://old.example/1', 'Oʻzbekistonda geroin', 'Fuqaro qo‘lga olindi.', 'new'),
       ('old', 'https://old.example/2', 'https://old.example/2', 'Героин', 'Изъят героин.', 'pending')`,
  );
  await migrate(db, migrationsDir);
  const vectors = await db.query<{ url: string; v: string | null; expected: string }>(
    `SELECT url, search_vector::text AS v, ${searchVector('$1')}::text AS expected FROM articles ORDER BY url`,
    [searchDocument('Oʻzbekistonda geroin', 'Fuqaro qo‘lga olindi.')],
  );
  const [processed, pending] = vectors.rows;
  expect(processed!.v).toBe(processed!.expected);
  return { processed: processed!.v, pending: pending!.v };
}

function searchCases(database: () => Database, ids: () => Record<Key, number>) {
  const found = async (text: string) => {
    const search = buildSearchQuery(text, expansions);
    const { items } = await listQueue(database(), { search, pageSize: 100 });
    const byId = new Map(Object.entries(ids()).map(([key, id]) => [id, key]));
    return items.map((item) => byId.get(item.id)).sort();
  };

  it('finds Russian word forms: наркомания finds наркоманией', async () => {
    expect(await found('наркомания')).toEqual(['addictionRu']);
    expect(await found('наркоманией')).toEqual(['addictionRu']);
  });

  it('widens a drug name to its names in every language and script', async () => {
    const heroin = ['heroinEn', 'heroinRu', 'heroinTj', 'heroinUz'];
    expect(await found('heroin')).toEqual(heroin);
    expect(await found('героина')).toEqual(heroin);
    expect(await found('ҳероин')).toEqual(heroin);
  });

  it('folds Turkic spellings and matches their suffixes by prefix', async () => {
    for (const spelling of ["qo'lga", 'qoʻlga', 'qo‘lga', 'qolga'])
      expect(await found(spelling)).toEqual(['heroinUz']);
    expect(await found('şəhər')).toEqual(['cityAz']);
    expect(await found('sheher')).toEqual(['cityAz']);
    expect(await found('есірткі')).toEqual(['kazakh']);
    expect(await found('есирткі')).toEqual(['kazakh']);
  });

  it('keeps short words whole, and reads OR and exclusions', async () => {
    expect(await found('мак')).toEqual([]);
    expect(await found('героин -Baku')).toEqual(['heroinRu', 'heroinTj', 'heroinUz']);
    expect(await found('наркомания OR Макаров')).toEqual(['addictionRu', 'surname']);
  });

  it('lists drafts by word too (harvest drafts list --text)', async () => {
    const search = buildSearchQuery('geroin', expansions);
    const drafts = await listDrafts(database(), { search });
    expect(drafts.map((draft) => draft.id).sort((a, b) => a - b)).toEqual(
      [ids().heroinRu, ids().heroinTj, ids().heroinUz, ids().heroinEn].sort((a, b) => a - b),
    );
  });

  it('folds in SQL (the backfill of migration 012) exactly as the application folds', async () => {
    const letters = [...Object.keys(SINGLE_LETTER_FOLDS), ...Object.keys(DOUBLE_LETTER_FOLDS)]
      .filter((char) => !/\p{M}/u.test(char))
      .map((char) => `x${char}x`)
      .join(' ');
    const text = `${letters} ${letters.toUpperCase()} İstanbul`;
    const result = await database().query<{ sql: string; app: string }>(
      `SELECT ${searchFoldSql('$1::text')} AS sql, $2::text AS app`,
      [text, foldText(text)],
    );
    expect(result.rows[0]!.sql).toBe(result.rows[0]!.app);
  });

  it('answers from the one full-text index', async () => {
    const plan = await database().transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const explained = await tx.query<Record<string, string>>(
        `EXPLAIN SELECT id FROM articles WHERE ${searchCondition('$1')}`,
        [buildSearchQuery('heroin', expansions)],
      );
      return explained.rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('articles_fulltext');
    const indexes = await database().query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'articles' AND indexdef ILIKE '%using gin%'`,
    );
    const fullText = indexes.rows.filter((row) => /tsvector|search_vector/.test(row.indexdef));
    expect(fullText.map((row) => row.indexdef)).toEqual([expect.stringContaining('(search_vector)')]);
  });
}

describe('search by word on PostgreSQL', () => {
  const db = useMigratedDatabase();
  let ids = {} as Record<Key, number>;
  beforeAll(async () => {
    ids = await storeReports(db);
  });
  searchCases(
    () => db,
    () => ids,
  );
});

describe('search by word on PGlite', () => {
  let embedded: Database;
  let dir: string;
  let ids = {} as Record<Key, number>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-by-word-'));
    embedded = await openPglite(join(dir, 'data'));
    await migrate(embedded);
    ids = await storeReports(embedded);
  });

  afterAll(async () => {
    await embedded?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  searchCases(
    () => embedded,
    () => ids,
  );
});

describe('migration 012 gives the articles processed before it their search vector', () => {
  it('on PostgreSQL', async () => {
    const testDb = await createTestDatabase();
    const db = openPostgres(testDb.url);
    const dir = mkdtempSync(join(tmpdir(), 'search-backfill-'));
    try {
      const { processed, pending } = await backfilledVector(db, dir);
      expect(processed).toContain("'qolga'");
      expect(pending).toBeNull();
    } finally {
      await db.close();
      await testDb.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-backfill-'));
    const db = await openPglite(join(dir, 'data'));
    try {
      const { processed, pending } = await backfilledVector(db, dir);
      expect(processed).toContain("'geroin'");
      expect(pending).toBeNull();
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
