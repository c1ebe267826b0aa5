import type { EnglishSource } from '../domain/english/provenance.js';
import type { Period } from '../domain/period.js';
import { searchDocument } from '../domain/search-query.js';
import type { Queryable } from './database.js';
import { searchVector } from './search-sql.js';

export type BulletinOrigin = 'imported' | 'assembled';

export interface BulletinRow {
  id: number;
  number: number;
  period_from: string;
  period_to: string;
  origin: BulletinOrigin;
  counts_line: string | null;
  topics: string | null;
  country_order: string[] | null;
}

/** An item joined with its article: the item's own text wins, the article's fills the gaps. */
export interface BulletinItemRow {
  id: number;
  article_id: number | null;
  country: string;
  position: number | null;
  title: string | null;
  body: string | null;
  url: string | null;
  /** Where the item's own title and body came from (null where the article's English is printed). */
  title_source: EnglishSource | null;
  body_source: EnglishSource | null;
  /** The article as harvested. */
  article_title: string | null;
  article_body: string | null;
  /** The article's English beside its original (review workspace), with provenance. */
  article_title_en: string | null;
  article_title_en_source: EnglishSource | null;
  article_body_en: string | null;
  article_body_en_source: EnglishSource | null;
  article_english_reviewed_by: string | null;
  article_url: string | null;
  article_lang: string | null;
  story_id: number | null;
  published_at: Date | null;
  timezone: string | null;
}

export interface NewBulletinItem {
  articleId: number | null;
  country: string;
  position: number | null;
  title: string | null;
  body: string | null;
  url: string | null;
  titleSource?: EnglishSource | null;
  bodySource?: EnglishSource | null;
}

// Dates travel as text: pg and PGlite would otherwise turn them into Dates at local midnight.
const BULLETIN_COLUMNS = `id, number, period_from::text AS period_from, period_to::text AS period_to, origin,
  counts_line, topics, country_order`;

export async function findBulletinByNumber(db: Queryable, number: number): Promise<BulletinRow | undefined> {
  const result = await db.query<BulletinRow>(`SELECT ${BULLETIN_COLUMNS} FROM bulletins WHERE number = $1`, [
    number,
  ]);
  return result.rows[0];
}

export async function findBulletinByPeriod(db: Queryable, period: Period): Promise<BulletinRow | undefined> {
  const result = await db.query<BulletinRow>(
    `SELECT ${BULLETIN_COLUMNS} FROM bulletins WHERE period_from = $1::date AND period_to = $2::date
     ORDER BY number DESC LIMIT 1`,
    [period.from, period.to],
  );
  return result.rows[0];
}

export async function nextBulletinNumber(db: Queryable): Promise<number | undefined> {
  const result = await db.query<{ next: number | null }>('SELECT max(number) + 1 AS next FROM bulletins');
  return result.rows[0]?.next ?? undefined;
}

/** Creates the bulletin, or updates the period and origin of the one with this number. */
export async function upsertBulletin(
  db: Queryable,
  bulletin: {
    number: number;
    period: Period;
    origin: BulletinOrigin;
    countsLine?: string | null;
    topics?: string | null;
  },
): Promise<BulletinRow> {
  const result = await db.query<BulletinRow>(
    `INSERT INTO bulletins (number, period_from, period_to, origin, counts_line, topics)
     VALUES ($1, $2::date, $3::date, $4, $5, $6)
     ON CONFLICT (number) DO UPDATE SET period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
       origin = EXCLUDED.origin, counts_line = EXCLUDED.counts_line, topics = EXCLUDED.topics, updated_at = now()
     RETURNING ${BULLETIN_COLUMNS}`,
    [
      bulletin.number,
      bulletin.period.from,
      bulletin.period.to,
      bulletin.origin,
      bulletin.countsLine ?? null,
      bulletin.topics ?? null,
    ],
  );
  return result.rows[0] as BulletinRow;
}

/** The analyst's wording of the opening paragraphs; null restores the generated text. */
export async function updateBulletinTexts(
  db: Queryable,
  bulletinId: number,
  texts: { countsLine?: string | null; topics?: string | null; countryOrder?: string[] | null },
): Promise<void> {
  await db.query(
    `UPDATE bulletins SET
       counts_line = CASE WHEN $2 THEN $3 ELSE counts_line END,
       topics = CASE WHEN $4 THEN $5 ELSE topics END,
       country_order = CASE WHEN $6 THEN $7::text[] ELSE country_order END,
       updated_at = now()
     WHERE id = $1`,
    [
      bulletinId,
      texts.countsLine !== undefined,
      texts.countsLine ?? null,
      texts.topics !== undefined,
      texts.topics ?? null,
      texts.countryOrder !== undefined,
      texts.countryOrder ?? null,
    ],
  );
}

