/**
 * What the full-text index costs per article, before and after search by word (migration 012).
 *
 * An article pays for its full-text entry when the pipeline records its fate (pending candidates are not
 * indexed). So the script stores N synthetic articles as pending, then times the multi-row UPDATE that makes them
 * `new` (batches of 200, as `saveAnalyses` does), once per variant:
 * - `none`: no full-text index (the floor);
 * - `simple`: the expression index of migrations 002/007, `to_tsvector('simple', title || body)`;
 * - `sql-fold`: an expression index folding the text in SQL (`translate`, `replace`) before `harvest_search`
 *   — the design migration 012 did not take;
 * - `search`: migration 012: the UPDATE also writes `search_vector = to_tsvector('harvest_search', $folded)`, the
 *   text folded by the application (`searchDocument`, timed too), with a GIN index on the column.
 * The difference to `none` is the full-text cost. Runs on PostgreSQL (`DATABASE_URL` or the test server, in a
 * database of its own that it drops) and on PGlite (in a temporary folder). Medians of `--rounds` rounds.
 *
 *   node --import tsx scripts/measure-search-index.ts [--articles 3000] [--rounds 3] [--russian] [--postgres URL]
 *
 * (`--russian`: only the Russian ones of the generated articles, as most of the harvest is.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/db/database.js';
import { searchDocument } from '../src/domain/search-query.js';
import { searchFoldSql } from '../src/domain/text/fold.js';
import { syntheticArticles } from './bench/synthetic-articles.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migration = readFileSync(join(root, 'src/db/migrations/012_search_by_word.sql'), 'utf8');
/** Migration 012's text search configuration. */
const searchSetup = migration.slice(0, migration.indexOf('ALTER TABLE articles'));

const TEXT = `coalesce(title, '') || ' ' || coalesce(body, '')`;
const VARIANTS = ['none', 'simple', 'sql-fold', 'search'] as const;
type Variant = (typeof VARIANTS)[number];
/** Index DDL per variant (schema-qualified: PostgreSQL 17+ builds indexes with search_path = pg_catalog). */
const INDEX: Record<Variant, string | undefined> = {
  none: undefined,
  simple: `CREATE INDEX ON measured USING gin ((to_tsvector('simple', ${TEXT}))) WHERE status <> 'pending'`,
  'sql-fold': `CREATE INDEX ON measured USING gin ((to_tsvector('public.harvest_search'::regconfig, ${searchFoldSql(TEXT)}))) WHERE status <> 'pending'`,
  search: 'CREATE INDEX ON measured USING gin (search_vector) WHERE search_vector IS NOT NULL',
};

const BATCH = 200;

interface Article {
  title: string;
  body: string;
}

async function timeVariant(db: Database, variant: Variant, articles: readonly Article[]): Promise<number> {
  await db.exec(`DROP TABLE IF EXISTS measured;
    CREATE TABLE measured (id bigserial PRIMARY KEY, title text, body text, status text NOT NULL, search_vector tsvector)`);
  const index = INDEX[variant];
  if (index) await db.exec(index);
  for (let start = 0; start < articles.length; start += BATCH) {
    const batch = articles.slice(start, start + BATCH);
    await db.query(
      `INSERT INTO measured (title, body, status) SELECT t, b, 'pending' FROM unnest($1::text[], $2::text[]) AS x(t, b)`,
      [batch.map((a) => a.title), batch.map((a) => a.body)],
    );
  }
  const started = performance.now();
  for (let start = 0; start < articles.length; start += BATCH) {
    const ids = articles.slice(start, start + BATCH).map((_, offset) => start + offset + 1);
    if (variant === 'search') {
      const folded = articles.slice(start, start + BATCH).map((a) => searchDocument(a.title, a.body));
      await db.query(
        `UPDATE measured m SET status = 'new', search_vector = to_tsvector('harvest_search', x.folded)
         FROM unnest($1::bigint[], $2::text[]) AS x(id, folded) WHERE m.id = x.id`,
        [ids, folded],
      );
    } else {
      await db.query(
        `UPDATE measured m SET status = 'new' FROM unnest($1::bigint[]) AS x(id) WHERE m.id = x.id`,
        [ids],
      );
    }
  }
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(name: string, db: Database, articles: readonly Article[], rounds: number) {
  await db.exec(searchSetup);
  const times = Object.fromEntries(VARIANTS.map((variant) => [variant, [] as number[]])) as Record<
    Variant,
    number[]
  >;
  for (let round = 0; round < rounds; round++) {
    for (const variant of VARIANTS) times[variant].push(await timeVariant(db, variant, articles));
  }
  const perThousand = (variant: Variant) => (median(times[variant]) / articles.length) * 1000;
  const cost = (variant: Variant) => perThousand(variant) - perThousand('none');
  console.log(
    `\n${name}: ${articles.length} articles, median of ${rounds} rounds, ms per 1,000 articles made 'new'`,
  );
  for (const variant of VARIANTS) {
    const extra =
      variant === 'none'
        ? ''
        : `   full text: ${cost(variant).toFixed(0)} ms (${(cost(variant) / 1000).toFixed(2)} ms per article, ×${(cost(variant) / cost('simple')).toFixed(2)} of simple)`;
    console.log(`  ${variant.padEnd(8)} ${perThousand(variant).toFixed(0).padStart(6)} ms${extra}`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      rounds: { type: 'string' },
      postgres: { type: 'string' },
      russian: { type: 'boolean' },
    },
  });
  const count = Number(values.articles ?? 3000);
  const rounds = Number(values.rounds ?? 3);
  const articles = [...syntheticArticles(count, { seed: 14 })]
    .filter((article) => !values.russian || article.lang === 'rus')
    .map(({ title, body }) => ({ title, body }));
  const chars = articles.reduce((sum, article) => sum + article.title.length + article.body.length, 0);
  console.log(
    `synthetic articles: ${articles.length}${values.russian ? ' (Russian only)' : ''}, ${Math.round(chars / articles.length)} characters on average`,
  );

  const url = values.postgres ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `measure_search_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    const postgres = openPostgres(target.href);
    try {
      await measure('PostgreSQL', postgres, articles, rounds);
    } finally {
      await postgres.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  const dir = mkdtempSync(join(tmpdir(), 'measure-search-'));
  const embedded = await openPglite(dir);
  try {
    await measure('PGlite (file)', embedded, articles, rounds);
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
