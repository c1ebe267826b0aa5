import { z } from 'zod';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import type { LockedArticle } from '../db/articles-repo.js';
import type { Database, Queryable } from '../db/database.js';
import { searchVector } from '../db/search-sql.js';
import { refreshStories, type StoryMembership } from '../db/stories-repo.js';
import { type ArticleVerdict, analyzeArticle, type SourceProfile } from '../domain/analyze-article.js';
import type { DrugGlossary } from '../domain/drug-glossary.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { searchDocument } from '../domain/search-query.js';
import { countrySchema, languageSchema } from '../domain/types.js';
import type { AnalysisRequest, AnalysisThread } from './analysis-thread.js';
import { planStoryPlacements } from './place-in-stories.js';

export interface PipelineContext {
  db: Database;
  lexicon: CompiledLexicon;
  /** The drugs glossary for seizure facts; the one shipped in config/glossary/drugs.yaml when left out. */
  drugs?: DrugGlossary;
}

/** The content stages of one stored candidate, with the context's lexicon and glossary. */
function analyseStored(ctx: PipelineContext, article: LockedArticle): ArticleVerdict {
  const request = analysisRequestOf(article);
  return analyzeArticle(
    request.article,
    request.profile,
    ctx.lexicon,
    request.now,
    ctx.drugs ?? loadDrugGlossary(),
  );
}

export type ProcessOutcome = 'processed' | 'already_processed' | 'missing';

/** Articles from imports or removed sources have no profile: no country prior, the default age window. */
const DEFAULT_PROFILE: SourceProfile = { country: null, languages: [], maxAgeDays: 45 };
const UNIQUE_VIOLATION = '23505';

// Only the fields the stages need: a snapshot written by an older version still yields a profile.
const profileSchema = z.object({
  country: countrySchema,
  languages: z.array(languageSchema),
  limits: z.object({ maxAgeDays: z.number().positive() }),
});

export function profileOf(sourceConfig: unknown, extraction: Record<string, unknown>): SourceProfile {
  const parsed = profileSchema.safeParse(sourceConfig);
  const profile = parsed.success
    ? {
        country: parsed.data.country,
        languages: parsed.data.languages,
        maxAgeDays: parsed.data.limits.maxAgeDays,
      }
    : DEFAULT_PROFILE;
  // An importer may declare one item's language; it then replaces the source's as the prior.
  const declared = languageSchema.safeParse(extraction.declaredLanguage);
  return declared.success ? { ...profile, languages: [declared.data] } : profile;
}

/** What the content stages need of a stored candidate. */
export function analysisRequestOf(article: LockedArticle): AnalysisRequest {
  return {
    article: {
      title: article.title,
      body: article.body,
      publishedAt: article.published_at,
      // The crawler stores a URL that answered with no page of text with the reason (crawlers/routes/page-gate.ts).
      notHtml: typeof article.extraction.notHtml === 'string',
    },
    profile: profileOf(article.source_config, article.extraction),
    now: article.reference_time ?? new Date(),
  };
}

interface Decided {
  article: LockedArticle;
  verdict: ArticleVerdict;
  duplicateOf: number | null;
}

const LOCK_SQL = `FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
  WHERE a.id = ANY($1::bigint[]) ORDER BY a.id FOR UPDATE OF a`;

/**
 * Locks the articles and reads them. Rows the caller read before (the embedded sweep reads a batch to analyse it
 * ahead) are not read again when their version is unchanged: only their status and version are.
 */
