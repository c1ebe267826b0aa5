import type { Queryable } from './database.js';

/** The seizures of one country and substance in a period: grams, and counts per counted unit. */
export interface SeizureSum {
  country: string;
  substance: string;
  /** The counted unit (`tablets`, `bushes` …), null for seizures weighed only. */
  unit: string | null;
  grams: number | null;
  count: number | null;
  /** Stories (reports of one event counted once) the sum comes from. */
  items: number;
}

/**
 * Seizures stated in the new, approved and published items published in the period, per country, substance and
 * counted unit. Each story counts once: its primary item when that one is in the period and states seizures, else
 * its first item that does (another outlet may give the amounts an official release leaves out). Period
 * statistics (`facts.statistics`) are not summed: they restate the month's seizures.
 */
export async function sumSeizures(
  db: Queryable,
  period: { from: string; to: string },
): Promise<SeizureSum[]> {
  const result = await db.query<SeizureSum>(
    `WITH dated AS (
       SELECT a.id, a.country, a.facts,
         row_number() OVER (
           PARTITION BY coalesce(a.story_id, -a.id)
           ORDER BY jsonb_array_length(coalesce(a.facts->'seizures', '[]'::jsonb)) > 0 DESC,
             (s.primary_article_id = a.id) DESC NULLS LAST, a.id
         ) AS rank
       FROM articles a LEFT JOIN stories s ON s.id = a.story_id
       WHERE a.status IN ('new', 'approved', 'published') AND a.country IS NOT NULL
         AND a.published_at >= $1::date AND a.published_at < $2::date
     )
     SELECT country, seizure->>'substance' AS substance, seizure->>'unit' AS unit,
       sum((seizure->>'grams')::float8) AS grams, sum((seizure->>'count')::float8) AS count,
       count(DISTINCT id)::int AS items
     FROM dated, jsonb_array_elements(coalesce(facts->'seizures', '[]'::jsonb)) AS seizure
     WHERE rank = 1
     GROUP BY 1, 2, 3
     ORDER BY 2, 3 NULLS FIRST, 1`,
    [period.from, period.to],
  );
  return result.rows.map((row) => ({
    ...row,
    grams: row.grams === null ? null : Number(row.grams),
    count: row.count === null ? null : Number(row.count),
  }));
}
