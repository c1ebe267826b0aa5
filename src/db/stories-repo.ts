import { factsFromKeys, type StoryCandidate, type StoryMember } from '../domain/stories.js';
import type { Queryable } from './database.js';

// Any constant works; it only has to be the same for every process that assigns stories.
const STORY_LOCK_KEY = 4_870_004;
/** Enough for a busy day in one city; the closest candidates come first. */
const MAX_CANDIDATES = 200;

/**
 * Serialises story assignment until the transaction ends: two copies of one release processed at the same moment
 * by two workers would otherwise each open a story of their own.
 */
export async function lockStories(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [STORY_LOCK_KEY]);
}

export interface CandidateQuery {
  articleId: number;
  simhash: bigint;
  /** Members this close in fingerprint are near duplicates whatever their facts or dates. */
  maxDistance: number;
  bandKeys: readonly number[];
  numericFactKeys: readonly string[];
  publishedAt: Date | null;
  windowDays: number;
}

/**
 * Story members that may report the same event: near duplicates (a shared SimHash band finds them through the
 * index, the Hamming distance keeps the true ones: one shared band is chance for about 3% of all members), and
 * members sharing a number or date published within the window (index lookup, then the window). Ranked as
 * `chooseStory` ranks matches: the smallest distance, then the most shared facts.
 */
export async function findStoryCandidates(tx: Queryable, query: CandidateQuery): Promise<StoryCandidate[]> {
  const result = await tx.query<{
    id: number;
    story_id: number;
    simhash: string | null;
    story_facts: string[] | null;
    published_at: Date | null;
  }>(
    `WITH candidates AS (
       SELECT id, story_id, simhash, story_facts, published_at,
              bit_count((simhash # $3::bigint)::bit(64)) AS distance
       FROM articles
       WHERE story_id IS NOT NULL AND id <> $1
         AND (simhash_bands && $2::integer[]
              OR (story_facts && $5::text[]
                  AND ($6::timestamptz IS NULL OR published_at IS NULL
                       OR published_at BETWEEN $6::timestamptz - make_interval(days => $7)
                                           AND $6::timestamptz + make_interval(days => $7)))))
     SELECT id, story_id, simhash::text AS simhash, story_facts, published_at FROM candidates
     WHERE distance <= $4 OR story_facts && $5::text[]
     ORDER BY CASE WHEN distance <= $4 THEN distance
                   ELSE 100 - cardinality(ARRAY(SELECT unnest(story_facts) INTERSECT SELECT unnest($5::text[])))
              END, id DESC
     LIMIT $8`,
    [
      query.articleId,
      query.bandKeys,
      BigInt.asIntN(64, query.simhash).toString(),
      query.maxDistance,
      query.numericFactKeys,
      query.publishedAt,
      query.windowDays,
      MAX_CANDIDATES,
    ],
  );
  return result.rows.map((row) => ({
    articleId: row.id,
    storyId: row.story_id,
    evidence: {
      // Stored as a signed bigint (see saveAnalysis); read back as text so no driver rounds it.
      simhash: row.simhash === null ? null : BigInt.asUintN(64, BigInt(row.simhash)),
      facts: factsFromKeys(row.story_facts ?? []),
      publishedAt: row.published_at,
    },
  }));
}

/** Why an article is in its story, stored with it: `with` is the member it matched. */
export type StoryEvidenceRecord =
  | { rule: 'first' }
  | { rule: 'exact_duplicate'; with: number }
  | { rule: 'near_duplicate'; with: number; distance: number }
  | { rule: 'shared_facts'; with: number; shared: string[] };

export interface StoryMembership {
  articleId: number;
  storyId: number;
  evidence: StoryEvidenceRecord;
  /** Null for members that are never candidates themselves (exact duplicates: their original is). */
  bandKeys: readonly number[] | null;
  factKeys: readonly string[] | null;
}

/** Opens a story with the article as its first member and primary item; returns the story id. */
export async function createStory(tx: Queryable, articleId: number): Promise<number> {
  const result = await tx.query<{ id: number }>(
    'INSERT INTO stories (primary_article_id) VALUES ($1) RETURNING id',
    [articleId],
  );
  return result.rows[0]!.id;
}

export async function saveStoryMembership(tx: Queryable, membership: StoryMembership): Promise<void> {
  await tx.query(
    `UPDATE articles SET story_id = $2, story_evidence = $3, simhash_bands = $4, story_facts = $5, updated_at = now()
     WHERE id = $1`,
    [
      membership.articleId,
      membership.storyId,
      JSON.stringify(membership.evidence),
      membership.bandKeys,
      membership.factKeys,
    ],
  );
}

export async function storyOfArticle(tx: Queryable, articleId: number): Promise<number | undefined> {
  const result = await tx.query<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = $1', [
    articleId,
  ]);
  return result.rows[0]?.story_id ?? undefined;
}

/** Members with what choosing the primary item needs: official comes from the source configuration of the run. */
export async function listStoryMembers(tx: Queryable, storyId: number): Promise<StoryMember[]> {
  const result = await tx.query<{ id: number; official: boolean; published_at: Date | null }>(
    `SELECT a.id, coalesce(r.source_config -> 'official' = 'true'::jsonb, false) AS official, a.published_at
     FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.story_id = $1`,
    [storyId],
  );
  return result.rows.map((row) => ({ id: row.id, official: row.official, publishedAt: row.published_at }));
}

export async function setStoryPrimary(tx: Queryable, storyId: number, articleId: number): Promise<void> {
  await tx.query('UPDATE stories SET primary_article_id = $2, updated_at = now() WHERE id = $1', [
    storyId,
    articleId,
  ]);
}
