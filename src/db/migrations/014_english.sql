-- English beside the original (issue 13). An article keeps its harvested title and body untouched; its English
-- title and body are kept apart, each with where it came from:
--   english-report  taken from an English report of the same story (english_url names it),
--   template        generated from the item's own facts,
--   analyst         written or corrected by an analyst,
--   machine:<name>  a translation engine's output.
-- A suggestion (template, machine) counts as reviewed once an analyst accepted or edited it.
ALTER TABLE articles
  ADD COLUMN title_en text,
  ADD COLUMN title_en_source text
    CHECK (title_en_source ~ '^(english-report|template|analyst|machine:[a-z0-9._-]+)$'),
  ADD COLUMN body_en text,
  ADD COLUMN body_en_source text
    CHECK (body_en_source ~ '^(english-report|template|analyst|machine:[a-z0-9._-]+)$'),
  ADD COLUMN english_url text,
  ADD COLUMN english_reviewed_by text,
  ADD COLUMN english_reviewed_at timestamptz;

-- The analyst's English summary was English body text all along.
UPDATE articles SET body_en = english_summary, body_en_source = 'analyst',
  english_reviewed_by = reviewed_by, english_reviewed_at = coalesce(reviewed_at, updated_at)
  WHERE english_summary IS NOT NULL AND english_summary <> '';

-- A bulletin item's own printed title and body (an override of its article's English) say where they came from
-- too; imported releases print the analysts' English of their time.
ALTER TABLE bulletin_items
  ADD COLUMN title_source text
    CHECK (title_source ~ '^(english-report|template|analyst|machine:[a-z0-9._-]+)$'),
  ADD COLUMN body_source text
    CHECK (body_source ~ '^(english-report|template|analyst|machine:[a-z0-9._-]+)$');
UPDATE bulletin_items SET title_source = 'analyst' WHERE title IS NOT NULL;
UPDATE bulletin_items SET body_source = 'analyst' WHERE body IS NOT NULL;
