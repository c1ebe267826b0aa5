import type { ArticleStatus } from '../domain/review-states.js';
import type { FilterReason, MatchedTerm } from '../domain/types.js';
import type { Queryable } from './database.js';
import { searchCondition } from './search-sql.js';

export type { ArticleStatus };

export interface CandidateArticle {
  sourceId: string;
  runId: number | null;
  url: string;
  canonicalUrl: string;
  title: string | null;
  body: string | null;
  publishedAt: string | null;
  extraction: Record<string, unknown>;
  page?: { html: string; httpStatus: number | null; contentType: string | null } | undefined;
}

export interface ArticleRow {
  id: number;
  source_id: string;
  run_id: number | null;
  url: string;
  canonical_url: string;
  title: string | null;
  body: string | null;
  published_at: Date | null;
  extraction: Record<string, unknown>;
  lang: string | null;
  script: string | null;
  country: string | null;
  score: number | null;
  matched: MatchedTerm[];
  content_hash: string | null;
  status: ArticleStatus;
  filter_reason: FilterReason | null;
  duplicate_of: number | null;
  version: number;
  created_at: Date;
}

/** Which of these canonical URLs are not stored yet: a crawl fetches only those. */
export async function filterUnknownUrls(
  db: Queryable,
  canonicalUrls: readonly string[],
): Promise<Set<string>> {
  if (canonicalUrls.length === 0) return new Set();
  const known = await db.query<{ canonical_url: string }>(
    'SELECT canonical_url FROM articles WHERE canonical_url = ANY($1::text[])',
    [canonicalUrls],
  );
  const knownSet = new Set(known.rows.map((row) => row.canonical_url));
  return new Set(canonicalUrls.filter((url) => !knownSet.has(url)));
}

/**
 * Stores a candidate before anything is queued for it. The unique canonical URL makes a second
 * delivery of the same candidate a no-op: `inserted` is then false and `id` is the existing row's.
 */
export async function insertCandidate(
  db: Queryable,
  candidate: CandidateArticle,
): Promise<{ id: number; inserted: boolean }> {
  const [stored] = await insertCandidates(db, [candidate]);
  return stored!;
}

/**
 * Stores candidates, each with its page, in one statement: one round trip and one commit for the lot, and
 * an article is never stored without its page. Answers each candidate in order, as insertCandidate does;
 * of several candidates with one canonical URL, the first is stored.
 */
