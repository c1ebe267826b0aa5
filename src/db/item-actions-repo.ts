import type { EnglishCandidate } from '../domain/english/default-english.js';
import { choosePrimary } from '../domain/stories.js';
import type { ArticleStatus } from './articles-repo.js';
import { type Actor, writeAudit } from './audit-repo.js';
import type { Database, Queryable } from './database.js';
import { lockItem, type ReviewOutcome, writeEnglish } from './items-repo.js';
import { createStory, listStoryMembers, lockStories, setStoryPrimary } from './stories-repo.js';

export type ReviewAction = 'approve' | 'reject' | 'rescue';

const allowedFrom: Record<ReviewAction, readonly ArticleStatus[]> = {
  approve: ['new', 'rejected'],
  reject: ['new', 'approved'],
  rescue: ['filtered'],
};
const resultingStatus: Record<ReviewAction, ArticleStatus> = {
  approve: 'approved',
  reject: 'rejected',
  rescue: 'new',
};

/** Approve, reject (with a reason) or rescue a filtered item into the queue, audited. */
export async function reviewItem(
  db: Database,
  id: number,
  action: ReviewAction,
  actor: Actor,
  options: {
    reason?: string | undefined;
    expectedVersion?: number | undefined;
    /** On approval, the English an item without any gets (not reviewed: the editorial checks list it). */
    fillEnglish?: EnglishCandidate | undefined;
  } = {},
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    const current = await lockItem(tx, id);
    if (!current) return { kind: 'missing' };
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
      return { kind: 'conflict', current };
    }
    if (!allowedFrom[action].includes(current.status)) {
      return { kind: 'invalid', current, message: `cannot ${action} an item that is ${current.status}` };
    }
    const fill =
      action === 'approve' && options.fillEnglish && !current.title_en && !current.body_en
        ? options.fillEnglish
        : undefined;
    if (fill) {
      // An English report is real English; only generated text waits for a reviewer.
      await writeEnglish(tx, id, fill, null);
    }
    const status = resultingStatus[action];
    const reason = action === 'reject' ? options.reason?.trim() || null : null;
    await tx.query(
      `UPDATE articles SET status = $2, reject_reason = $3, reviewed_by = $4, reviewed_at = now(),
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, status, reason, actor.name],
    );
    const before = {
      status: current.status,
      reject_reason: current.reject_reason,
      filter_reason: current.filter_reason,
    };
    await writeAudit(tx, {
      articleId: id,
      actor,
      action,
      before,
      after: {
        status,
        reject_reason: reason,
        filter_reason: current.filter_reason,
        ...(fill ? { title_en: fill.title, body_en: fill.body, english_source: fill.source } : {}),
      },
    });
    return { kind: 'ok', item: (await lockItem(tx, id))! };
  });
}

/** After a member left or joined: the story's primary item is chosen again; a story left empty is removed. */
async function refreshStory(tx: Queryable, storyId: number): Promise<void> {
  const primary = choosePrimary(await listStoryMembers(tx, storyId));
  if (primary === undefined) await tx.query('DELETE FROM stories WHERE id = $1', [storyId]);
  else await setStoryPrimary(tx, storyId, primary);
}

/**
 * An analyst's correction of the stories stage: moves the item into another story, or (`'new'`) splits it out
 * into a story of its own. With `wholeStory`, every report of the item's story moves into the target story
 * (two stories the stage kept apart are one event).
 */
export async function moveToStory(
  db: Database,
  id: number,
  target: number | 'new',
  actor: Actor,
  expectedVersion?: number,
  wholeStory = false,
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const current = await lockItem(tx, id);
    if (!current) return { kind: 'missing' };
    if (expectedVersion !== undefined && current.version !== expectedVersion)
      return { kind: 'conflict', current };
    if (target !== 'new') {
      const exists = await tx.query('SELECT 1 FROM stories WHERE id = $1', [target]);
      if (exists.rowCount === 0) return { kind: 'invalid', current, message: `there is no story #${target}` };
      if (current.story_id === target)
        return { kind: 'invalid', current, message: `it is already in story #${target}` };
    }
    if (wholeStory && target === 'new')
      return {
        kind: 'invalid',
        current,
        message: 'a whole story moves into an existing story: give its number',
      };
    if (wholeStory && current.story_id === null)
      return { kind: 'invalid', current, message: 'this item is in no story: move it alone' };
    const storyId = target === 'new' ? await createStory(tx, id) : target;
    const moving = wholeStory
      ? (
          await tx.query<{ id: number }>(
            'SELECT id FROM articles WHERE story_id = $1 ORDER BY id FOR UPDATE',
            [current.story_id],
          )
        ).rows.map((row) => row.id)
      : [id];
    await tx.query(
      `UPDATE articles SET story_id = $2, story_evidence = $3, version = version + 1, updated_at = now()
       WHERE id = ANY($1::bigint[])`,
      [moving, storyId, JSON.stringify({ rule: 'analyst', by: actor.name })],
    );
    if (current.story_id !== null) await refreshStory(tx, current.story_id);
    await refreshStory(tx, storyId);
    const action = wholeStory ? 'merge_story' : target === 'new' ? 'split_story' : 'move_story';
    for (const articleId of moving) {
      await writeAudit(tx, {
        articleId,
        actor,
        action,
        before: { story_id: current.story_id },
        after: { story_id: storyId },
      });
    }
    return { kind: 'ok', item: (await lockItem(tx, id))! };
  });
}
