import type { EnglishCandidate } from '../domain/english/default-english.js';
import type { EnglishSource } from '../domain/english/provenance.js';
import { choosePrimary } from '../domain/stories.js';
import type { FilterReason, MatchedTerm } from '../domain/types.js';
import type { ArticleStatus } from './articles-repo.js';
import type { Database, Queryable } from './database.js';
import { searchCondition } from './search-sql.js';
import { createStory, listStoryMembers, lockStories, setStoryPrimary } from './stories-repo.js';

/** Statuses an analyst sees; `pending` articles are still in the pipeline. */
export const reviewStatuses = ['new', 'approved', 'rejected', 'filtered', 'published'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export interface QueueFilters {
  status?: ReviewStatus | undefined;
  country?: string | undefined;
  lang?: string | undefined;
  source?: string | undefined;
  /** Inclusive bounds on published_at (ISO dates). */
  from?: string | undefined;
  to?: string | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
  /** Words of the title or body, as a tsquery built by `buildSearchQuery` (src/domain/search-query.ts). */
  search?: string | undefined;
  /** Members of one story (the stories stage groups reports of one event). */
  story?: number | undefined;
  sort?: 'date' | 'score' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface QueueItem {
  id: number;
  url: string;
  source_id: string;
  country: string | null;
  lang: string | null;
  title: string | null;
  published_at: Date | null;
  status: ArticleStatus;
  filter_reason: FilterReason | null;
  score: number | null;
  version: number;
}

export interface ReviewItem extends QueueItem {
  canonical_url: string;
  body: string | null;
  matched: MatchedTerm[];
  duplicate_of: number | null;
  /** The English beside the original (never written over the harvested title and body). */
  title_en: string | null;
  title_en_source: EnglishSource | null;
  body_en: string | null;
  body_en_source: EnglishSource | null;
  /** The English report the English was taken from. */
  english_url: string | null;
  english_reviewed_by: string | null;
  english_reviewed_at: Date | null;
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  has_snapshot: boolean;
  story_id: number | null;
  created_at: Date;
  /** The time zone its source declares (dates read in the source's calendar). */
  source_timezone: string | null;
  /** Seizure facts as stored (`articles.facts`, see src/domain/seizure-facts.ts); null when none. */
  facts: unknown;
}

export interface Actor {
  id: number;
  name: string;
}

type Dimension = 'status' | 'country';

/** WHERE clause of the queue filters; `except` leaves one dimension out so that its facet counts stay useful. */
function whereClause(filters: QueueFilters, except?: Dimension): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions = [`status <> 'pending'`];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filters.status && except !== 'status') add((p) => `status = ${p}`, filters.status);
  if (filters.country && except !== 'country') add((p) => `country = ${p}`, filters.country);
  if (filters.lang) add((p) => `lang = ${p}`, filters.lang);
  if (filters.source) add((p) => `source_id = ${p}`, filters.source);
  if (filters.from) add((p) => `published_at >= ${p}::date`, filters.from);
  // `to` is a day: everything published on it is included.
  if (filters.to) add((p) => `published_at < ${p}::date + 1`, filters.to);
  if (filters.minScore !== undefined) add((p) => `score >= ${p}`, filters.minScore);
  if (filters.maxScore !== undefined) add((p) => `score <= ${p}`, filters.maxScore);
  if (filters.story !== undefined) add((p) => `story_id = ${p}`, filters.story);
  if (filters.search) add(searchCondition, filters.search);
  return { sql: conditions.join(' AND '), params };
}

export const DEFAULT_PAGE_SIZE = 50;

