import { z } from 'zod';
import {
  findOriginalByContentHash,
  type LockedArticle,
  lockArticle,
  saveAnalysis,
} from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import { analyzeArticle, type SourceProfile } from '../domain/analyze-article.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { countrySchema, languageSchema } from '../domain/types.js';
import type { AnalysisRequest } from './analysis-thread.js';
import { placeInStories } from './place-in-stories.js';

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
    article: { title: article.title, body: article.body, publishedAt: article.published_at },
    profile: profileOf(article.source_config, article.extraction),
    now: article.reference_time ?? new Date(),
  };
}

async function processOnce(ctx: PipelineContext, articleId: number): Promise<ProcessOutcome> {
  return ctx.db.transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) return 'missing';
    // A job delivered twice, or re-enqueued by recovery after it was done, changes nothing.
    if (article.status !== 'pending') return 'already_processed';
    const request = analysisRequestOf(article);
    const verdict = analyzeArticle(request.article, request.profile, ctx.lexicon, request.now);
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
    await placeInStories(tx, [
      {
        article,
        duplicateOf: duplicateOf ?? null,
        newDraftSimhash: fate.status === 'new' ? verdict.simhash : null,
      },
    ]);
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
