/**
 * The growth benchmark (issue 17): does the Postgres time to process an article stay flat as the store grows?
 * For each store size, a database of its own is filled with that many processed articles as the pipeline writes
 * them (status, language, country, seizure facts, full text, SimHash and its band keys, story facts by day,
 * stories), spread over the days a CARICC deployment would have collected them (`perDay`, ~900 a day: a million
 * is about three years); then the same batch of new articles is processed against it by the production code
 * (`processArticles`, batches of 200 as the embedded sweep and the workers take them) on one connection, and the
 * CPU time of that connection's backend is read from /proc — Postgres' own time per article, not inflated by
 * other load on the machine.
 *
 * Filling: a pool of synthetic articles goes through the real pipeline once; the store is then bulk-loaded from
 * the pool inside Postgres (INSERT … SELECT, indexes built after the load, as one restores a dump), each row with
 * its own URL, content hash, fingerprint (random bits: articles about different events share no more than chance),
 * date, and the keys that depend on them recomputed with the migrations' SQL twins of the domain's functions.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import type { CompiledLexicon } from '../../src/domain/keywords.js';
import type { SourceConfig } from '../../src/sources/source-schema.js';
import { processArticles } from '../../src/workers/process-article.js';
import { type SyntheticArticle, syntheticArticles } from './synthetic-articles.js';

export interface GrowthOptions {
  adminUrl: string;
  /** Unique per bench run: the databases are `harvest_bench_growth_<suffix>_<size>`. */
  suffix: string;
  sizes: readonly number[];
  lexicon: CompiledLexicon;
  source: SourceConfig;
  bodyChars: number;
  /** Processed articles a deployment stores per day. */
  perDay?: number;
  /** Synthetic articles run through the pipeline to fill the store from. */
  poolSize?: number;
  /** New articles timed against each store. */
  batchArticles?: number;
  say: (line: string) => void;
}

export interface GrowthResult {
  storedArticles: number;
  fillSeconds: number;
  /** CPU time of the Postgres backend per new article. */
  postgresMsPerArticle: number;
  wallMsPerArticle: number;
  databaseMegabytes: number;
}

const BATCH = 200;
const FILL_CHUNK = 100_000;
const CLOCK_TICKS_PER_SECOND = 100;

function backendCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Stores the articles as pending candidates of one new run; their ids, in order. */
async function storePending(
  db: Database,
  source: SourceConfig,
  articles: readonly SyntheticArticle[],
): Promise<number[]> {
  const [run] = await createRuns(db, [{ id: source.id, config: source }], 'bench-growth', 'bench');
  const ids: number[] = [];
  for (let start = 0; start < articles.length; start += 1_000) {
    const chunk = articles.slice(start, start + 1_000);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO articles (source_id, run_id, url, canonical_url, title, body, published_at)
       SELECT $1, $2, url, url, title, body, published_at
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[]) WITH ORDINALITY
            AS t (url, title, body, published_at, n)
       ORDER BY n
       RETURNING id`,
      [
        source.id,
        run!.id,
        chunk.map((article) => canonicalizeUrl(article.url)),
        chunk.map((article) => article.title),
        chunk.map((article) => article.body),
        chunk.map((article) => article.publishedAt.toISOString()),
      ],
    );
    ids.push(...rows.map((row) => Number(row.id)));
  }
  return ids;
}

async function processAll(db: Database, lexicon: CompiledLexicon, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH) {
    await processArticles({ db, lexicon }, ids.slice(start, start + BATCH));
  }
}

/** The columns copied from the pool row as they are; the others are made per stored row in `fillFromPool`. */
const MADE_PER_ROW = new Set([
  'id',
  'run_id',
  'url',
  'canonical_url',
  'published_at',
  'created_at',
  'updated_at',
  'processed_at',
  'content_hash',
  'simhash',
  'simhash_bands',
  'story_id',
  'story_fact_days',
  'status',
  'duplicate_of',
  'covered_by',
]);

/**
 * Adds `count` processed articles made from the pool, published `perDay` a day going back from the pool's
 * oldest, in chunks (with progress); the secondary indexes are dropped first and built again after.
 */
async function fillFromPool(
  db: Database,
  count: number,
  perDay: number,
  say: (line: string) => void,
): Promise<void> {
  const columns = (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'articles' ORDER BY ordinal_position`,
    )
  ).rows
    .map((row) => row.column_name)
    .filter((name) => !MADE_PER_ROW.has(name));
  const indexes = (
    await db.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes AS i
       WHERE i.schemaname = current_schema() AND i.tablename = 'articles'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname)`,
    )
  ).rows;
  const pool = await db.query<{ n: number; base: string; oldest: Date }>(
    `SELECT count(*)::int AS n, max(id)::text AS base, min(coalesce(published_at, created_at)) AS oldest
     FROM articles WHERE status <> 'pending'`,
  );
  const { n: poolCount, base, oldest } = pool.rows[0]!;
  await db.exec(
    "CREATE UNLOGGED TABLE growth_pool AS SELECT row_number() OVER (ORDER BY id) - 1 AS slot, * FROM articles WHERE status <> 'pending'",
  );
  for (const index of indexes) await db.exec(`DROP INDEX ${index.indexname}`);
  const copied = columns.map((name) => `p.${name}`).join(', ');
  const offset = Number(base) + 1_000;
  for (let from = 1; from <= count; from += FILL_CHUNK) {
    const to = Math.min(count, from + FILL_CHUNK - 1);
    await db.transaction(async (tx) => {
      // Articles and their stories refer to each other: loaded together, the foreign keys unchecked (superuser).
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `INSERT INTO articles (id, url, canonical_url, published_at, created_at, updated_at, processed_at,
                             content_hash, simhash, simhash_bands, story_id, story_fact_days, status, ${columns.join(', ')})
       SELECT $1::bigint + g, p.url || '#' || g, p.canonical_url || '#' || g, at, at + interval '1 hour',
              at + interval '1 hour', at + interval '1 hour',
              CASE WHEN p.content_hash IS NULL THEN NULL ELSE md5(p.content_hash || g) END,
              CASE WHEN p.simhash IS NULL THEN NULL ELSE fp END,
              CASE WHEN p.simhash_bands IS NULL THEN NULL ELSE harvest_simhash_band_keys(fp, at) END,
              CASE WHEN p.story_id IS NULL THEN NULL
                   WHEN g % 5 = 0 THEN $1::bigint + g - 1 ELSE $1::bigint + g END,
              CASE WHEN p.story_fact_days IS NULL THEN NULL ELSE ARRAY(
                SELECT split_part(key, '@', 1) || '@' || floor(extract(epoch FROM at) / 86400)::bigint::text
                FROM unnest(p.story_fact_days) AS key) END,
              CASE WHEN p.status = 'new' THEN (CASE WHEN g % 10 = 0 THEN 'approved' ELSE 'rejected' END)
                   ELSE p.status END,
              ${copied}
       FROM generate_series($2::bigint, $3::bigint) AS g
       CROSS JOIN LATERAL (SELECT $4::timestamptz - (g::float8 / $5) * interval '1 day' AS at,
                                  ('x' || substr(md5(g::text || 'simhash'), 1, 16))::bit(64)::bigint AS fp) AS made
       JOIN growth_pool AS p ON p.slot = g % $6`,
        [offset, from, to, oldest, perDay, poolCount],
      );
      // Every member's story (a fifth of them share the previous member's), with the member as its primary.
      await tx.query(
        `INSERT INTO stories (id, primary_article_id)
         SELECT DISTINCT story_id, story_id FROM articles
         WHERE id BETWEEN $1::bigint + $2 AND $1::bigint + $3 AND story_id IS NOT NULL
         ON CONFLICT (id) DO NOTHING`,
        [offset, from, to],
      );
    });
    say(`  stored ${to.toLocaleString('en')} of ${count.toLocaleString('en')}`);
  }
  await db.exec("SELECT setval('articles_id_seq', (SELECT max(id) FROM articles))");
  await db.exec("SELECT setval('stories_id_seq', (SELECT max(id) FROM stories))");
  say(`  building ${indexes.length} indexes…`);
  for (const index of indexes) await db.exec(`SET maintenance_work_mem = '1GB'; ${index.indexdef}`);
  await db.exec('DROP TABLE growth_pool');
}

async function measureStore(size: number, options: GrowthOptions): Promise<GrowthResult> {
  const { say, lexicon, source } = options;
  const perDay = options.perDay ?? 900;
  const poolSize = Math.min(size, options.poolSize ?? 2_000);
  const batchArticles = options.batchArticles ?? 1_000;
  const name = `harvest_bench_growth_${options.suffix}_${size}`;
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  // One connection: the backend whose CPU time is read is the one that does all the work.
  const db = openPostgres(url.href, 1);
  try {
    await migrate(db);
    const fillStarted = performance.now();
    say(`store of ${size.toLocaleString('en')} articles: the pool of ${poolSize} through the pipeline…`);
    const now = new Date();
    const pool = [...syntheticArticles(poolSize, { bodyChars: options.bodyChars, seed: 23, now })];
    await processAll(db, lexicon, await storePending(db, source, pool));
    if (size > poolSize) await fillFromPool(db, size - poolSize, perDay, say);
    await db.exec('VACUUM ANALYZE');
    const fillSeconds = (performance.now() - fillStarted) / 1000;

    // The same new articles for every store: news of the last days, some copies of each other.
    const fresh = [
      ...syntheticArticles(BATCH + batchArticles, { bodyChars: options.bodyChars, seed: 97, now }),
    ].map((article) => ({ ...article, url: article.url.replace('news.example/', 'news.example/fresh/') }));
    const ids = await storePending(db, source, fresh);
    await processAll(db, lexicon, ids.slice(0, BATCH)); // warm-up: plans, caches
    const pid = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const cpuBefore = backendCpuSeconds(pid);
    const started = performance.now();
    await processAll(db, lexicon, ids.slice(BATCH));
    const wallMs = performance.now() - started;
    const cpuMs = (backendCpuSeconds(pid) - cpuBefore) * 1000;
    const sizeRow = await db.query<{ bytes: string }>(
      'SELECT pg_database_size(current_database())::text AS bytes',
    );
    return {
      storedArticles: size,
      fillSeconds,
      postgresMsPerArticle: cpuMs / batchArticles,
      wallMsPerArticle: wallMs / batchArticles,
      databaseMegabytes: Number(sizeRow.rows[0]!.bytes) / 2 ** 20,
    };
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Each store size in turn, smallest first; one database at a time. */
export async function measureGrowth(options: GrowthOptions): Promise<GrowthResult[]> {
  const results: GrowthResult[] = [];
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const result = await measureStore(size, options);
    options.say(
      `  ${size.toLocaleString('en')} stored: Postgres ${result.postgresMsPerArticle.toFixed(3)} ms per new article ` +
        `(wall ${result.wallMsPerArticle.toFixed(2)} ms), filled in ${result.fillSeconds.toFixed(0)} s, ` +
        `${result.databaseMegabytes.toFixed(0)} MB`,
    );
    results.push(result);
  }
  return results;
}