export async function listBulletinItems(db: Queryable, bulletinId: number): Promise<BulletinItemRow[]> {
  const result = await db.query<BulletinItemRow>(
    `SELECT i.id, i.article_id, i.country, i.position, i.title, i.body, i.url, i.title_source, i.body_source,
            a.title AS article_title, a.body AS article_body,
            a.title_en AS article_title_en, a.title_en_source AS article_title_en_source,
            a.body_en AS article_body_en, a.body_en_source AS article_body_en_source,
            a.english_reviewed_by AS article_english_reviewed_by,
            a.url AS article_url, a.lang AS article_lang, a.story_id,
            a.published_at, coalesce(r.source_config ->> 'timezone', a.extraction ->> 'timezone') AS timezone
     FROM bulletin_items i
     LEFT JOIN articles a ON a.id = i.article_id
     LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE i.bulletin_id = $1
     ORDER BY i.id`,
    [bulletinId],
  );
  return result.rows;
}

export async function replaceBulletinItems(
  db: Queryable,
  bulletinId: number,
  items: readonly NewBulletinItem[],
): Promise<void> {
  await db.query('DELETE FROM bulletin_items WHERE bulletin_id = $1', [bulletinId]);
  await insertBulletinItems(db, bulletinId, items);
}

export async function insertBulletinItems(
  db: Queryable,
  bulletinId: number,
  items: readonly NewBulletinItem[],
): Promise<void> {
  for (const item of items) {
    await db.query(
      `INSERT INTO bulletin_items (bulletin_id, article_id, country, position, title, body, url, title_source,
         body_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        bulletinId,
        item.articleId,
        item.country,
        item.position,
        item.title,
        item.body,
        item.url,
        item.titleSource ?? (item.title === null ? null : 'analyst'),
        item.bodySource ?? (item.body === null ? null : 'analyst'),
      ],
    );
  }
}

export interface ApprovedDraft {
  id: number;
  country: string | null;
  published_at: Date | null;
  timezone: string | null;
  story_id: number | null;
  lang: string | null;
  official: boolean;
}

/** Approved drafts published in the UTC window, plus the approved ones without a date. */
export async function listApprovedDrafts(
  db: Queryable,
  window: { from: Date; to: Date },
): Promise<ApprovedDraft[]> {
  const result = await db.query<ApprovedDraft>(
    `SELECT a.id, a.country, a.published_at,
            coalesce(r.source_config ->> 'timezone', a.extraction ->> 'timezone') AS timezone, a.story_id, a.lang,
            coalesce((r.source_config ->> 'official')::boolean, false) AS official
     FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.status = 'approved' AND (a.published_at IS NULL OR a.published_at BETWEEN $1 AND $2)
     ORDER BY a.published_at, a.id`,
    [window.from.toISOString(), window.to.toISOString()],
  );
  return result.rows;
}

/**
 * Items whose story has no approved report any more (rejected again, or put back to new) leave the bulletin. An
 * item may print from another report of its story than the approved one (the analyst's pick): it stays.
 */
export async function removeUnapprovedItems(db: Queryable, bulletinId: number): Promise<number> {
  const result = await db.query(
    `DELETE FROM bulletin_items i USING articles a
     WHERE i.bulletin_id = $1 AND a.id = i.article_id AND a.status NOT IN ('approved', 'published')
       AND NOT EXISTS (SELECT 1 FROM articles m WHERE a.story_id IS NOT NULL AND m.story_id = a.story_id
                       AND m.status IN ('approved', 'published'))`,
    [bulletinId],
  );
  return result.rowCount;
}

/** The analyst's order within a country (drag and drop): the given items get positions 1…n in this order. */
export async function reorderBulletinItems(
  db: Queryable,
  bulletinId: number,
  itemIds: readonly number[],
): Promise<void> {
  for (const [index, itemId] of itemIds.entries()) {
    await db.query('UPDATE bulletin_items SET position = $3 WHERE id = $2 AND bulletin_id = $1', [
      bulletinId,
      itemId,
      index + 1,
    ]);
  }
}

/**
 * Sets what the release prints for an item: its English title and body (an analyst's, unless a provenance is
 * given), a corrected URL or country, or another report of the same story (`articleId`) to print from.
 */
export async function updateBulletinItem(
  db: Queryable,
  itemId: number,
  fields: {
    title?: string | null;
    body?: string | null;
    url?: string | null;
    country?: string;
    articleId?: number;
    titleSource?: EnglishSource | null;
    bodySource?: EnglishSource | null;
  },
): Promise<void> {
  const sourceOf = (text: string | null | undefined, source: EnglishSource | null | undefined) =>
    text === null || text === undefined ? null : (source ?? 'analyst');
  await db.query(
    `UPDATE bulletin_items SET
       title = CASE WHEN $2 THEN $3 ELSE title END,
       title_source = CASE WHEN $2 THEN $4 ELSE title_source END,
       body = CASE WHEN $5 THEN $6 ELSE body END,
       body_source = CASE WHEN $5 THEN $7 ELSE body_source END,
       url = CASE WHEN $8 THEN $9 ELSE url END,
       country = coalesce($10, country),
       article_id = coalesce($11, article_id)
     WHERE id = $1`,
    [
      itemId,
      fields.title !== undefined,
      fields.title ?? null,
      sourceOf(fields.title, fields.titleSource),
      fields.body !== undefined,
      fields.body ?? null,
      sourceOf(fields.body, fields.bodySource),
      fields.url !== undefined,
      fields.url ?? null,
      fields.country ?? null,
      fields.articleId ?? null,
    ],
  );
}

export interface StoryReport {
  id: number;
  source_id: string;
  url: string;
  lang: string | null;
  title: string | null;
  title_en: string | null;
  status: string;
  official: boolean;
}

/** The reports of a story an item can print from (not rejected), official and English ones first. */
export async function listStoryReports(db: Queryable, storyId: number): Promise<StoryReport[]> {
  const result = await db.query<StoryReport>(
    `SELECT a.id, a.source_id, a.url, a.lang, a.title, a.title_en, a.status,
            coalesce((r.source_config ->> 'official')::boolean, false) AS official
     FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.story_id = $1 AND a.status IN ('new', 'approved', 'published', 'covered')
     ORDER BY official DESC, (a.lang = 'eng') DESC, a.published_at NULLS LAST, a.id`,
    [storyId],
  );
  return result.rows;
}

/**
 * Records an item of a published release as an article: a harvested article with this canonical URL is
 * marked published, otherwise a published article is created. Either way the URL is known from then on, so
 * crawls skip it and it is never proposed as a draft again.
 */
export async function recordPublishedArticle(
  db: Queryable,
  article: {
    sourceId: string;
    url: string;
    canonicalUrl: string;
    title: string;
    body: string;
    country: string;
    publishedAt: string | null;
  },
): Promise<{ id: number; created: boolean }> {
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO articles (source_id, url, canonical_url, title, body, published_at, country, lang, status,
       processed_at, search_vector)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'eng', 'published', now(), ${searchVector('$8')})
     ON CONFLICT (canonical_url) DO NOTHING RETURNING id`,
    [
      article.sourceId,
      article.url,
      article.canonicalUrl,
      article.title,
      article.body,
      article.publishedAt,
      article.country,
      searchDocument(article.title, article.body),
    ],
  );
  const row = inserted.rows[0];
  if (row) return { id: row.id, created: true };
  const existing = await db.query<{ id: number }>(
    `UPDATE articles SET status = 'published', updated_at = now() WHERE canonical_url = $1 RETURNING id`,
    [article.canonicalUrl],
  );
  return { id: (existing.rows[0] as { id: number }).id, created: false };
}

export interface BulletinSummary extends BulletinRow {
  /** Stored items per country code (or 'other'). */
  counts: Record<string, number>;
}

/** Every bulletin, newest number first, with its stored items counted per country. */
export async function listBulletinSummaries(db: Queryable): Promise<BulletinSummary[]> {
  const result = await db.query<BulletinSummary>(
    `SELECT ${BULLETIN_COLUMNS},
       coalesce((SELECT json_object_agg(per.country, per.items) FROM (
         SELECT country, count(*)::int AS items FROM bulletin_items
         WHERE bulletin_id = bulletins.id GROUP BY country) per), '{}'::json) AS counts
     FROM bulletins ORDER BY number DESC`,
  );
  return result.rows;
}

/** Items per country of the latest bulletin whose period ended before `day`; undefined without one. */
export async function countItemsOfBulletinBefore(
  db: Queryable,
  day: string,
): Promise<Map<string, number> | undefined> {
  const result = await db.query<{ country: string | null; items: number }>(
    `SELECT i.country, count(i.id)::int AS items
     FROM (SELECT id FROM bulletins WHERE period_to < $1::date ORDER BY period_to DESC, number DESC LIMIT 1) b
     LEFT JOIN bulletin_items i ON i.bulletin_id = b.id
     GROUP BY i.country`,
    [day],
  );
  if (result.rows.length === 0) return undefined;
  return new Map(result.rows.flatMap((row) => (row.country === null ? [] : [[row.country, row.items]])));
}
