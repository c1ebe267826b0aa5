-- The review queue searches only what has been processed (its queries always say status <> 'pending'). Indexing
-- pending candidates too made every stored page pay for a tsvector of its body that no query could use.
DROP INDEX articles_fulltext;
CREATE INDEX articles_fulltext ON articles
  USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '')))
  WHERE status <> 'pending';
