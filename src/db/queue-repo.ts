import type { FilterReason } from '../domain/types.js';
import { articleTimezoneSql } from './article-zone-sql.js';
import type { ArticleStatus } from './articles-repo.js';
import type { Queryable } from './database.js';
import { searchCondition } from './search-sql.js';

/** Statuses an analyst sees; `pending` articles are still in the pipeline (src/domain/review-states.ts). */
export const reviewStatuses = ['new', 'approved', 'rejected', 'covered', 'filtered', 'published'] as const;
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
  story_id: number | null;
  /** The source's time zone (or a manual item's), null when unknown: dates are shown in it. */
  timezone: string | null;
}

type Dimension = 'status' | 'country';

/** WHERE clause of the queue filters; `except` leaves one dimension out so that its facet counts stay useful. */
export function whereClause(filters: QueueFilters, except?: Dimension): { sql: string; params: unknown[] } {
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
    `SELECT id, url, source_id, country, lang, title, published_at, status, filter_reason, score, version, story_id,
       ${articleTimezoneSql('articles')} AS timezone
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