async function lockArticles(
  tx: Queryable,
  ids: readonly number[],
  known: ReadonlyMap<number, LockedArticle>,
): Promise<LockedArticle[]> {
  if (!ids.every((id) => known.has(id))) {
    return (await tx.query<LockedArticle>(`SELECT a.*, r.source_config, r.reference_time ${LOCK_SQL}`, [ids]))
      .rows;
  }
  const states = await tx.query<Pick<LockedArticle, 'id' | 'status' | 'version'>>(
    `SELECT a.id, a.status, a.version ${LOCK_SQL}`,
    [ids],
  );
  const changed = states.rows
    .filter((row) => known.get(row.id)?.version !== row.version)
    .map((row) => row.id);
  const reread = changed.length
    ? new Map(
        (
          await tx.query<LockedArticle>(`SELECT a.*, r.source_config, r.reference_time ${LOCK_SQL}`, [
            changed,
          ])
        ).rows.map((row) => [row.id, row]),
      )
    : new Map<number, LockedArticle>();
  return states.rows.map((row) => reread.get(row.id) ?? { ...known.get(row.id)!, status: row.status });
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

/**
 * One multi-row UPDATE for the whole batch: the analysis (seizure facts included), the search vector, the fate and,
 * for the articles that join a story, the membership, so that each article is written once (every version of a row costs its index entries, full text
 * included).
 */
async function saveAnalyses(
  tx: Queryable,
  decided: readonly Decided[],
  memberships: ReadonlyMap<number, StoryMembership>,
): Promise<void> {
  if (decided.length === 0) return;
  const fateOf = (item: Decided) =>
    item.duplicateOf !== null ? { status: 'filtered', reason: 'duplicate' } : item.verdict.fate;
  const membershipOf = (item: Decided) => memberships.get(item.article.id);
  await tx.query(
    `UPDATE articles a SET lang = v.lang, script = v.script, country = v.country, score = v.score,
       matched = v.matched, content_hash = v.content_hash, simhash = v.simhash, status = v.status,
       filter_reason = v.filter_reason, duplicate_of = v.duplicate_of,
       story_id = coalesce(v.story_id, a.story_id), story_evidence = coalesce(v.story_evidence, a.story_evidence),
       simhash_bands = coalesce(v.simhash_bands, a.simhash_bands), story_facts = coalesce(v.story_facts, a.story_facts),
       story_fact_days = coalesce(v.story_fact_days, a.story_fact_days), facts = v.facts,
       search_vector = ${searchVector('v.search_text')},
       processed_at = now(), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS v (
       id bigint, lang text, script text, country text, score real, matched jsonb, content_hash text, simhash bigint,
       status text, filter_reason text, duplicate_of bigint, story_id bigint, story_evidence jsonb,
       simhash_bands integer[], story_facts text[], story_fact_days text[], facts jsonb, search_text text)
     WHERE a.id = v.id`,
    [
      JSON.stringify(
        decided.map((item) => ({
          id: item.article.id,
          lang: item.verdict.language.lang,
          script: item.verdict.language.script,
          country: item.verdict.country,
          score: item.verdict.relevance.score,
          matched: item.verdict.relevance.matched,
          content_hash: item.verdict.contentHash,
          // Signed, as Postgres keeps a bigint; as text, so that JSON does not round it.
          simhash: item.verdict.simhash === null ? null : BigInt.asIntN(64, item.verdict.simhash).toString(),
          status: fateOf(item).status,
          filter_reason: fateOf(item).reason,
          duplicate_of: item.duplicateOf,
          story_id: membershipOf(item)?.storyId ?? null,
          story_evidence: membershipOf(item)?.evidence ?? null,
          simhash_bands: membershipOf(item)?.bandKeys ?? null,
          story_facts: membershipOf(item)?.factKeys ?? null,
          story_fact_days: membershipOf(item)?.datedFactKeys ?? null,
          facts: item.verdict.facts,
          search_text: searchDocument(item.article.title, item.article.body),
        })),
      ),
    ],
  );
}

/**
 * Verdicts worked out before the batch was locked, valid for the version of the article they were made for;
 * with the article as it was read then, when the caller has it.
 */
export type Precomputed = ReadonlyMap<
  number,
  { version: number; verdict: ArticleVerdict; article?: LockedArticle }
>;
type VerdictCache = Map<number, { version: number; verdict: ArticleVerdict; article?: LockedArticle }>;

async function processBatchOnce(
  ctx: PipelineContext,
  ids: readonly number[],
  verdicts: VerdictCache,
): Promise<Map<number, ProcessOutcome>> {
  const verdictOf = (article: LockedArticle): ArticleVerdict => {
    const ready = verdicts.get(article.id);
    if (ready?.version === article.version) return ready.verdict;
    const verdict = analyseStored(ctx, article);
    verdicts.set(article.id, { version: article.version, verdict, article });
    return verdict;
  };
  return ctx.db.transaction(async (tx) => {
    const outcomes = new Map<number, ProcessOutcome>(ids.map((id) => [id, 'missing']));
    const known = new Map<number, LockedArticle>();
    for (const [id, { article }] of verdicts) if (article) known.set(id, article);
    const locked = await lockArticles(tx, ids, known);
    const pending = locked.filter((article) => {
      // A job delivered twice, or re-enqueued by recovery after it was done, changes nothing.
      outcomes.set(article.id, article.status === 'pending' ? 'processed' : 'already_processed');
      return article.status === 'pending';
    });
    if (pending.length === 0) return outcomes;
    const analysed = pending.map((article) => ({ article, verdict: verdictOf(article) }));
    const hashes = [...new Set(analysed.flatMap(({ verdict }) => verdict.contentHash ?? []))];
    const decided = decideDuplicates(analysed, await findOriginals(tx, hashes));
    // Articles that stay outside stories are written before the story lock is taken: it is held by one batch at
    // a time across all workers.
    const joinsStories = ({ verdict, duplicateOf }: Decided) =>
      duplicateOf !== null || verdict.fate.status === 'new';
    await saveAnalyses(
      tx,
      decided.filter((item) => !joinsStories(item)),
      new Map(),
    );
    const storyBound = decided.filter(joinsStories);
    // Stories in id order, as one-by-one processing would fold them: an original before its copies.
    const stories = await planStoryPlacements(
      tx,
      storyBound.map(({ article, verdict, duplicateOf }) => ({
        article,
        duplicateOf,
        newDraftSimhash: duplicateOf === null ? verdict.simhash : null,
        lang: verdict.language.lang,
      })),
    );
    await saveAnalyses(tx, storyBound, stories.memberships);
    await refreshStories(tx, stories.joined);
    return outcomes;
  });
}

/**
 * A concurrent batch committing an original of one of ours is the usual reason for a unique violation; the next
 * attempt sees that original. Rarely does it happen twice in a row: then one article at a time.
 */
const BATCH_ATTEMPTS = 3;

/**
 * Runs every content stage on stored candidates and records their fates, in one transaction: one locking query,
 * one duplicate lookup, one story lookup and one multi-row update for all of them. Idempotent (articles no longer
 * pending are left alone) and safe to run for the same ids from several workers at once: exact duplicates are
 * race-safe through the unique index on originals' content hash. When a concurrent writer took a hash first,
 * the batch is redone without analysing its articles again.
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
      const raced = (error as { code?: string }).code === UNIQUE_VIOLATION;
      if (!raced || (attempt === BATCH_ATTEMPTS && ids.length === 1)) throw error;
    }
  }
  const outcomes = new Map<number, ProcessOutcome>();
  for (const id of ids) outcomes.set(id, await processArticle(ctx, id));
  return outcomes;
}

/** processArticles for one article. */
export async function processArticle(ctx: PipelineContext, articleId: number): Promise<ProcessOutcome> {
  return (await processArticles(ctx, [articleId])).get(articleId)!;
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

/** Runs one piece of work at a time, in the order asked. */
export function createSerialLane(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * processArticlesEach with the analysis done before the transaction, outside the lane: while one batch of a
 * worker holds its transaction (the lane lets one through at a time, so that a worker's batches never race each
 * other for an original), the next batch is analysed.
 */
export async function processArticlesAhead(
  ctx: PipelineContext,
  ids: readonly number[],
  lane: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<Map<number, ProcessOutcome | Error>> {
  let precomputed: Precomputed | undefined;
  try {
    const rows = await ctx.db.query<LockedArticle>(
      `SELECT a.*, r.source_config, r.reference_time FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
       WHERE a.id = ANY($1::bigint[]) AND a.status = 'pending'`,
      [ids],
    );
    const verdicts: VerdictCache = new Map();
    for (const article of rows.rows) {
      const verdict = analyseStored(ctx, article);
      verdicts.set(article.id, { version: article.version, verdict, article });
      // The other batch's transaction waits for its query results on this thread: let them in between articles.
      await new Promise((resolve) => setImmediate(resolve));
    }
    precomputed = verdicts;
  } catch {
    // Analysed in the transaction instead, where an article that fails is told apart from the others.
    precomputed = undefined;
  }
  return lane(() => processArticlesEach(ctx, ids, precomputed));
}

export interface PendingSweep {
  processed: number;
  /** Articles whose processing threw: they stay pending for the next sweep. */
  failed: Array<{ id: number; error: string }>;
}

interface SweepOptions {
  runIds?: readonly number[];
  /**
   * Only articles nobody is going to process: of finished runs, or stored outside a run, at least this many
   * seconds ago (the process that stored them sweeps them itself right after).
   */
  strandedForSecs?: number;
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
       AND ($4::int IS NULL
            OR (r.id IS NULL AND a.created_at <= now() - make_interval(secs => $4))
            OR (r.status IN ('succeeded', 'failed') AND r.finished_at <= now() - make_interval(secs => $4)))
     ORDER BY a.id LIMIT $3`,
    [afterId, options.runIds ?? null, options.batchSize ?? 200, options.strandedForSecs ?? null],
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
      articles.map((article, index) => [
        article.id,
        { version: article.version, verdict: verdicts[index]!, article },
      ]),
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
