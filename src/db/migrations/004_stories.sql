-- Stories: the reports of one event across sources and languages (src/domain/stories.ts decides membership).
CREATE TABLE stories (
  id bigserial PRIMARY KEY,
  -- The item analysts cite: the official source's when there is one, else the earliest published.
  primary_article_id bigint NOT NULL REFERENCES articles (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE articles ADD COLUMN story_id bigint REFERENCES stories (id);
-- Why the article joined its story: {rule, with, distance | shared}; {rule: 'first'} for the one that opened it.
ALTER TABLE articles ADD COLUMN story_evidence jsonb;
-- The eight 8-bit SimHash bands, band i with value v stored as i * 256 + v: a near duplicate shares at least one.
ALTER TABLE articles ADD COLUMN simhash_bands integer[];
-- Numbers, dates and name keys (`q:3000`, `d:20-09`, `p:smkn`): a copy in another language shares some.
ALTER TABLE articles ADD COLUMN story_facts text[];

CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;
-- Candidates are looked up among story members only, by overlap with these arrays.
CREATE INDEX articles_story_bands ON articles USING gin (simhash_bands) WHERE story_id IS NOT NULL;
CREATE INDEX articles_story_facts ON articles USING gin (story_facts) WHERE story_id IS NOT NULL;