export async function listQueue(
  db: Queryable,
  filters: QueueFilters,
): Promise<{ items: QueueItem[]; total: number }> {
  const where = whereClause(filters);
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const offset = ((filters.page ?? 1) - 1) * pageSize;
  const order =
    filters.sort === 'score' ? 'score DESC NULLS LAST, id DESC' : 'published_at DESC NULLS LAST, id DESC';
  const items = await db.query<QueueItem>(
    `SELECT id, url, source_id, country, lang, title, published_at, status, filter_reason, score, version
     FROM articles WHERE ${where.sql} ORDER BY ${order}
     LIMIT ${pageSize} OFFSET ${offset}`,
    where.params,
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM articles WHERE ${where.sql}`,
    where.params,
  );
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export interface QueueCounts {
  byStatus: Record<string, number>;
  byCountry: Record<string, number>;
}

/** Counts per status and per country under the other filters. */
export async function countQueue(db: Queryable, filters: QueueFilters): Promise<QueueCounts> {
  const count = async (dimension: Dimension) => {
    const where = whereClause(filters, dimension);
    const result = await db.query<{ key: string | null; n: number }>(
      `SELECT ${dimension} AS key, count(*)::int AS n FROM articles WHERE ${where.sql} GROUP BY 1`,
      where.params,
    );
    return Object.fromEntries(result.rows.map((row) => [row.key ?? '--', row.n]));
  };
  return { byStatus: await count('status'), byCountry: await count('country') };
}

export async function listFilterOptions(
  db: Queryable,
): Promise<{ sources: string[]; languages: string[]; countries: string[] }> {
  const distinct = async (column: string) =>
    (
      await db.query<{ v: string }>(
        `SELECT DISTINCT ${column} AS v FROM articles WHERE ${column} IS NOT NULL ORDER BY 1`,
      )
    ).rows.map((row) => row.v);
  return {
    sources: await distinct('source_id'),
    languages: await distinct('lang'),
    countries: await distinct('country'),
  };
}

const ITEM_COLUMNS = `a.id, a.url, a.canonical_url, a.source_id, a.country, a.lang, a.title, a.body, a.published_at,
  a.status, a.filter_reason, a.score, a.matched, a.duplicate_of, a.version, a.reject_reason,
  a.title_en, a.title_en_source, a.body_en, a.body_en_source, a.english_url, a.english_reviewed_by,
  a.english_reviewed_at,
  a.reviewed_by, a.reviewed_at, a.created_at, a.story_id, a.facts,
  (SELECT r.source_config ->> 'timezone' FROM crawl_runs r WHERE r.id = a.run_id) AS source_timezone,
  EXISTS (SELECT 1 FROM article_pages p WHERE p.article_id = a.id) AS has_snapshot`;

export async function getItem(db: Queryable, id: number): Promise<ReviewItem | undefined> {
  const result = await db.query<ReviewItem>(`SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id = $1`, [id]);
  return result.rows[0];
}

export interface StoryPeer {
  id: number;
  source_id: string;
  url: string;
  lang: string | null;
  title: string | null;
  published_at: Date | null;
  status: ArticleStatus;
}

/** The other reports of this item's story: "also reported by". */
export async function listStoryPeers(
  db: Queryable,
  articleId: number,
): Promise<{ storyId: number | null; peers: StoryPeer[] }> {
  const story = await db.query<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = $1', [
    articleId,
  ]);
  const storyId = story.rows[0]?.story_id ?? null;
  if (storyId === null) return { storyId, peers: [] };
  const peers = await db.query<StoryPeer>(
    `SELECT id, source_id, url, lang, title, published_at, status FROM articles
     WHERE story_id = $1 AND id <> $2 ORDER BY published_at NULLS LAST, id`,
    [storyId, articleId],
  );
  return { storyId, peers: peers.rows };
}

export async function findIdByCanonicalUrl(db: Queryable, canonicalUrl: string): Promise<number | undefined> {
  const result = await db.query<{ id: number }>('SELECT id FROM articles WHERE canonical_url = $1', [
    canonicalUrl,
  ]);
  return result.rows[0]?.id;
}

export async function getSnapshot(
  db: Queryable,
  id: number,
): Promise<{ html: string; content_type: string | null } | undefined> {
  const result = await db.query<{ html: string; content_type: string | null }>(
    'SELECT html, content_type FROM article_pages WHERE article_id = $1',
    [id],
  );
  return result.rows[0];
}

/** What an analyst edits: the English (the original stays as harvested), the country and the date. */
export interface ItemEdit {
  titleEn: string | null;
  bodyEn: string | null;
  country: string | null;
  publishedAt: string | null;
}

export type ReviewOutcome =
  | { kind: 'ok'; item: ReviewItem }
  | { kind: 'missing' }
  | { kind: 'conflict'; current: ReviewItem }
  | { kind: 'invalid'; current: ReviewItem; message: string };

const editColumns = {
  titleEn: 'title_en',
  bodyEn: 'body_en',
  country: 'country',
  publishedAt: 'published_at',
} as const satisfies Record<keyof ItemEdit, keyof ReviewItem>;

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

async function lockItem(tx: Queryable, id: number): Promise<ReviewItem | undefined> {
  const result = await tx.query<ReviewItem>(
    `SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  return result.rows[0];
}

async function writeAudit(
  tx: Queryable,
  entry: { articleId: number | null; actor: Actor; action: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (article_id, user_id, user_name, action, before, after)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.articleId,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
    ],
  );
}

