import type { ArticleStatus } from '../domain/review-states.js';
import { articleTimezoneSql } from './article-zone-sql.js';
import type { Queryable } from './database.js';
import { DEFAULT_PAGE_SIZE, type QueueFilters, type QueueItem, whereClause } from './queue-repo.js';

/**
 * The queue, stories first: one row per story — shown by its primary report — that has a report matching the
 * filters, and one row per matching report that belongs to no story.
 */

/** A report of a row's story, as the row lists it when expanded. */
export interface StoryReportLine {
  id: number;
  source_id: string;
  url: string;
  lang: string | null;
  country: string | null;
  title: string | null;
  published_at: Date | null;
  timezone: string | null;
  status: ArticleStatus;
  covered_by: number | null;
}

export interface QueueRow extends QueueItem {
  /** Reports of the row's story that match the filters (1 for a report in no story). */
  matched: number;
  /** Every report of the story, the primary included, oldest first; just the row's own for a report alone. */
  reports: StoryReportLine[];
}

/** The filtered reports grouped into rows: `row_id` is the story's primary report, or the report itself. */
function groupedRows(filters: QueueFilters): { sql: string; params: unknown[] } {
  const where = whereClause(filters);
  return {
    sql: `matched AS (SELECT id, story_id FROM articles WHERE ${where.sql}),
     grouped AS (
       SELECT coalesce(s.primary_article_id, m.id) AS row_id, count(*)::int AS matched
       FROM matched m LEFT JOIN stories s ON s.id = m.story_id
       GROUP BY 1
     )`,
    params: where.params,
  };
}

const rowOrder = (filters: QueueFilters) =>
  filters.sort === 'score'
    ? 'r.score DESC NULLS LAST, r.id DESC'
    : 'r.published_at DESC NULLS LAST, r.id DESC';

export async function listQueueStories(
  db: Queryable,
  filters: QueueFilters,
): Promise<{ rows: QueueRow[]; total: number }> {
  const grouped = groupedRows(filters);
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const offset = ((filters.page ?? 1) - 1) * pageSize;
  const rows = await db.query<Omit<QueueRow, 'reports'>>(
    `WITH ${grouped.sql}
     SELECT r.id, r.url, r.source_id, r.country, r.lang, r.title, r.published_at, r.status, r.filter_reason, r.score,
       r.version, r.story_id, ${articleTimezoneSql('r')} AS timezone, g.matched
     FROM grouped g JOIN articles r ON r.id = g.row_id
     ORDER BY ${rowOrder(filters)}
     LIMIT ${pageSize} OFFSET ${offset}`,
    grouped.params,
  );
  const total = await db.query<{ n: number }>(
    `WITH ${grouped.sql} SELECT count(*)::int AS n FROM grouped`,
    grouped.params,
  );
  const reports = await listReportsOfStories(
    db,
    rows.rows.flatMap((row) => (row.story_id === null ? [] : [row.story_id])),
  );
  return {
    rows: rows.rows.map((row) => ({
      ...row,
      reports: (row.story_id === null ? undefined : reports.get(row.story_id)) ?? [reportLineOf(row)],
    })),
    total: total.rows[0]?.n ?? 0,
  };
}

function reportLineOf(row: Omit<QueueRow, 'reports'>): StoryReportLine {
  return {
    id: row.id,
    source_id: row.source_id,
    url: row.url,
    lang: row.lang,
    country: row.country,
    title: row.title,
    published_at: row.published_at,
    timezone: row.timezone,
    status: row.status,
    covered_by: null,
  };
}

