import type { LockedArticle } from '../db/articles-repo.js';
import type { Queryable } from '../db/database.js';
import {
  createStories,
  findStoryCandidatesOfDrafts,
  lockStories,
  type StoryEvidenceRecord,
  type StoryMembership,
  storiesOfArticles,
} from '../db/stories-repo.js';
import { NEAR_DUPLICATE_MAX_DISTANCE } from '../domain/fingerprint.js';
import {
  chooseStory,
  STORY_WINDOW_DAYS,
  type StoryCandidate,
  type StoryChoice,
  type StoryEvidence,
  storyEvidenceOf,
} from '../domain/stories.js';
import {
  datedFactKeys,
  datedFactQueryKeys,
  factKeys,
  numericFactKeys,
  simhashBandKeys,
  simhashBandQueryKeys,
  UNDATED_LOOKBACK_DAYS,
} from '../domain/story-keys.js';
import type { DetectedLanguage } from '../domain/types.js';

const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86_400_000);

export interface StoryPlacement {
  article: LockedArticle;
  /** Set for an exact duplicate: it joins its original's story. */
  duplicateOf: number | null;
  /** Set for a new draft: it joins the closest story or opens one. */
  newDraftSimhash: bigint | null;
  /** The language detected for the article: English and Azerbaijani texts write numbers and names their way. */
  lang?: DetectedLanguage | null;
}

/** A draft with what it is compared and stored by. */
export interface StoryDraft {
  articleId: number;
  evidence: StoryEvidence;
  /** What it is stored with (`simhashBandKeys`). */
  bandKeys: number[];
  /** The band keys it looks up members by (`simhashBandQueryKeys`). */
  bandQueryKeys: number[];
  factKeys: string[];
  datedFactKeys: string[];
  /** The dated keys it looks up members by (`datedFactQueryKeys`). */
  datedFactQueryKeys: string[];
}

export type PlanItem = { articleId: number; duplicateOf: number } | { draft: StoryDraft };

export interface StoryPlan {
  /** Story ids below zero stand for the stories this plan opens (`opened`). */
  memberships: StoryMembership[];
  opened: Array<{ storyId: number; firstArticleId: number }>;
  /** Stories that gained a member other than their first: their primary item is chosen again. */
  joined: Set<number>;
}

function evidenceOfChoice({ match, withArticleId }: StoryChoice): StoryEvidenceRecord {
  return match.rule === 'near_duplicate'
    ? { rule: match.rule, with: withArticleId, distance: match.distance }
    : { rule: match.rule, with: withArticleId, shared: match.shared };
}

/**
 * Places articles in stories in the given order, as if one at a time: each draft is compared with the stored
 * candidates found for it and with every draft placed before it here (they are not stored yet); an exact
 * duplicate joins its original's story, wherever that original was placed.
 */
export function planStories(
  items: readonly PlanItem[],
  storedCandidates: ReadonlyMap<number, readonly StoryCandidate[]>,
  storedStoryOf: ReadonlyMap<number, number>,
): StoryPlan {
  const plan: StoryPlan = { memberships: [], opened: [], joined: new Set() };
  const storyOf = new Map(storedStoryOf);
  // Newest first, as the stored candidates are ordered among equals.
  const placedDrafts: StoryCandidate[] = [];
  for (const item of items) {
    if ('duplicateOf' in item) {
      const storyId = storyOf.get(item.duplicateOf);
      if (storyId === undefined) continue;
      const evidence: StoryEvidenceRecord = { rule: 'exact_duplicate', with: item.duplicateOf };
      plan.memberships.push({
        articleId: item.articleId,
        storyId,
        evidence,
        bandKeys: null,
        factKeys: null,
        datedFactKeys: null,
      });
      plan.joined.add(storyId);
      continue;
    }
    const { draft } = item;
    const choice = chooseStory(draft.evidence, [
      ...placedDrafts,
      ...(storedCandidates.get(draft.articleId) ?? []),
    ]);
    let storyId = choice?.storyId;
    if (storyId === undefined) {
      storyId = -(plan.opened.length + 1);
      plan.opened.push({ storyId, firstArticleId: draft.articleId });
    } else plan.joined.add(storyId);
    plan.memberships.push({
      articleId: draft.articleId,
      storyId,
      evidence: choice ? evidenceOfChoice(choice) : { rule: 'first' },
      bandKeys: draft.bandKeys,
      factKeys: draft.factKeys,
      datedFactKeys: draft.datedFactKeys,
    });
    storyOf.set(draft.articleId, storyId);
    placedDrafts.unshift({ articleId: draft.articleId, storyId, evidence: draft.evidence });
  }
  return plan;
}

