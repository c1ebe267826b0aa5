-- Near-duplicate candidates from a narrow side table instead of the articles' GIN index (issue 17). The GIN index
-- over articles.simhash_bands found the members sharing a band in the draft's window, but every one of them (about
-- 3% of the members of those weeks, by chance) was then read from the articles heap — a wide row — to compute its
-- distance: with a thousand drafts a day, the lookup grew from 0.09 to 0.70 ms per article over 100,000 articles.
-- Here each member's eight band keys are rows (band_key, article_id, simhash) under one B-tree that holds all three,
-- so the distance is computed from the index and only the true near duplicates are read from articles.
-- A trigger keeps the table in step with articles.simhash_bands, whoever writes it (the pipeline's saveAnalyses,
-- the growth benchmark's bulk load, a migration); the GIN index, no longer read, is dropped.
CREATE TABLE story_band_keys (
  band_key integer NOT NULL,
  article_id bigint NOT NULL,
  simhash bigint NOT NULL,
  PRIMARY KEY (band_key, article_id) INCLUDE (simhash)
);

INSERT INTO story_band_keys (band_key, article_id, simhash)
SELECT DISTINCT key, a.id, a.simhash
  FROM articles AS a, unnest(a.simhash_bands) AS key
 WHERE a.simhash_bands IS NOT NULL AND a.simhash IS NOT NULL;

CREATE FUNCTION harvest_sync_story_band_keys() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.simhash_bands IS NOT NULL THEN
    DELETE FROM story_band_keys WHERE band_key = ANY (OLD.simhash_bands) AND article_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.simhash_bands IS NOT NULL AND NEW.simhash IS NOT NULL THEN
    INSERT INTO story_band_keys (band_key, article_id, simhash)
    SELECT DISTINCT key, NEW.id, NEW.simhash FROM unnest(NEW.simhash_bands) AS key
    ON CONFLICT (band_key, article_id) DO UPDATE SET simhash = EXCLUDED.simhash;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER articles_story_band_keys_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (NEW.simhash_bands IS NOT NULL) EXECUTE FUNCTION harvest_sync_story_band_keys();
CREATE TRIGGER articles_story_band_keys_update AFTER UPDATE OF simhash_bands, simhash ON articles
  FOR EACH ROW WHEN (OLD.simhash_bands IS DISTINCT FROM NEW.simhash_bands OR OLD.simhash IS DISTINCT FROM NEW.simhash)
  EXECUTE FUNCTION harvest_sync_story_band_keys();
CREATE TRIGGER articles_story_band_keys_delete AFTER DELETE ON articles
  FOR EACH ROW WHEN (OLD.simhash_bands IS NOT NULL) EXECUTE FUNCTION harvest_sync_story_band_keys();

DROP INDEX articles_story_bands;
