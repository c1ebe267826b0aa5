import { choosePrimary, type StoryCandidate, type StoryMember } from '../domain/stories.js';
import { chooseEnglishReport, type StoryReportMember } from '../domain/story-english.js';
import { factsFromKeys } from '../domain/story-keys.js';
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

export interface DraftQuery {
  articleId: number;
  simhash: bigint;
  /** `simhashBandQueryKeys`: its bands in the periods of the near-duplicate window, the index condition. */
  bandQueryKeys: readonly number[];
  numericFactKeys: readonly string[];
  /** `datedFactQueryKeys`: the numeric facts on the days of the window, the index condition. */
  datedFactQueryKeys: readonly string[];
  publishedAt: Date | null;
}

/**
 * For each draft, the story members that may report the same event: near duplicates published within the
 * near-duplicate window (a shared SimHash band in a period of the window finds them through the index, the
 * Hamming distance keeps the true ones), and members sharing a number or date published within the story window
 * (the index finds the members that share one on a day of the window, or undated; the exact window is checked
 * after; an undated draft looks over the weeks before it was found). Ranked as `chooseStory` ranks matches: the smallest distance, then the most
 * shared facts.
 */
export async function findStoryCandidatesOfDrafts(
  tx: Queryable,
  drafts: readonly DraftQuery[],
  limits: { maxDistance: number; windowDays: number },
): Promise<Map<number, StoryCandidate[]>> {
  const byDraft = new Map<number, StoryCandidate[]>(drafts.map((draft) => [draft.articleId, []]));
  if (drafts.length === 0) return byDraft;
  const result = await tx.query<{
    draft_id: number;
    id: number;
    story_id: number;
    simhash: string | null;
    story_facts: string[] | null;
    published_at: Date | null;
  }>(
    `SELECT d.article_id AS draft_id, c.id, c.story_id, c.simhash::text AS simhash, c.story_facts, c.published_at
     FROM jsonb_to_recordset($1::jsonb)
            AS d (article_id bigint, simhash bigint, bands integer[], facts text[], fact_days text[],
                  published_at timestamptz)
     CROSS JOIN LATERAL (
       SELECT id, story_id, simhash, story_facts, published_at, distance FROM (
         -- Near duplicates: the distance from the band keys' index (story_band_keys, migration 023), then only
         -- the members within it read from articles.
         SELECT a.id, a.story_id, a.simhash, a.story_facts, a.published_at, near.distance
         FROM (SELECT DISTINCT k.article_id, bit_count((k.simhash # d.simhash)::bit(64)) AS distance
               FROM story_band_keys AS k
               WHERE k.band_key = ANY (d.bands) AND k.article_id <> d.article_id) AS near
         JOIN articles AS a ON a.id = near.article_id
         WHERE near.distance <= $2 AND a.story_id IS NOT NULL
         UNION
         SELECT id, story_id, simhash, story_facts, published_at,
                bit_count((simhash # d.simhash)::bit(64)) AS distance
         FROM articles
         WHERE story_id IS NOT NULL AND id <> d.article_id
           AND story_fact_days && d.fact_days
           AND coalesce(abs(extract(epoch FROM published_at - d.published_at)) <= $3 * 86400, true)
       ) AS found
       WHERE distance <= $2 OR story_facts && d.facts
       ORDER BY CASE WHEN distance <= $2 THEN distance
                     ELSE 100 - cardinality(ARRAY(SELECT unnest(story_facts) INTERSECT SELECT unnest(d.facts)))
                END, id DESC
       LIMIT $4
     ) AS c`,
    [
      JSON.stringify(
        drafts.map((draft) => ({
          article_id: draft.articleId,
          simhash: BigInt.asIntN(64, draft.simhash).toString(),
          bands: draft.bandQueryKeys,
          facts: draft.numericFactKeys,
          fact_days: draft.datedFactQueryKeys,
          published_at: draft.publishedAt,
        })),
      ),
      limits.maxDistance,
      limits.windowDays,
      MAX_CANDIDATES,
    ],
  );
  for (const row of result.rows) {
    byDraft.get(Number(row.draft_id))?.push({
      articleId: row.id,
      storyId: row.story_id,
      evidence: {
        // Stored as a signed bigint (see saveAnalyses in src/db/pipeline-repo.ts); read back as text so no driver rounds it.
        simhash: row.simhash === null ? null : BigInt.asUintN(64, BigInt(row.simhash)),
        facts: factsFromKeys(row.story_facts ?? []),
        publishedAt: row.published_at,
      },
    });
  }
  return byDraft;
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
  /** `datedFactKeys` of the member: what the candidate lookup finds it by. */
  datedFactKeys: readonly string[] | null;
}

/** Opens one story per article, each article its first member and primary item; story ids in the same order. */
export async function createStories(tx: Queryable, firstArticleIds: readonly number[]): Promise<number[]> {
  if (firstArticleIds.length === 0) return [];
  const result = await tx.query<{ id: number; primary_article_id: number }>(
    'INSERT INTO stories (primary_article_id) SELECT unnest($1::bigint[]) RETURNING id, primary_article_id',
    [firstArticleIds],
  );
  const storyOf = new Map(result.rows.map((row) => [Number(row.primary_article_id), row.id]));
  return firstArticleIds.map((articleId) => storyOf.get(articleId)!);
}

