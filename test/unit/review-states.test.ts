import { describe, expect, it } from 'vitest';
import {
  type ArticleStatus,
  allowedFrom,
  articleStatuses,
  canApply,
  planBulk,
  planReview,
  planStoryMove,
  type ReportState,
  resultingStatus,
  reviewActions,
} from '../../src/domain/review-states.js';

const report = (id: number, status: ArticleStatus, coveredBy: number | null = null): ReportState => ({
  id,
  status,
  coveredBy,
});

describe('review transitions', () => {
  it('applies each action only from its statuses', () => {
    const table = Object.fromEntries(
      reviewActions.map((action) => [action, articleStatuses.filter((status) => canApply(action, status))]),
    );
    expect(table).toEqual({
      approve: ['new', 'rejected', 'covered'],
      reject: ['new', 'approved', 'covered'],
      rescue: ['filtered'],
    });
    // Nothing an analyst does touches an article still in the pipeline or one of a released bulletin.
    for (const action of reviewActions) {
      expect(canApply(action, 'pending')).toBe(false);
      expect(canApply(action, 'published')).toBe(false);
    }
    expect(resultingStatus).toEqual({ approve: 'approved', reject: 'rejected', rescue: 'new' });
  });

  it('never leads an action back to the status it started from', () => {
    for (const action of reviewActions) {
      expect(allowedFrom[action]).not.toContain(resultingStatus[action]);
    }
  });
});

describe('deciding a story', () => {
  it('approves the report and covers the story’s other new reports, leaving decided ones alone', () => {
    const plan = planReview('approve', report(1, 'new'), [
      report(1, 'new'),
      report(2, 'new'),
      report(3, 'rejected'),
      report(4, 'new'),
      report(5, 'filtered'),
    ]);
    expect(plan).toEqual({ kind: 'ok', change: { from: 'new', to: 'approved' }, cover: [2, 4] });
  });

  it('covers on rejection too: the story is settled either way', () => {
    expect(planReview('reject', report(7, 'new'), [report(8, 'new')])).toEqual({
      kind: 'ok',
      change: { from: 'new', to: 'rejected' },
      cover: [8],
    });
  });

  it('settles the late reports of a story already approved, without changing the approved one', () => {
    expect(planReview('approve', report(1, 'approved'), [report(9, 'new')])).toEqual({
      kind: 'ok',
      change: null,
      cover: [9],
    });
  });

  it('refuses what does not apply, and approving again a story with nothing left to settle', () => {
    expect(planReview('approve', report(1, 'approved'), [report(2, 'covered', 1)])).toEqual({
      kind: 'invalid',
      message: 'cannot approve an item that is approved',
    });
    expect(planReview('reject', report(3, 'filtered'), [])).toEqual({
      kind: 'invalid',
      message: 'cannot reject an item that is filtered',
    });
    expect(planReview('rescue', report(4, 'new'), [report(5, 'new')]).kind).toBe('invalid');
  });

  it('lets a covered report be approved on its own (the analyst prefers that report)', () => {
    expect(planReview('approve', report(2, 'covered', 1), [report(1, 'approved')])).toEqual({
      kind: 'ok',
      change: { from: 'covered', to: 'approved' },
      cover: [],
    });
  });

  it('rescues a filtered item without touching any other report', () => {
    expect(planReview('rescue', report(6, 'filtered'), [])).toEqual({
      kind: 'ok',
      change: { from: 'filtered', to: 'new' },
      cover: [],
    });
  });
});

describe('bulk plans', () => {
  it('counts changed, covered and refused reports; a selected report is never counted as covered', () => {
    const plan = planBulk('reject', [
      { target: report(1, 'new'), storyPeers: [report(2, 'new'), report(3, 'new')] },
      { target: report(3, 'new'), storyPeers: [report(1, 'new'), report(2, 'new')] },
      { target: report(10, 'filtered'), storyPeers: [] },
      { target: report(11, 'rejected'), storyPeers: [] },
    ]);
    expect(plan).toEqual({
      changed: [1, 3],
      covered: [2],
      refused: [
        { id: 10, status: 'filtered' },
        { id: 11, status: 'rejected' },
      ],
    });
  });

  it('changes nothing when no selected report can take the action', () => {
    const plan = planBulk('reject', [
      { target: report(1, 'filtered'), storyPeers: [] },
      { target: report(2, 'filtered'), storyPeers: [] },
    ]);
    expect(plan.changed).toEqual([]);
    expect(plan.covered).toEqual([]);
    expect(plan.refused.map((entry) => entry.id)).toEqual([1, 2]);
  });
});

describe('moving reports between stories', () => {
  const members = [report(1, 'approved'), report(2, 'covered', 1), report(3, 'covered', 1), report(4, 'new')];
  const move = (
    item: ReportState & { storyId: number | null },
    target: number | 'new',
    options: { targetExists?: boolean; wholeStory?: boolean } = {},
  ) =>
    planStoryMove({
      item,
      target,
      targetExists: options.targetExists ?? true,
      wholeStory: options.wholeStory ?? false,
      storyMembers: members,
    });

  it('refuses a missing story, the story it is in, a whole story into a new one and a whole story of none', () => {
    expect(move({ ...report(4, 'new'), storyId: 12 }, 99, { targetExists: false })).toEqual({
      kind: 'invalid',
      message: 'there is no story #99',
    });
    expect(move({ ...report(4, 'new'), storyId: 12 }, 12)).toEqual({
      kind: 'invalid',
      message: 'it is already in story #12',
    });
    expect(move({ ...report(4, 'new'), storyId: 12 }, 'new', { wholeStory: true })).toEqual({
      kind: 'invalid',
      message: 'a whole story moves into an existing story: give its number',
    });
    expect(move({ ...report(4, 'new'), storyId: null }, 13, { wholeStory: true })).toEqual({
      kind: 'invalid',
      message: 'this item is in no story: move it alone',
    });
  });

  it('names the action: a move, a split into a story of its own, or a merge of two stories', () => {
    expect(move({ ...report(4, 'new'), storyId: 12 }, 13)).toEqual({
      kind: 'ok',
      action: 'move_story',
      moves: 'item',
      uncover: [],
    });
    expect(move({ ...report(4, 'new'), storyId: 12 }, 'new')).toMatchObject({ action: 'split_story' });
    expect(move({ ...report(4, 'new'), storyId: 12 }, 13, { wholeStory: true })).toEqual({
      kind: 'ok',
      action: 'merge_story',
      moves: 'story',
      uncover: [],
    });
  });

  it('puts a covered report that leaves its story back in the queue', () => {
    expect(move({ ...report(2, 'covered', 1), storyId: 12 }, 'new')).toMatchObject({
      kind: 'ok',
      uncover: [2],
    });
  });

  it('puts back the reports a moving decision had covered: they are no longer decided', () => {
    expect(move({ ...report(1, 'approved'), storyId: 12 }, 13)).toMatchObject({
      kind: 'ok',
      uncover: [2, 3],
    });
  });
});