/**
 * Saves an analyst's edit if nobody changed the item since `expectedVersion`; otherwise returns the
 * current item so that both versions can be shown. Only changed fields are written and audited. English the
 * analyst changed becomes theirs (`analyst`); with `englishReviewed` (the form showed the English), whatever
 * suggestion stays in place counts as reviewed by them.
 */
export async function editItem(
  db: Database,
  id: number,
  expectedVersion: number,
  edit: ItemEdit,
  actor: Actor,
  options: { englishReviewed?: boolean } = {},
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    const current = await lockItem(tx, id);
    if (!current) return { kind: 'missing' };
    if (current.version !== expectedVersion) return { kind: 'conflict', current };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(editColumns) as Array<[keyof ItemEdit, keyof ReviewItem]>) {
      const old = comparable(current[column]);
      const next = edit[field] === null ? null : comparable(edit[field]);
      const normalised = column === 'published_at' && next ? new Date(next as string).toISOString() : next;
      if (old !== normalised) {
        before[column] = old;
        after[column] = normalised;
      }
    }
    const titleSource = sourceAfterEdit('title_en' in after, edit.titleEn, current.title_en_source);
    const bodySource = sourceAfterEdit('body_en' in after, edit.bodyEn, current.body_en_source);
    if (titleSource !== current.title_en_source) {
      before.title_en_source = current.title_en_source;
      after.title_en_source = titleSource;
    }
    if (bodySource !== current.body_en_source) {
      before.body_en_source = current.body_en_source;
      after.body_en_source = bodySource;
    }
    const reviewsEnglish =
      (options.englishReviewed === true || 'title_en' in after || 'body_en' in after) &&
      (edit.titleEn !== null || edit.bodyEn !== null);
    if (reviewsEnglish && current.english_reviewed_by === null) after.english_reviewed_by = actor.name;
    if (Object.keys(after).length === 0) return { kind: 'ok', item: current };
    await tx.query(
      `UPDATE articles SET title_en = $2, title_en_source = $3, body_en = $4, body_en_source = $5, country = $6,
         published_at = $7,
         english_reviewed_by = CASE WHEN $8 THEN $9 ELSE english_reviewed_by END,
         english_reviewed_at = CASE WHEN $8 THEN now() ELSE english_reviewed_at END,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        id,
        edit.titleEn,
        titleSource,
        edit.bodyEn,
        bodySource,
        edit.country,
        edit.publishedAt,
        reviewsEnglish,
        actor.name,
      ],
    );
    await writeAudit(tx, { articleId: id, actor, action: 'edit', before, after });
    return { kind: 'ok', item: (await lockItem(tx, id))! };
  });
}

/** An English field an analyst changed is theirs; one they emptied has no provenance left. */
function sourceAfterEdit(
  changed: boolean,
  value: string | null,
  current: EnglishSource | null,
): EnglishSource | null {
  if (value === null) return null;
  return changed ? 'analyst' : current;
}

/**
 * The analyst takes suggested English (an English report of the story, a generated suggestion, a translation) as
 * the item's English, reviewed by them. Audited with what it replaced.
 */
export async function acceptEnglish(
  db: Database,
  id: number,
  candidate: EnglishCandidate,
  actor: Actor,
  expectedVersion?: number,
  options: { reviewed?: boolean } = {},
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    const current = await lockItem(tx, id);
    if (!current) return { kind: 'missing' };
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      return { kind: 'conflict', current };
    }
    await writeEnglish(tx, id, candidate, options.reviewed === false ? null : actor.name);
    await writeAudit(tx, {
      articleId: id,
      actor,
      action: options.reviewed === false ? 'translate_english' : 'accept_english',
      before: englishOf(current),
      after: {
        title_en: candidate.title,
        body_en: candidate.body,
        source: candidate.source,
        url: candidate.url,
      },
    });
    return { kind: 'ok', item: (await lockItem(tx, id))! };
  });
}

function englishOf(item: ReviewItem): Record<string, unknown> {
  return {
    title_en: item.title_en,
    title_en_source: item.title_en_source,
    body_en: item.body_en,
    body_en_source: item.body_en_source,
    english_url: item.english_url,
  };
}

/** Both English fields from one candidate; `reviewedBy` null leaves a suggestion to be reviewed. */
async function writeEnglish(
  tx: Queryable,
  id: number,
  candidate: EnglishCandidate,
  reviewedBy: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE articles SET title_en = $2, title_en_source = $4, body_en = $3, body_en_source = $4, english_url = $5,
       english_reviewed_by = $6, english_reviewed_at = CASE WHEN $6::text IS NULL THEN NULL ELSE now() END,
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, candidate.title, candidate.body, candidate.source, candidate.url ?? null, reviewedBy],
  );
}

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

/** Records an action that did not change a stored item (an item added by URL). */
export async function auditAction(
  db: Queryable,
  entry: { articleId: number | null; actor: Actor; action: string; after: unknown },
): Promise<void> {
  await writeAudit(db, { ...entry, before: null });
}

export interface AuditEntry {
  id: number;
  user_name: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}

/** The latest actions that concern no item: logins and logouts, users added, crawls started by hand. */
export async function listAccountActivity(db: Queryable, limit = 50): Promise<AuditEntry[]> {
  const result = await db.query<AuditEntry>(
    `SELECT id, user_name, action, before, after, created_at FROM audit_log
     WHERE article_id IS NULL ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return result.rows;
}

