import { z } from 'zod';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import type { LockedArticle } from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import {
  type DecidedArticle,
  findOriginals,
  lockArticles,
  readPendingArticles,
  saveAnalyses,
} from '../db/pipeline-repo.js';
import { refreshStories } from '../db/stories-repo.js';
import { type ArticleVerdict, analyzeArticle, type SourceProfile } from '../domain/analyze-article.js';
import { decideDuplicates } from '../domain/decide-duplicates.js';
import type { DrugGlossary } from '../domain/drug-glossary.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { countrySchema, languageSchema } from '../domain/types.js';
import type { AnalysisRequest } from './analysis-thread.js';
import { planStoryPlacements } from './place-in-stories.js';

export interface PipelineContext {
  db: Database;
  lexicon: CompiledLexicon;
  /** The drugs glossary for seizure facts; the one shipped in config/glossary/drugs.yaml when left out. */
  drugs?: DrugGlossary;
}

/** The content stages of one stored candidate, with the context's lexicon and glossary. */
export function analyseStored(ctx: PipelineContext, article: LockedArticle): ArticleVerdict {
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
    const joinsStories = ({ verdict, duplicateOf }: DecidedArticle) =>
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
    const verdicts: VerdictCache = new Map();
    for (const article of await readPendingArticles(ctx.db, ids)) {
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
