import type { EnglishCandidate } from '../domain/english/default-english.js';
import type { EnglishSource } from '../domain/english/provenance.js';
import type { MatchedTerm } from '../domain/types.js';
import { articleTimezoneSql } from './article-zone-sql.js';
import type { ArticleStatus } from './articles-repo.js';
import { type Actor, writeAudit } from './audit-repo.js';
import type { Database, Queryable } from './database.js';
import type { QueueItem } from './queue-repo.js';

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
  /** Seizure facts as stored (`articles.facts`, see src/domain/seizure-facts.ts); null when none. */
  facts: unknown;
  /** The report whose decision covers this one (status `covered`). */
  covered_by: number | null;
  /** Who added it by hand (by URL, or pasted), null for harvested items. */
  added_by: string | null;
  /** Pasted by an analyst (a page the server cannot fetch): title, text and date are theirs. */
  pasted: boolean;
}

const ITEM_COLUMNS = `a.id, a.url, a.canonical_url, a.source_id, a.country, a.lang, a.title, a.body, a.published_at,
  a.status, a.filter_reason, a.score, a.matched, a.duplicate_of, a.version, a.reject_reason,
  a.title_en, a.title_en_source, a.body_en, a.body_en_source, a.english_url, a.english_reviewed_by,
  a.english_reviewed_at,
  a.reviewed_by, a.reviewed_at, a.created_at, a.story_id, a.facts, a.covered_by,
  ${articleTimezoneSql('a')} AS timezone, a.extraction ->> 'addedBy' AS added_by,
  coalesce(a.extraction ->> 'manual' = 'pasted', false) AS pasted,
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
  country: string | null;
  title: string | null;
  published_at: Date | null;
  timezone: string | null;
  status: ArticleStatus;
  covered_by: number | null;
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
    `SELECT id, source_id, url, lang, country, title, published_at, ${articleTimezoneSql('articles')} AS timezone,
       status, covered_by
     FROM articles WHERE story_id = $1 AND id <> $2 ORDER BY published_at NULLS LAST, id`,
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
  /** `covered`: the other reports of its story the decision covered. */
  | { kind: 'ok'; item: ReviewItem; covered?: readonly number[] }
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

export async function lockItem(tx: Queryable, id: number): Promise<ReviewItem | undefined> {
  const result = await tx.query<ReviewItem>(
    `SELECT ${ITEM_COLUMNS} FROM articles a WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  return result.rows[0];
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
    // A translation the analyst asked for is still machine text: it waits for their review like a suggestion.
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
export async function writeEnglish(
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

/** How many reports the decision on this one covers. */
export async function countCoveredBy(db: Queryable, id: number): Promise<number> {
  const result = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM articles WHERE covered_by = $1 AND status = 'covered'`,
    [id],
  );
  return result.rows[0]?.n ?? 0;
}
