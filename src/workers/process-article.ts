import { z } from 'zod';
import {
  findOriginalByContentHash,
  type LockedArticle,
  listPendingIds,
  lockArticle,
  saveAnalysis,
} from '../db/articles-repo.js';
import type { Database, Queryable } from '../db/database.js';
import {
  createStory,
  findStoryCandidates,
  listStoryMembers,
  lockStories,
  type StoryEvidenceRecord,
  saveStoryMembership,
  setStoryPrimary,
  storyOfArticle,
} from '../db/stories-repo.js';
import { analyzeArticle, type SourceProfile } from '../domain/analyze-article.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import {
  choosePrimary,
  chooseStory,
  factKeys,
  numericFactKeys,
  STORY_WINDOW_DAYS,
  type StoryChoice,
  type StoryEvidence,
  simhashBandKeys,
  storyFacts,
} from '../domain/stories.js';
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

async function refreshStoryPrimary(tx: Queryable, storyId: number): Promise<void> {
  const primary = choosePrimary(await listStoryMembers(tx, storyId));
  if (primary !== undefined) await setStoryPrimary(tx, storyId, primary);
}

/** An exact duplicate is one more source reporting its original's story; it is never a candidate itself. */
export async function joinOriginalStory(tx: Queryable, articleId: number, originalId: number): Promise<void> {
  await lockStories(tx);
  const storyId = await storyOfArticle(tx, originalId);
  if (storyId === undefined) return;
  const evidence: StoryEvidenceRecord = { rule: 'exact_duplicate', with: originalId };
  await saveStoryMembership(tx, { articleId, storyId, evidence, bandKeys: null, factKeys: null });
  await refreshStoryPrimary(tx, storyId);
}

function evidenceOfChoice({ match, withArticleId }: StoryChoice): StoryEvidenceRecord {
  return match.rule === 'near_duplicate'
    ? { rule: match.rule, with: withArticleId, distance: match.distance }
    : { rule: match.rule, with: withArticleId, shared: match.shared };
}

/** A new draft joins the story of the closest matching member, or opens a story of its own. */
export async function foldIntoStory(tx: Queryable, article: LockedArticle, simhash: bigint): Promise<void> {
  await lockStories(tx);
  const evidence: StoryEvidence = {
    simhash,
    facts: storyFacts(article.title ?? '', article.body ?? ''),
    publishedAt: article.published_at,
  };
  const bandKeys = simhashBandKeys(simhash);
  const candidates = await findStoryCandidates(tx, {
    articleId: article.id,
    bandKeys,
    numericFactKeys: numericFactKeys(evidence.facts),
    publishedAt: article.published_at,
    windowDays: STORY_WINDOW_DAYS,
  });
  const choice = chooseStory(evidence, candidates);
  const storyId = choice?.storyId ?? (await createStory(tx, article.id));
  await saveStoryMembership(tx, {
    articleId: article.id,
    storyId,
    evidence: choice ? evidenceOfChoice(choice) : { rule: 'first' },
    bandKeys,
    factKeys: factKeys(evidence.facts),
  });
  if (choice) await refreshStoryPrimary(tx, storyId);
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
    // Stories hold what analysts review: new drafts, and exact duplicates of one (another source reporting it,
    // counted in the story's size). Items filtered for any other reason stay outside stories.
    if (duplicateOf !== undefined) await joinOriginalStory(tx, article.id, duplicateOf);
    else if (fate.status === 'new' && verdict.simhash !== null)
      await foldIntoStory(tx, article, verdict.simhash);
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
