import type { EnglishCandidate } from '../domain/english/default-english.js';
import {
  type ArticleStatus,
  type BulkPlan,
  planBulk,
  planReview,
  planStoryMove,
  type ReportState,
  type ReviewAction,
} from '../domain/review-states.js';
import { type Actor, writeAudit } from './audit-repo.js';
import type { Database, Queryable } from './database.js';
import { lockItem, type ReviewOutcome, writeEnglish } from './items-repo.js';
import { createStory, lockStories, refreshStories } from './stories-repo.js';

export type { ReviewAction };

interface ReportRow {
  id: number;
  status: ArticleStatus;
  story_id: number | null;
  covered_by: number | null;
}

const reportState = (row: ReportRow): ReportState => ({
  id: Number(row.id),
  status: row.status,
  coveredBy: row.covered_by === null ? null : Number(row.covered_by),
});

/**
 * Locks the item and the other reports of its story, in id order (two analysts deciding two reports of one story
 * wait for each other instead of deadlocking). Undefined when the item is gone or changed story meanwhile.
 */
async function lockWithStory(tx: Queryable, id: number): Promise<ReportState[] | undefined> {
  const story = await tx.query<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = $1', [
    id,
  ]);
  if (story.rowCount === 0) return undefined;
  const storyId = story.rows[0]!.story_id;
  const rows = await tx.query<ReportRow>(
    `SELECT id, status, story_id, covered_by FROM articles
     WHERE id = $1 OR ($2::bigint IS NOT NULL AND story_id = $2) ORDER BY id FOR UPDATE`,
    [id, storyId],
  );
  const item = rows.rows.find((row) => Number(row.id) === id);
  if (!item || item.story_id !== storyId) return undefined;
  return rows.rows.filter((row) => Number(row.id) !== id).map(reportState);
}

/**
 * Approve, reject (with a reason) or rescue a filtered item into the queue, audited. Approving or rejecting a report
 * decides its story (`planReview`): the story's other reports still waiting become `covered` by it, each audited as
 * `cover`; the outcome lists them.
 */
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
    const peers = await lockWithStory(tx, id);
    const current = await lockItem(tx, id);
    if (!current) return { kind: 'missing' };
    if (!peers) return { kind: 'conflict', current };
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
      return { kind: 'conflict', current };
    }
    const plan = planReview(action, reportState(current), peers);
    if (plan.kind === 'invalid') return { kind: 'invalid', current, message: plan.message };
    if (plan.change) await applyDecision(tx, current, action, plan.change.to, actor, options);
    await coverReports(tx, plan.cover, id, action, actor);
    return { kind: 'ok', item: (await lockItem(tx, id))!, covered: plan.cover };
  });
}

async function applyDecision(
  tx: Queryable,
  current: NonNullable<Awaited<ReturnType<typeof lockItem>>>,
  action: ReviewAction,
  status: ArticleStatus,
  actor: Actor,
  options: { reason?: string | undefined; fillEnglish?: EnglishCandidate | undefined },
): Promise<void> {
  const fill =
    action === 'approve' && options.fillEnglish && !current.title_en && !current.body_en
      ? options.fillEnglish
      : undefined;
  if (fill) {
    // An English report is real English; only generated text waits for a reviewer.
    await writeEnglish(tx, current.id, fill, null);
  }
  const reason = action === 'reject' ? options.reason?.trim() || null : null;
  await tx.query(
    `UPDATE articles SET status = $2, reject_reason = $3, reviewed_by = $4, reviewed_at = now(), covered_by = NULL,
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [current.id, status, reason, actor.name],
  );
  await writeAudit(tx, {
    articleId: current.id,
    actor,
    action,
    before: {
      status: current.status,
      reject_reason: current.reject_reason,
      filter_reason: current.filter_reason,
      ...(current.covered_by === null ? {} : { covered_by: current.covered_by }),
    },
    after: {
      status,
      reject_reason: reason,
      filter_reason: current.filter_reason,
      ...(fill ? { title_en: fill.title, body_en: fill.body, english_source: fill.source } : {}),
    },
  });
}

/** The story's waiting reports, settled by the decision on `by`: covered, not lost. */
async function coverReports(
  tx: Queryable,
  ids: readonly number[],
  by: number,
  action: ReviewAction,
  actor: Actor,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE articles SET status = 'covered', covered_by = $2, reviewed_by = $3, reviewed_at = now(),
       version = version + 1, updated_at = now()
     WHERE id = ANY($1::bigint[])`,
    [ids, by, actor.name],
  );
  for (const articleId of ids) {
    await writeAudit(tx, {
      articleId,
      actor,
      action: 'cover',
      before: { status: 'new' },
      after: { status: 'covered', covered_by: by, decision: action },
    });
  }
}