export async function createStory(tx: Queryable, articleId: number): Promise<number> {
  const [storyId] = await createStories(tx, [articleId]);
  return storyId!;
}

/** The stories these articles belong to (articles outside any story are left out). */
export async function storiesOfArticles(
  tx: Queryable,
  articleIds: readonly number[],
): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const result = await tx.query<{ id: number; story_id: number }>(
    'SELECT id, story_id FROM articles WHERE id = ANY($1::bigint[]) AND story_id IS NOT NULL',
    [articleIds],
  );
  return new Map(result.rows.map((row) => [Number(row.id), Number(row.story_id)]));
}

/** Members with what choosing the primary item needs: official comes from the source configuration of the run. */
export async function listMembersOfStories(
  tx: Queryable,
  storyIds: readonly number[],
): Promise<Map<number, StoryMember[]>> {
  const byStory = new Map<number, StoryMember[]>(storyIds.map((storyId) => [storyId, []]));
  if (storyIds.length === 0) return byStory;
  const result = await tx.query<{
    story_id: number;
    id: number;
    official: boolean;
    published_at: Date | null;
  }>(
    `SELECT a.story_id, a.id, coalesce(r.source_config -> 'official' = 'true'::jsonb, false) AS official,
       a.published_at
     FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.story_id = ANY($1::bigint[])`,
    [storyIds],
  );
  for (const row of result.rows) {
    byStory
      .get(Number(row.story_id))
      ?.push({ id: Number(row.id), official: row.official, publishedAt: row.published_at });
  }
  return byStory;
}

export async function listStoryMembers(tx: Queryable, storyId: number): Promise<StoryMember[]> {
  return (await listMembersOfStories(tx, [storyId])).get(storyId) ?? [];
}

export async function setStoryPrimary(tx: Queryable, storyId: number, articleId: number): Promise<void> {
  await tx.query('UPDATE stories SET primary_article_id = $2, updated_at = now() WHERE id = $1', [
    storyId,
    articleId,
  ]);
}

/**
 * The one story refresh, after members joined or left (the pipeline's placements, an analyst's moves): each
 * story's primary item is chosen again (`choosePrimary`); a story left without members is removed.
 */
export async function refreshStories(tx: Queryable, storyIds: readonly number[]): Promise<void> {
  for (const [storyId, members] of await listMembersOfStories(tx, [...new Set(storyIds)])) {
    const primary = choosePrimary(members);
    if (primary === undefined) await tx.query('DELETE FROM stories WHERE id = $1', [storyId]);
    else await setStoryPrimary(tx, storyId, primary);
  }
}

/** A story's English report: the text an item's English title and body default to (issue 13, `english-report`). */
export interface EnglishReport {
  storyId: number;
  id: number;
  sourceId: string;
  url: string;
  title: string | null;
  body: string | null;
}

/**
 * The English report of each of these stories that has one (`chooseEnglishReport`: not rejected, approved
 * first, official first, earliest first), by story id. Reads only the stories' English members (`lang = 'eng'`, as
 * detected), through the index on `story_id`.
 */
export async function findEnglishReports(
  tx: Queryable,
  storyIds: readonly number[],
): Promise<Map<number, EnglishReport>> {
  if (storyIds.length === 0) return new Map();
  const result = await tx.query<{
    story_id: number;
    id: number;
    source_id: string;
    url: string;
    title: string | null;
    body: string | null;
    lang: string | null;
    status: string;
    official: boolean;
    published_at: Date | null;
  }>(
    `SELECT a.story_id, a.id, a.source_id, a.url, a.title, a.body, a.lang, a.status, a.published_at,
       coalesce(r.source_config -> 'official' = 'true'::jsonb, false) AS official
     FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id
     WHERE a.story_id = ANY($1::bigint[]) AND a.lang = 'eng'`,
    [storyIds],
  );
  const byStory = new Map<number, Array<(typeof result.rows)[number]>>();
  for (const row of result.rows) {
    const storyId = Number(row.story_id);
    byStory.set(storyId, [...(byStory.get(storyId) ?? []), row]);
  }
  const reports = new Map<number, EnglishReport>();
  for (const [storyId, rows] of byStory) {
    const members: StoryReportMember[] = rows.map((row) => ({
      id: Number(row.id),
      lang: row.lang,
      official: row.official,
      status: row.status,
      publishedAt: row.published_at,
    }));
    const chosen = rows.find((row) => Number(row.id) === chooseEnglishReport(members));
    if (chosen) {
      reports.set(storyId, {
        storyId,
        id: Number(chosen.id),
        sourceId: chosen.source_id,
        url: chosen.url,
        title: chosen.title,
        body: chosen.body,
      });
    }
  }
  return reports;
}

/** The English report of one story, or undefined when none of its members is in English. */
export async function findEnglishReport(tx: Queryable, storyId: number): Promise<EnglishReport | undefined> {
  return (await findEnglishReports(tx, [storyId])).get(storyId);
}
