import { z } from 'zod';
import {
  findOriginalByContentHash,
  type LockedArticle,
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
import { NEAR_DUPLICATE_MAX_DISTANCE } from '../domain/fingerprint.js';
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
import type { AnalysisRequest } from './analysis-thread.js';

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

async function refreshStoryPrimary(tx: Queryable, storyId: number): Promise<void> {
  const primary = choosePrimary(await listStoryMembers(tx, storyId));
  if (primary !== undefined) await setStoryPrimary(tx, storyId, primary);
}

/** An exact duplicate is one more source reporting its original's story; it is never a candidate itself. */
async function joinOriginalStory(tx: Queryable, articleId: number, originalId: number): Promise<void> {
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
async function foldIntoStory(tx: Queryable, article: LockedArticle, simhash: bigint): Promise<void> {
  const evidence: StoryEvidence = {
    simhash,
    facts: storyFacts(article.title ?? '', article.body ?? ''),
    publishedAt: article.published_at,
  };
  const bandKeys = simhashBandKeys(simhash);
  const candidates = await findStoryCandidates(tx, {
    articleId: article.id,
    simhash,
    maxDistance: NEAR_DUPLICATE_MAX_DISTANCE,
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

export interface StoryPlacement {
  article: LockedArticle;
  /** Set for an exact duplicate: it joins its original's story. */
  duplicateOf: number | null;
  /** Set for a new draft: it joins the closest story or opens one. */
  newDraftSimhash: bigint | null;
}

/**
 * Stories hold what analysts review: new drafts, and exact duplicates of one (another source reporting it,
 * counted in the story's size). Items filtered for any other reason stay outside stories. In the given order,
 * under one lock: stories are folded one article at a time across all workers.
 */
export async function placeInStories(tx: Queryable, placements: readonly StoryPlacement[]): Promise<void> {
  const work = placements.filter((item) => item.duplicateOf !== null || item.newDraftSimhash !== null);
  if (work.length === 0) return;
  await lockStories(tx);
  for (const { article, duplicateOf, newDraftSimhash } of work) {
    if (duplicateOf !== null) await joinOriginalStory(tx, article.id, duplicateOf);
    else if (newDraftSimhash !== null) await foldIntoStory(tx, article, newDraftSimhash);
  }
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
