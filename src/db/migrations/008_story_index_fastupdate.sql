-- The story indexes are searched by every batch that holds a new draft. With GIN's fast update, new entries wait
-- in an unsorted pending list that each search reads through (0.5–2.6 ms per draft at 10,000 articles); written
-- directly, a search costs a few page reads. The full-text index keeps its pending list: it is written by every
-- processed article and searched only by analysts.
ALTER INDEX articles_story_bands SET (fastupdate = off);
ALTER INDEX articles_story_facts SET (fastupdate = off);
-- Turning it off does not flush what is already pending.
SELECT gin_clean_pending_list('articles_story_bands'::regclass);
SELECT gin_clean_pending_list('articles_story_facts'::regclass);
