import { z } from 'zod';
import { findOriginalByContentHash, listPendingIds, lockArticle, saveAnalysis } from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import { analyzeArticle, type SourceProfile } from '../domain/analyze-article.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { countrySchema, languageSchema } from '../domain/types.js';

export interface PipelineContext {
  db: Database;
  lexicon: CompiledLexicon;
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

function profileOf(sourceConfig: unknown, extraction: Record<string, unknown>): SourceProfile {
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

async function processOnce(ctx: PipelineContext, articleId: number): Promise<ProcessOutcome> {
  return ctx.db.transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) return 'missing';
    // A job delivered twice, or re-enqueued by recovery after it was done, changes nothing.
    if (article.status !== 'pending') return 'already_processed';
    const verdict = analyzeArticle(
      { title: article.title, body: article.body, publishedAt: article.published_at },
      profileOf(article.source_config, article.extraction),
      ctx.lexicon,
      article.reference_time ?? new Date(),
    );
    const duplicateOf = verdict.contentHash
      ? await findOriginalByContentHash(tx, verdict.contentHash, article.id)
      : undefined;
    const fate = duplicateOf ? { status: 'filtered' as const, reason: 'duplicate' as const } : verdict.fate;
    await saveAnalysis(tx, article.id, {
      lang: verdict.language.lang,
      script: verdict.language.script,
      country: verdict.country,
      score: verdict.relevance.score,
      matched: verdict.relevance.matched,
      contentHash: verdict.contentHash,
      simhash: verdict.simhash,
      status: fate.status,
      filterReason: fate.reason,
      duplicateOf: duplicateOf ?? null,
    });
    return 'processed';
  });
}

/**
 * Runs every content stage on one stored candidate and records its fate. Idempotent: safe to call
 * for the same id from two workers at once.
 */
export async function processArticle(ctx: PipelineContext, articleId: number): Promise<ProcessOutcome> {
  try {
    return await processOnce(ctx, articleId);
  } catch (error) {
    // Two copies of one text processed at the same moment: the loser retries and sees the winner's hash.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return processOnce(ctx, articleId);
    throw error;
  }
}

export interface PendingSweep {
  processed: number;
  failed: Array<{ id: number; error: string }>;
}

/**
 * Embedded mode: processes every pending article (of the given runs, or all) in id order. An article
 * whose processing throws stays pending, to be retried by the next sweep, and does not stop the others.
 */
export async function processPendingArticles(
  ctx: PipelineContext,
  options: { runIds?: readonly number[]; onProgress?: (sweep: PendingSweep) => void } = {},
): Promise<PendingSweep> {
  const sweep: PendingSweep = { processed: 0, failed: [] };
  let afterId = 0;
  for (;;) {
    const ids = await listPendingIds(ctx.db, { runIds: options.runIds, afterId, limit: 500 });
    if (ids.length === 0) return sweep;
    for (const id of ids) {
      try {
        await processArticle(ctx, id);
        sweep.processed += 1;
      } catch (error) {
        sweep.failed.push({ id, error: (error as Error).message });
      }
      afterId = id;
    }
    options.onProgress?.(sweep);
  }
}