function draftOf(article: LockedArticle, simhash: bigint, lang: DetectedLanguage | null): StoryDraft {
  const evidence = storyEvidenceOf({
    title: article.title ?? '',
    body: article.body ?? '',
    lang,
    publishedAt: article.published_at,
    simhash,
  });
  const { facts } = evidence;
  const numericKeys = numericFactKeys(facts);
  // An undated article reports something of the days before it was found.
  const foundAt = article.reference_time ?? article.created_at;
  return {
    articleId: article.id,
    evidence,
    bandKeys: simhashBandKeys(simhash, article.published_at ?? foundAt),
    bandQueryKeys: article.published_at
      ? simhashBandQueryKeys(simhash, article.published_at)
      : simhashBandQueryKeys(simhash, daysBefore(foundAt, UNDATED_LOOKBACK_DAYS), foundAt),
    factKeys: factKeys(facts),
    datedFactKeys: datedFactKeys(numericKeys, article.published_at),
    datedFactQueryKeys: article.published_at
      ? datedFactQueryKeys(numericKeys, article.published_at)
      : datedFactQueryKeys(numericKeys, daysBefore(foundAt, UNDATED_LOOKBACK_DAYS), foundAt),
  };
}

export interface PlacedInStories {
  /** By article id, with real story ids: the story columns of those articles, to be written with their analysis. */
  memberships: Map<number, StoryMembership>;
  /** Stories that gained a member other than their first: their primary item is to be chosen again. */
  joined: number[];
}

/**
 * Stories hold what analysts review: new drafts, and exact duplicates of one (another source reporting it,
 * counted in the story's size). Items filtered for any other reason stay outside stories. Takes the story lock
 * until the transaction ends, so that stories are folded one batch at a time across all workers, and needs a
 * few statements per batch: one candidate lookup for all its drafts and one insert of the stories it opens.
 * The memberships are returned, not written: the caller stores them with the articles' analysis.
 */
export async function planStoryPlacements(
  tx: Queryable,
  placements: readonly StoryPlacement[],
): Promise<PlacedInStories> {
  const items = placements.flatMap((item): PlanItem[] => {
    if (item.duplicateOf !== null) return [{ articleId: item.article.id, duplicateOf: item.duplicateOf }];
    if (item.newDraftSimhash !== null) {
      return [{ draft: draftOf(item.article, item.newDraftSimhash, item.lang ?? null) }];
    }
    return [];
  });
  if (items.length === 0) return { memberships: new Map(), joined: [] };
  await lockStories(tx);
  const drafts = items.flatMap((item) => ('draft' in item ? [item.draft] : []));
  const storedCandidates = await findStoryCandidatesOfDrafts(
    tx,
    drafts.map((draft) => ({
      articleId: draft.articleId,
      simhash: draft.evidence.simhash!,
      bandQueryKeys: draft.bandQueryKeys,
      numericFactKeys: numericFactKeys(draft.evidence.facts),
      datedFactQueryKeys: draft.datedFactQueryKeys,
      publishedAt: draft.evidence.publishedAt,
    })),
    { maxDistance: NEAR_DUPLICATE_MAX_DISTANCE, windowDays: STORY_WINDOW_DAYS },
  );
  const originals = items.flatMap((item) => ('duplicateOf' in item ? [item.duplicateOf] : []));
  const plan = planStories(items, storedCandidates, await storiesOfArticles(tx, originals));
  const openedIds = await createStories(
    tx,
    plan.opened.map((story) => story.firstArticleId),
  );
  const realId = new Map(plan.opened.map((story, index) => [story.storyId, openedIds[index]!]));
  const resolve = (storyId: number) => realId.get(storyId) ?? storyId;
  return {
    memberships: new Map(
      plan.memberships.map((membership) => [
        membership.articleId,
        { ...membership, storyId: resolve(membership.storyId) },
      ]),
    ),
    joined: [...plan.joined].map(resolve),
  };
}