export async function insertCandidates(
  db: Queryable,
  candidates: readonly CandidateArticle[],
): Promise<Array<{ id: number; inserted: boolean }>> {
  if (candidates.length === 0) return [];
  const column = <T>(read: (candidate: CandidateArticle) => T) => candidates.map(read);
  const inserted = await db.query<{ id: number; canonical_url: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::timestamptz[], $8::jsonb[], $9::text[], $10::int[], $11::text[])
         WITH ORDINALITY AS t (source_id, run_id, url, canonical_url, title, body, published_at, extraction,
                               html, http_status, content_type, position)
     ), stored AS (
       INSERT INTO articles (source_id, run_id, url, canonical_url, title, body, published_at, extraction)
       SELECT source_id, run_id, url, canonical_url, title, body, published_at, extraction
       FROM input ORDER BY position
       ON CONFLICT (canonical_url) DO NOTHING
       RETURNING id, canonical_url
     ), pages AS (
       INSERT INTO article_pages (article_id, html, http_status, content_type)
       SELECT DISTINCT ON (stored.id) stored.id, input.html, input.http_status, input.content_type
       FROM stored JOIN input USING (canonical_url)
       WHERE input.html IS NOT NULL
       ORDER BY stored.id, input.position
     )
     SELECT id, canonical_url FROM stored`,
    [
      column((c) => c.sourceId),
      column((c) => c.runId),
      column((c) => c.url),
      column((c) => c.canonicalUrl),
      column((c) => c.title),
      column((c) => c.body),
      column((c) => c.publishedAt),
      column((c) => JSON.stringify(c.extraction)),
      column((c) => c.page?.html ?? null),
      column((c) => c.page?.httpStatus ?? null),
      column((c) => c.page?.contentType ?? null),
    ],
  );
  const newIds = new Map(inserted.rows.map((row) => [row.canonical_url, row.id]));
  const existingIds = await existingIdsOf(
    db,
    candidates.map((c) => c.canonicalUrl).filter((url) => !newIds.has(url)),
  );
  return candidates.map(({ canonicalUrl }) => {
    const id = newIds.get(canonicalUrl);
    if (id === undefined) return { id: existingIds.get(canonicalUrl)!, inserted: false };
    // A later candidate with the same canonical URL is a second delivery of the first.
    newIds.delete(canonicalUrl);
    existingIds.set(canonicalUrl, id);
    return { id, inserted: true };
  });
}

async function existingIdsOf(db: Queryable, canonicalUrls: readonly string[]): Promise<Map<string, number>> {
  if (canonicalUrls.length === 0) return new Map();
  const existing = await db.query<{ id: number; canonical_url: string }>(
    'SELECT id, canonical_url FROM articles WHERE canonical_url = ANY($1::text[])',
    [canonicalUrls],
  );
  return new Map(existing.rows.map((row) => [row.canonical_url, row.id]));
}

export type LockedArticle = ArticleRow & { source_config: unknown; reference_time: Date | null };

export async function listPendingIds(
  db: Queryable,
  options: {
    olderThanSecs?: number;
    runIds?: readonly number[] | undefined;
    afterId?: number;
    limit?: number;
  } = {},
): Promise<number[]> {
  const result = await db.query<{ id: number }>(
    `SELECT id FROM articles
     WHERE status = 'pending'
       AND created_at <= now() - make_interval(secs => $1)
       AND ($2::bigint[] IS NULL OR run_id = ANY($2::bigint[]))
       AND id > $3
     ORDER BY id LIMIT $4`,
    [options.olderThanSecs ?? 0, options.runIds ?? null, options.afterId ?? 0, options.limit ?? 1000],
  );
  return result.rows.map((row) => row.id);
}

export interface DraftFilters {
  status?: ArticleStatus | undefined;
  country?: string | undefined;
  limit?: number | undefined;
  /** Words of the title or body, as a tsquery built by `buildSearchQuery`; only processed articles are searched. */
  search?: string | undefined;
}

export interface DraftListItem {
  id: number;
  canonical_url: string;
  url: string;
  source_id: string;
  country: string | null;
  lang: string | null;
  title: string | null;
  published_at: Date | null;
  status: ArticleStatus;
  filter_reason: FilterReason | null;
  duplicate_of: number | null;
  score: number | null;
  matched: MatchedTerm[];
  story_id: number | null;
  /** How many sources reported the story (members of it, exact duplicates included); null outside stories. */
  story_size: number | null;
  story_primary_id: number | null;
}

export async function listDrafts(db: Queryable, filters: DraftFilters): Promise<DraftListItem[]> {
  const result = await db.query<DraftListItem>(
    `SELECT id, canonical_url, url, source_id, country, lang, title, published_at, status, filter_reason,
            duplicate_of, score, matched, story_id,
            nullif((SELECT count(DISTINCT m.source_id)::int FROM articles m WHERE m.story_id = articles.story_id), 0)
              AS story_size,
            (SELECT s.primary_article_id FROM stories s WHERE s.id = articles.story_id) AS story_primary_id
     FROM articles
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR country = $2)
       ${filters.search ? `AND ${searchCondition('$4')}` : ''}
     ORDER BY published_at DESC NULLS LAST, id DESC
     LIMIT $3`,
    [
      filters.status ?? null,
      filters.country ?? null,
      filters.limit ?? 10_000,
      ...(filters.search ? [filters.search] : []),
    ],
  );
  return result.rows;
}

export interface FateCount {
  source_id: string;
  country: string | null;
  status: ArticleStatus;
  filter_reason: string | null;
  n: number;
}

/** Article fates of the given runs, counted per source, country, status and reason. */
export async function countFatesOfRuns(db: Queryable, runIds: readonly number[]): Promise<FateCount[]> {
  const result = await db.query<FateCount>(
    `SELECT source_id, country, status, filter_reason, count(*)::int AS n
     FROM articles WHERE run_id = ANY($1::bigint[])
     GROUP BY source_id, country, status, filter_reason`,
    [runIds],
  );
  return result.rows;
}
