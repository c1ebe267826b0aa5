import type { LockedArticle } from '../db/articles-repo.js';
import type { Queryable } from '../db/database.js';
import { type ArticleVerdict, analyzeArticle } from '../domain/analyze-article.js';
import type { AnalysisThread } from './analysis-thread.js';
import { placeInStories } from './place-in-stories.js';
import {
  analysisRequestOf,
  type PipelineContext,
  type ProcessOutcome,
  processArticle,
} from './process-article.js';

const UNIQUE_VIOLATION = '23505';

interface Decided {
  article: LockedArticle;
  verdict: ArticleVerdict;
  duplicateOf: number | null;
}

async function lockArticles(tx: Queryable, ids: readonly number[]): Promise<LockedArticle[]> {
  const result = await tx.query<LockedArticle>(
    `SELECT a.*, r.source_config, r.reference_time FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.id = ANY($1::bigint[]) ORDER BY a.id FOR UPDATE OF a`,
    [ids],
  );
  return result.rows;
}

/** Originals already stored for these hashes (the articles being processed have no hash yet). */
async function findOriginals(tx: Queryable, hashes: readonly string[]): Promise<Map<string, number>> {
  const result = await tx.query<{ content_hash: string; id: number }>(
    `SELECT DISTINCT ON (content_hash) content_hash, id FROM articles
     WHERE content_hash = ANY($1::text[]) AND duplicate_of IS NULL ORDER BY content_hash, id`,
    [hashes],
  );
  return new Map(result.rows.map((row) => [row.content_hash, row.id]));
}

/** Exact duplicates against the store and, in id order, within the batch: the first copy is the original. */
function decideDuplicates(
  analysed: ReadonlyArray<{ article: LockedArticle; verdict: ArticleVerdict }>,
  stored: Map<string, number>,
): Decided[] {
  const firstInBatch = new Map<string, number>();
  return analysed.map(({ article, verdict }) => {
    const hash = verdict.contentHash;
    if (!hash) return { article, verdict, duplicateOf: null };
    const original = stored.get(hash) ?? firstInBatch.get(hash);
    if (original === undefined) firstInBatch.set(hash, article.id);
    return { article, verdict, duplicateOf: original ?? null };
  });
}

/** One multi-row UPDATE for the whole batch: the same columns saveAnalysis writes for one article. */
async function saveAnalyses(tx: Queryable, decided: readonly Decided[]): Promise<void> {
  const column = <T>(pick: (item: Decided) => T) => decided.map(pick);
  const fateOf = (item: Decided) =>
    item.duplicateOf !== null ? { status: 'filtered', reason: 'duplicate' } : item.verdict.fate;
  await tx.query(
    `UPDATE articles a SET lang = v.lang, script = v.script, country = v.country, score = v.score,
       matched = v.matched, content_hash = v.content_hash, simhash = v.simhash, status = v.status,
       filter_reason = v.filter_reason, duplicate_of = v.duplicate_of, processed_at = now(), updated_at = now()
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::real[], $6::jsonb[], $7::text[],
                 $8::bigint[], $9::text[], $10::text[], $11::bigint[])
       AS v (id, lang, script, country, score, matched, content_hash, simhash, status, filter_reason, duplicate_of)
     WHERE a.id = v.id`,
    [
      column((item) => item.article.id),
      column((item) => item.verdict.language.lang),
      column((item) => item.verdict.language.script),
      column((item) => item.verdict.country),
      column((item) => item.verdict.relevance.score),
      column((item) => JSON.stringify(item.verdict.relevance.matched)),
      column((item) => item.verdict.contentHash),
      column((item) =>
        item.verdict.simhash === null ? null : BigInt.asIntN(64, item.verdict.simhash).toString(),
      ),
      column((item) => fateOf(item).status),
      column((item) => fateOf(item).reason),
      column((item) => item.duplicateOf),
    ],
  );
}

/** Verdicts worked out before the batch was locked, valid for the version of the article they were made for. */
export type Precomputed = ReadonlyMap<number, { version: number; verdict: ArticleVerdict }>;
type VerdictCache = Map<number, { version: number; verdict: ArticleVerdict }>;

async function processBatchOnce(
  ctx: PipelineContext,
  ids: readonly number[],
  verdicts: VerdictCache,
): Promise<Map<number, ProcessOutcome>> {
  const verdictOf = (article: LockedArticle): ArticleVerdict => {
    const ready = verdicts.get(article.id);
    if (ready?.version === article.version) return ready.verdict;
    const request = analysisRequestOf(article);
    const verdict = analyzeArticle(request.article, request.profile, ctx.lexicon, request.now);
    verdicts.set(article.id, { version: article.version, verdict });
    return verdict;
  };
  return ctx.db.transaction(async (tx) => {
    const outcomes = new Map<number, ProcessOutcome>(ids.map((id) => [id, 'missing']));
    const locked = await lockArticles(tx, ids);
    const pending = locked.filter((article) => {
      outcomes.set(article.id, article.status === 'pending' ? 'processed' : 'already_processed');
      return article.status === 'pending';
    });
    if (pending.length === 0) return outcomes;
    const analysed = pending.map((article) => ({ article, verdict: verdictOf(article) }));
    const hashes = [...new Set(analysed.flatMap(({ verdict }) => verdict.contentHash ?? []))];
    const decided = decideDuplicates(analysed, await findOriginals(tx, hashes));
    await saveAnalyses(tx, decided);
    // Stories in id order, as one-by-one processing would fold them: an original before its copies.
    await placeInStories(
      tx,
      decided.map(({ article, verdict, duplicateOf }) => ({
        article,
        duplicateOf,
        newDraftSimhash: duplicateOf === null && verdict.fate.status === 'new' ? verdict.simhash : null,
      })),
    );
    return outcomes;
  });
}