/** What a bulk action would do to these reports (nothing is written): the confirmation's numbers. */
export async function planBulkReview(
  db: Queryable,
  ids: readonly number[],
  action: ReviewAction,
): Promise<BulkPlan & { missing: number[] }> {
  const targets = await db.query<ReportRow>(
    'SELECT id, status, story_id, covered_by FROM articles WHERE id = ANY($1::bigint[])',
    [ids],
  );
  const storyIds = [...new Set(targets.rows.flatMap((row) => (row.story_id === null ? [] : [row.story_id])))];
  const members = await db.query<ReportRow>(
    'SELECT id, status, story_id, covered_by FROM articles WHERE story_id = ANY($1::bigint[])',
    [storyIds],
  );
  const found = new Map(targets.rows.map((row) => [Number(row.id), row]));
  const selected = ids.flatMap((id) => {
    const row = found.get(id);
    if (!row) return [];
    const storyPeers = members.rows
      .filter(
        (member) => row.story_id !== null && member.story_id === row.story_id && Number(member.id) !== id,
      )
      .map(reportState);
    return [{ target: reportState(row), storyPeers }];
  });
  return { ...planBulk(action, selected), missing: ids.filter((id) => !found.has(id)) };
}

/**
 * An analyst's correction of the stories stage (`planStoryMove`): moves the item into another story, or (`'new'`)
 * splits it out into a story of its own. With `wholeStory`, every report of the item's story moves into the target
 * story (two stories the stage kept apart are one event). A covered report that leaves the story whose decision
 * covered it, and the reports a moving decision had covered, wait in the queue again (`uncover`, audited).
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
    const peers = await lockWithStory(tx, id);
    const current = await lockItem(tx, id);
    if (!current) return { kind: 'missing' };
    if (!peers || (expectedVersion !== undefined && current.version !== expectedVersion))
      return { kind: 'conflict', current };
    const exists =
      target !== 'new' &&
      ((await tx.query('SELECT 1 FROM stories WHERE id = $1', [target])).rowCount ?? 0) > 0;
    const plan = planStoryMove({
      item: { ...reportState(current), storyId: current.story_id },
      target,
      targetExists: exists,
      wholeStory,
      storyMembers: [reportState(current), ...peers],
    });
    if (plan.kind === 'invalid') return { kind: 'invalid', current, message: plan.message };
    const storyId = target === 'new' ? await createStory(tx, id) : target;
    const moving =
      plan.moves === 'story' ? [id, ...peers.map((peer) => peer.id)].sort((a, b) => a - b) : [id];
    await tx.query(
      `UPDATE articles SET story_id = $2, story_evidence = $3, version = version + 1, updated_at = now()
       WHERE id = ANY($1::bigint[])`,
      [moving, storyId, JSON.stringify({ rule: 'analyst', by: actor.name })],
    );
    await refreshStories(tx, [...(current.story_id === null ? [] : [current.story_id]), storyId]);
    for (const articleId of moving) {
      await writeAudit(tx, {
        articleId,
        actor,
        action: plan.action,
        before: { story_id: current.story_id },
        after: { story_id: storyId },
      });
    }
    await uncoverReports(tx, plan.uncover, actor);
    return { kind: 'ok', item: (await lockItem(tx, id))! };
  });
}

async function uncoverReports(tx: Queryable, ids: readonly number[], actor: Actor): Promise<void> {
  if (ids.length === 0) return;
  const before = await tx.query<{ id: number; covered_by: number | null }>(
    'SELECT id, covered_by FROM articles WHERE id = ANY($1::bigint[]) ORDER BY id',
    [ids],
  );
  await tx.query(
    `UPDATE articles SET status = 'new', covered_by = NULL, version = version + 1, updated_at = now()
     WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  for (const row of before.rows) {
    await writeAudit(tx, {
      articleId: Number(row.id),
      actor,
      action: 'uncover',
      before: { status: 'covered', covered_by: row.covered_by },
      after: { status: 'new' },
    });
  }
}
