/**
 * The review's state machine: which statuses an article goes through, which analyst action applies from which
 * status and what it leads to, how one decision settles a whole story, and what moving a report between stories
 * does. Pure: the repositories (src/db/item-actions-repo.ts) lock the rows, ask these functions and write.
 *
 *   pending ─(pipeline)→ new | filtered
 *   new ──approve→ approved ──reject→ rejected ──approve→ approved …
 *   filtered ──rescue→ new
 *   new ──(its story decided by another report)→ covered ──approve / reject→ approved / rejected
 *   published: items of a released bulletin (imported), no longer reviewed.
 */

export const articleStatuses = [
  'pending',
  'new',
  'approved',
  'rejected',
  'filtered',
  'published',
  'covered',
] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const reviewActions = ['approve', 'reject', 'rescue'] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** From which statuses an action applies. */
export const allowedFrom: Readonly<Record<ReviewAction, readonly ArticleStatus[]>> = {
  approve: ['new', 'rejected', 'covered'],
  reject: ['new', 'approved', 'covered'],
  rescue: ['filtered'],
};

export const resultingStatus: Readonly<Record<ReviewAction, ArticleStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  rescue: 'new',
};

export function canApply(action: ReviewAction, status: ArticleStatus): boolean {
  return allowedFrom[action].includes(status);
}

/** A report as the rules see it: `coveredBy` is the report whose decision covers it. */
export interface ReportState {
  id: number;
  status: ArticleStatus;
  coveredBy?: number | null;
}

export type ReviewPlan =
  | {
      kind: 'ok';
      /** The report's own change; null when it already has that status and only its story is settled. */
      change: { from: ArticleStatus; to: ArticleStatus } | null;
      /** The story's other reports still waiting (`new`): covered by this decision, not lost. */
      cover: number[];
    }
  | { kind: 'invalid'; message: string };

/**
 * Approving or rejecting a report decides its story: its other reports still `new` become `covered` by it (the
 * bulletin prints one item per story; they stay in the story, and can still be approved or rejected one by one).
 * Approving a story already approved settles its late reports only. Rescue concerns filtered items, which belong
 * to no story of drafts.
 */
export function planReview(
  action: ReviewAction,
  target: ReportState,
  storyPeers: readonly ReportState[],
): ReviewPlan {
  const cover =
    action === 'rescue'
      ? []
      : storyPeers.filter((peer) => peer.id !== target.id && peer.status === 'new').map((peer) => peer.id);
  if (canApply(action, target.status)) {
    return { kind: 'ok', change: { from: target.status, to: resultingStatus[action] }, cover };
  }
  if (target.status === resultingStatus[action] && cover.length > 0)
    return { kind: 'ok', change: null, cover };
  return { kind: 'invalid', message: `cannot ${action} an item that is ${target.status}` };
}

/** What a bulk action would do, summed over the selected reports (the confirmation names these numbers). */
export interface BulkPlan {
  /** Reports whose own status changes. */
  changed: number[];
  /** Other reports of their stories that become covered. */
  covered: number[];
  /** Selected reports the action does not apply to, with their status. */
  refused: Array<{ id: number; status: ArticleStatus }>;
}

export function planBulk(
  action: ReviewAction,
  selected: ReadonlyArray<{ target: ReportState; storyPeers: readonly ReportState[] }>,
): BulkPlan {
  const plan: BulkPlan = { changed: [], covered: [], refused: [] };
  const covered = new Set<number>();
  const chosen = new Set(selected.map((entry) => entry.target.id));
  for (const { target, storyPeers } of selected) {
    const review = planReview(action, target, storyPeers);
    if (review.kind === 'invalid') {
      plan.refused.push({ id: target.id, status: target.status });
      continue;
    }
    if (review.change) plan.changed.push(target.id);
    // A report selected itself is decided on its own, not covered by another one of the selection.
    for (const id of review.cover) if (!chosen.has(id)) covered.add(id);
  }
  plan.covered = [...covered].sort((a, b) => a - b);
  return plan;
}

export type StoryMoveAction = 'move_story' | 'split_story' | 'merge_story';

export interface StoryMoveRequest {
  item: ReportState & { storyId: number | null };
  /** Another story's id, or `'new'`: a story of its own. */
  target: number | 'new';
  /** Whether the target story exists (ignored for `'new'`). */
  targetExists: boolean;
  /** With the other reports of its story: two stories the stage kept apart are one event. */
  wholeStory: boolean;
  /** The reports of the item's current story, the item included. */
  storyMembers: readonly ReportState[];
}

export type StoryMovePlan =
  | {
      kind: 'ok';
      action: StoryMoveAction;
      /** The item alone, or every report of its story. */
      moves: 'item' | 'story';
      /**
       * Reports that go back to `new`: a covered report that leaves the story whose decision covered it, and the
       * reports the moving item had covered in the story it leaves.
       */
      uncover: number[];
    }
  | { kind: 'invalid'; message: string };

/** The analyst's corrections of the stories stage: move a report, split it out, or merge two stories. */
export function planStoryMove(request: StoryMoveRequest): StoryMovePlan {
  const { item, target, wholeStory } = request;
  if (target !== 'new') {
    if (!request.targetExists) return { kind: 'invalid', message: `there is no story #${target}` };
    if (item.storyId === target) return { kind: 'invalid', message: `it is already in story #${target}` };
  }
  if (wholeStory && target === 'new') {
    return { kind: 'invalid', message: 'a whole story moves into an existing story: give its number' };
  }
  if (wholeStory && item.storyId === null) {
    return { kind: 'invalid', message: 'this item is in no story: move it alone' };
  }
  if (wholeStory) return { kind: 'ok', action: 'merge_story', moves: 'story', uncover: [] };
  const uncover = request.storyMembers
    .filter(
      (member) =>
        member.status === 'covered' &&
        (member.id === item.id ? item.status === 'covered' : member.coveredBy === item.id),
    )
    .map((member) => member.id);
  if (item.status === 'covered' && !uncover.includes(item.id)) uncover.unshift(item.id);
  return {
    kind: 'ok',
    action: target === 'new' ? 'split_story' : 'move_story',
    moves: 'item',
    uncover: uncover.sort((a, b) => a - b),
  };
}