export async function listAudit(db: Queryable, articleId: number): Promise<AuditEntry[]> {
  const result = await db.query<AuditEntry>(
    `SELECT id, user_name, action, before, after, created_at FROM audit_log
     WHERE article_id = $1 ORDER BY created_at DESC, id DESC`,
    [articleId],
  );
  return result.rows;
}

export interface CountryCoverage {
  country: string;
  approved: number;
  fresh: number;
  previous: number;
}

/**
 * Items per country published in the period (approved or published, and still new) next to the
 * previous period's approved and published items.
 */
export async function countCoverage(
  db: Queryable,
  period: { from: string; to: string },
  previous: { from: string; to: string },
): Promise<CountryCoverage[]> {
  const result = await db.query<CountryCoverage>(
    `SELECT country,
       count(*) FILTER (WHERE in_period AND status IN ('approved', 'published'))::int AS approved,
       count(*) FILTER (WHERE in_period AND status = 'new')::int AS fresh,
       count(*) FILTER (WHERE in_previous AND status IN ('approved', 'published'))::int AS previous
     FROM (
       SELECT country, status,
         published_at >= $1::date AND published_at < $2::date AS in_period,
         published_at >= $3::date AND published_at < $4::date AS in_previous
       FROM articles WHERE country IS NOT NULL
     ) dated
     GROUP BY country`,
    [period.from, period.to, previous.from, previous.to],
  );
  return result.rows;
}

export interface SourceHealth {
  source_id: string;
  last_run_at: Date | null;
  last_status: string | null;
  last_error: string | null;
  error_streak: number;
  items_found: number;
  last_relevant_at: Date | null;
}

/** Per source: its last run, how many runs failed in a row since its last success, and its articles. */
export async function listSourceHealth(db: Queryable): Promise<SourceHealth[]> {
  const result = await db.query<SourceHealth>(
    `WITH ranked AS (
       SELECT source_id, created_at, status, error,
         row_number() OVER (PARTITION BY source_id ORDER BY created_at DESC, id DESC) AS position,
         max(created_at) FILTER (WHERE status = 'succeeded') OVER (PARTITION BY source_id) AS last_success
       FROM crawl_runs
     ), runs AS (
       SELECT source_id,
         max(created_at) AS last_run_at,
         max(status) FILTER (WHERE position = 1) AS last_status,
         max(error) FILTER (WHERE position = 1) AS last_error,
         count(*) FILTER (WHERE status = 'failed' AND created_at > coalesce(last_success, '-infinity'))::int
           AS error_streak
       FROM ranked GROUP BY source_id
     ), found AS (
       SELECT source_id, count(*)::int AS items_found,
         max(published_at) FILTER (WHERE status IN ('new', 'approved', 'published')) AS last_relevant_at
       FROM articles GROUP BY source_id
     )
     SELECT coalesce(runs.source_id, found.source_id) AS source_id, runs.last_run_at, runs.last_status,
       runs.last_error, coalesce(runs.error_streak, 0) AS error_streak,
       coalesce(found.items_found, 0) AS items_found, found.last_relevant_at
     FROM runs FULL JOIN found ON found.source_id = runs.source_id
     ORDER BY 1`,
  );
  return result.rows;
}