async function listReportsOfStories(
  db: Queryable,
  storyIds: readonly number[],
): Promise<Map<number, StoryReportLine[]>> {
  const byStory = new Map<number, StoryReportLine[]>();
  if (storyIds.length === 0) return byStory;
  const result = await db.query<StoryReportLine & { story_id: number }>(
    `SELECT a.story_id, a.id, a.source_id, a.url, a.lang, a.country, a.title, a.published_at,
       ${articleTimezoneSql('a')} AS timezone, a.status, a.covered_by
     FROM articles a WHERE a.story_id = ANY($1::bigint[])
     ORDER BY a.published_at NULLS LAST, a.id`,
    [storyIds],
  );
  for (const { story_id: storyId, ...report } of result.rows) {
    byStory.set(Number(storyId), [...(byStory.get(Number(storyId)) ?? []), report]);
  }
  return byStory;
}

/**
 * The row after this item's row (its story's, or its own) in the queue under these filters: where the analyst goes
 * after deciding it. Asked before the decision, while the item still matches the filters; the first row when the
 * item is not in this queue; undefined at its end.
 */
export async function nextQueueRow(
  db: Queryable,
  filters: QueueFilters,
  itemId: number,
): Promise<number | undefined> {
  const grouped = groupedRows(filters);
  const item = `$${grouped.params.length + 1}`;
  const result = await db.query<{ row_id: number }>(
    `WITH ${grouped.sql},
     ordered AS (
       SELECT g.row_id, row_number() OVER (ORDER BY ${rowOrder(filters)}) AS position
       FROM grouped g JOIN articles r ON r.id = g.row_id
     ),
     current_row AS (
       SELECT coalesce(s.primary_article_id, a.id) AS row_id
       FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ${item}
     )
     SELECT row_id FROM ordered
     WHERE position > coalesce((SELECT o.position FROM ordered o JOIN current_row c ON c.row_id = o.row_id), 0)
       AND row_id <> (SELECT row_id FROM current_row)
     ORDER BY position LIMIT 1`,
    [...grouped.params, itemId],
  );
  const next = result.rows[0]?.row_id;
  return next === undefined ? undefined : Number(next);
}

/** A story an analyst can move a report into, shown by its primary report. */
export interface StoryChoice {
  story_id: number;
  primary_id: number;
  title: string | null;
  title_en: string | null;
  source_id: string;
  lang: string | null;
  country: string | null;
  published_at: Date | null;
  timezone: string | null;
  size: number;
}

export interface StorySearch {
  /** Words that must all appear in one report's title (original or English), in any case. */
  words: readonly string[];
  /** The story the report is in already. */
  exclude: number | null;
  /** Without words: the stories published nearest this moment, of this country first. */
  near?: { publishedAt: Date | null; country: string | null } | undefined;
  limit?: number | undefined;
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The story picker: stories by words of their reports' titles, or those published about the same time. */
export async function searchStories(db: Queryable, search: StorySearch): Promise<StoryChoice[]> {
  const limit = search.limit ?? 20;
  const byWords = search.words.length > 0;
  const near = search.near?.publishedAt ?? null;
  const result = await db.query<StoryChoice>(
    `SELECT s.id AS story_id, p.id AS primary_id, p.title, p.title_en, p.source_id, p.lang, p.country, p.published_at,
       ${articleTimezoneSql('p')} AS timezone,
       (SELECT count(*)::int FROM articles m WHERE m.story_id = s.id) AS size
     FROM stories s JOIN articles p ON p.id = s.primary_article_id
     WHERE ($1::bigint IS NULL OR s.id <> $1)
       AND (NOT $2 OR EXISTS (SELECT 1 FROM articles m WHERE m.story_id = s.id
              AND coalesce(m.title, '') || ' ' || coalesce(m.title_en, '') ILIKE ALL ($3::text[])))
     ORDER BY ${
       byWords || near === null
         ? 'p.published_at DESC NULLS LAST'
         : `(p.country IS NOT DISTINCT FROM $5::text) DESC, abs(extract(epoch FROM p.published_at - $6::timestamptz)) NULLS LAST`
     }, s.id DESC
     LIMIT $4`,
    [
      search.exclude,
      byWords,
      search.words.map(likePattern),
      limit,
      ...(byWords || near === null ? [] : [search.near?.country ?? null, near.toISOString()]),
    ],
  );
  return result.rows;
}
