import type { ArticleVerdict } from '../domain/analyze-article.js';
import type { Decided } from '../domain/decide-duplicates.js';
import { searchDocument } from '../domain/search-query.js';
import type { LockedArticle } from './articles-repo.js';
import type { Queryable } from './database.js';
import { searchVector } from './search-sql.js';
import type { StoryMembership } from './stories-repo.js';

/**
 * The pipeline's reads and writes of the articles it processes (src/workers/process-article.ts, the embedded
 * sweep in src/workers/pending-sweep.ts): each article with its run's source configuration and reference time.
 */

export type DecidedArticle = Decided<LockedArticle, ArticleVerdict>;

const ARTICLE_WITH_RUN =
  'SELECT a.*, r.source_config, r.reference_time FROM articles a LEFT JOIN crawl_runs r ON r.id = a.run_id';

/** The rows of `$1`, locked in id order (the same order in every transaction: no deadlock between batches). */
const LOCKED_ROWS = 'WHERE a.id = ANY($1::bigint[]) ORDER BY a.id FOR UPDATE OF a';

/**
 * Locks the articles and reads them. Rows the caller read before (the embedded sweep reads a batch to analyse it
 * ahead) are not read again when their version is unchanged: only their status and version are.
 */
export async function lockArticles(
  tx: Queryable,
  ids: readonly number[],
  known: ReadonlyMap<number, LockedArticle>,
): Promise<LockedArticle[]> {
  if (!ids.every((id) => known.has(id))) {
    return (await tx.query<LockedArticle>(`${ARTICLE_WITH_RUN} ${LOCKED_ROWS}`, [ids])).rows;
  }
  const states = await tx.query<Pick<LockedArticle, 'id' | 'status' | 'version'>>(
    `SELECT a.id, a.status, a.version FROM articles a ${LOCKED_ROWS}`,
    [ids],
  );
  const changed = states.rows
    .filter((row) => known.get(row.id)?.version !== row.version)
    .map((row) => row.id);
  const reread = changed.length
    ? new Map(
        (await tx.query<LockedArticle>(`${ARTICLE_WITH_RUN} ${LOCKED_ROWS}`, [changed])).rows.map((row) => [
          row.id,
          row,
        ]),
      )
    : new Map<number, LockedArticle>();
  return states.rows.map((row) => reread.get(row.id) ?? { ...known.get(row.id)!, status: row.status });
}

/** Originals already stored for these hashes (the articles being processed have no hash yet). */
export async function findOriginals(tx: Queryable, hashes: readonly string[]): Promise<Map<string, number>> {
  const result = await tx.query<{ content_hash: string; id: number }>(
    `SELECT DISTINCT ON (content_hash) content_hash, id FROM articles
     WHERE content_hash = ANY($1::text[]) AND duplicate_of IS NULL ORDER BY content_hash, id`,
    [hashes],
  );
  return new Map(result.rows.map((row) => [row.content_hash, row.id]));
}

/**
 * One multi-row UPDATE for the whole batch: the analysis (seizure facts included), the search vector, the fate and,
 * for the articles that join a story, the membership, so that each article is written once (every version of a
 * row costs its index entries, full text included).
 */
export async function saveAnalyses(
  tx: Queryable,
  decided: readonly DecidedArticle[],
  memberships: ReadonlyMap<number, StoryMembership>,
): Promise<void> {
  if (decided.length === 0) return;
  const fateOf = (item: DecidedArticle) =>
    item.duplicateOf !== null ? { status: 'filtered', reason: 'duplicate' } : item.verdict.fate;
  const membershipOf = (item: DecidedArticle) => memberships.get(item.article.id);
  await tx.query(
    `UPDATE articles a SET lang = v.lang, script = v.script, country = v.country, score = v.score,
       matched = v.matched, content_hash = v.content_hash, simhash = v.simhash, status = v.status,
       filter_reason = v.filter_reason, duplicate_of = v.duplicate_of,
       story_id = coalesce(v.story_id, a.story_id), story_evidence = coalesce(v.story_evidence, a.story_evidence),
       simhash_bands = coalesce(v.simhash_bands, a.simhash_bands), story_facts = coalesce(v.story_facts, a.story_facts),
       story_fact_days = coalesce(v.story_fact_days, a.story_fact_days), facts = v.facts,
       search_vector = ${searchVector('v.search_text')},
       processed_at = now(), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS v (
       id bigint, lang text, script text, country text, score real, matched jsonb, content_hash text, simhash bigint,
       status text, filter_reason text, duplicate_of bigint, story_id bigint, story_evidence jsonb,
       simhash_bands integer[], story_facts text[], story_fact_days text[], facts jsonb, search_text text)
     WHERE a.id = v.id`,
    [
      JSON.stringify(
        decided.map((item) => ({
          id: item.article.id,
          lang: item.verdict.language.lang,
          script: item.verdict.language.script,
          country: item.verdict.country,
          score: item.verdict.relevance.score,
          matched: item.verdict.relevance.matched,
          content_hash: item.verdict.contentHash,
          // Signed, as Postgres keeps a bigint; as text, so that JSON does not round it.
          simhash: item.verdict.simhash === null ? null : BigInt.asIntN(64, item.verdict.simhash).toString(),
          status: fateOf(item).status,
          filter_reason: fateOf(item).reason,
          duplicate_of: item.duplicateOf,
          story_id: membershipOf(item)?.storyId ?? null,
          story_evidence: membershipOf(item)?.evidence ?? null,
          simhash_bands: membershipOf(item)?.bandKeys ?? null,
          story_facts: membershipOf(item)?.factKeys ?? null,
          story_fact_days: membershipOf(item)?.datedFactKeys ?? null,
          facts: item.verdict.facts,
          search_text: searchDocument(item.article.title, item.article.body),
        })),
      ),
    ],
  );
}

/** The articles of `ids` still pending, read without locking (analysed before their batch is locked). */
export async function readPendingArticles(db: Queryable, ids: readonly number[]): Promise<LockedArticle[]> {
  const rows = await db.query<LockedArticle>(
    `${ARTICLE_WITH_RUN} WHERE a.id = ANY($1::bigint[]) AND a.status = 'pending'`,
    [ids],
  );
  return rows.rows;
}

/** Which pending articles a sweep takes. */
export interface PendingFilter {
  runIds?: readonly number[] | undefined;
  /**
   * Only articles nobody is going to process: of finished runs, or stored outside a run, at least this many
   * seconds ago (the process that stored them sweeps them itself right after).
   */
  strandedForSecs?: number | undefined;
  batchSize?: number | undefined;
}

/** The next pending articles, read without locking: their analysis may start before their batch is locked. */
export async function readPendingAfter(
  db: Queryable,
  afterId: number,
  options: PendingFilter,
): Promise<LockedArticle[]> {
  const result = await db.query<LockedArticle>(
    `${ARTICLE_WITH_RUN}
     WHERE a.status = 'pending' AND a.id > $1 AND ($2::bigint[] IS NULL OR a.run_id = ANY($2::bigint[]))
       AND ($4::int IS NULL
            OR (r.id IS NULL AND a.created_at <= now() - make_interval(secs => $4))
            OR (r.status IN ('succeeded', 'failed') AND r.finished_at <= now() - make_interval(secs => $4)))
     ORDER BY a.id LIMIT $3`,
    [afterId, options.runIds ?? null, options.batchSize ?? 200, options.strandedForSecs ?? null],
  );
  return result.rows;
}
