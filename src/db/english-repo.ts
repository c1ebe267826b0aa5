import type { Queryable } from './database.js';

export interface StoryEnglishReport {
  id: number;
  source_id: string;
  url: string;
  title: string | null;
  body: string | null;
}

/**
 * The English report of an article's story other than the article itself: an official source's first, then the
 * earliest published. Rejected reports are left out (the analyst judged them wrong).
 */
export async function findStoryEnglishReport(
  db: Queryable,
  articleId: number,
): Promise<StoryEnglishReport | undefined> {
  const result = await db.query<StoryEnglishReport>(
    `SELECT e.id, e.source_id, e.url, e.title, e.body
     FROM articles a
     JOIN articles e ON e.story_id = a.story_id AND e.id <> a.id
     LEFT JOIN crawl_runs r ON r.id = e.run_id
     WHERE a.id = $1 AND a.story_id IS NOT NULL AND e.lang = 'eng' AND e.status <> 'rejected'
       AND coalesce(e.title, '') <> '' AND coalesce(e.body, '') <> ''
     ORDER BY coalesce((r.source_config ->> 'official')::boolean, false) DESC, e.published_at NULLS LAST, e.id
     LIMIT 1`,
    [articleId],
  );
  return result.rows[0];
}