/**
 * A concurrent batch committing an original of one of ours is the usual reason for a unique violation; the next
 * attempt sees that original. Rarely does it happen twice in a row: then one article at a time.
 */
const BATCH_ATTEMPTS = 3;

/**
 * processArticle for many articles in one transaction: one locking query, one duplicate lookup and one
 * multi-row update instead of several round trips per article. Same semantics: idempotent (articles no longer
 * pending are left alone), exact duplicates race-safe through the unique index on originals' content hash.
 * When a concurrent writer took a hash first, the batch is redone without analysing its articles again.
 */
export async function processArticles(
  ctx: PipelineContext,
  ids: readonly number[],
  precomputed?: Precomputed,
): Promise<Map<number, ProcessOutcome>> {
  const verdicts: VerdictCache = new Map(precomputed);
  for (let attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
    try {
      return await processBatchOnce(ctx, ids, verdicts);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    }
  }
  const outcomes = new Map<number, ProcessOutcome>();
  for (const id of ids) outcomes.set(id, await processArticle(ctx, id));
  return outcomes;
}

/**
 * processArticles, with one bad article kept from holding back the rest: when the batch fails, its articles
 * are processed one at a time and each one's error is returned in its place (that article stays pending).
 */
export async function processArticlesEach(
  ctx: PipelineContext,
  ids: readonly number[],
  precomputed?: Precomputed,
): Promise<Map<number, ProcessOutcome | Error>> {
  try {
    return await processArticles(ctx, ids, precomputed);
  } catch {
    const results = new Map<number, ProcessOutcome | Error>();
    for (const id of ids) {
      try {
        results.set(id, await processArticle(ctx, id));
      } catch (error) {
        results.set(id, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return results;
  }
}

export interface PendingSweep {
  processed: number;
  /** Articles whose processing threw: they stay pending for the next sweep. */
  failed: Array<{ id: number; error: string }>;
}

interface SweepOptions {
  runIds?: readonly number[];
  batchSize?: number;
  /** Analyses the next batch while this thread stores the current one (embedded mode: PGlite is busy here). */
  analysisThread?: AnalysisThread;
}

/** The next pending articles, read without locking: their analysis may start before their batch is locked. */
async function readPending(
  ctx: PipelineContext,
  afterId: number,
  options: SweepOptions,
): Promise<LockedArticle[]> {
  const result = await ctx.db.query<LockedArticle>(
    `SELECT a.*, r.source_config, r.reference_time FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.status = 'pending' AND a.id > $1 AND ($2::bigint[] IS NULL OR a.run_id = ANY($2::bigint[]))
     ORDER BY a.id LIMIT $3`,
    [afterId, options.runIds ?? null, options.batchSize ?? 200],
  );
  return result.rows;
}

/**
 * Verdicts for a batch from the analysis thread. Should the thread fail, the batch is analysed here when it is
 * processed: the thread only lends a core, it decides nothing.
 */
async function analyseAhead(
  thread: AnalysisThread | undefined,
  articles: readonly LockedArticle[],
): Promise<Precomputed | undefined> {
  if (!thread || articles.length === 0) return undefined;
  try {
    const verdicts = await thread.analyse(articles.map(analysisRequestOf));
    return new Map(
      articles.map((article, index) => [article.id, { version: article.version, verdict: verdicts[index]! }]),
    );
  } catch {
    return undefined;
  }
}

/** Embedded sweep in batches: every pending article (of the given runs, or all), in id order. */
export async function processPendingInBatches(
  ctx: PipelineContext,
  options: SweepOptions = {},
): Promise<PendingSweep> {
  const sweep: PendingSweep = { processed: 0, failed: [] };
  let batch = await readPending(ctx, 0, options);
  let verdicts = analyseAhead(options.analysisThread, batch);
  while (batch.length > 0) {
    const following = await readPending(ctx, batch[batch.length - 1]!.id, options);
    const ready = await verdicts;
    verdicts = analyseAhead(options.analysisThread, following);
    const ids = batch.map((article) => article.id);
    for (const [id, result] of await processArticlesEach(ctx, ids, ready)) {
      if (result instanceof Error) sweep.failed.push({ id, error: result.message });
      else if (result === 'processed') sweep.processed += 1;
    }
    batch = following;
  }
  return sweep;
}
