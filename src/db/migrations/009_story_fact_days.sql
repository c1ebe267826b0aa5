-- The candidate lookup by shared numbers found every story member ever stored with that number (`228`, the drug
-- article of the criminal code, is in most drug reports) and only then kept those of the story window. Members
-- are now found by the number together with the day they were published (`n:228@20419`, `n:228@` undated),
-- and a draft asks for the days of its window: the lookup reads what the window holds.
ALTER TABLE articles ADD COLUMN story_fact_days text[];

-- Same keys as datedFactKeys(numericFactKeys(...)) in src/domain/stories.ts: amounts, dates, numbers above 9.
UPDATE articles SET story_fact_days = coalesce((
    SELECT array_agg(key || '@' || coalesce(floor(extract(epoch FROM published_at) / 86400)::bigint::text, ''))
    FROM unnest(story_facts) AS key
    WHERE key LIKE 'q:%' OR key LIKE 'd:%' OR (key LIKE 'n:%' AND key !~ '^n:[0-9]$')
  ), '{}')
  WHERE story_id IS NOT NULL AND story_facts IS NOT NULL;

DROP INDEX articles_story_facts;
CREATE INDEX articles_story_fact_days ON articles USING gin (story_fact_days)
  WITH (fastupdate = off) WHERE story_id IS NOT NULL;
