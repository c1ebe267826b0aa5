-- Validators of discovery pages (feeds, sitemaps, listings) for conditional GET: a crawl sends them back,
-- and an unchanged page answers 304 with nothing further to fetch.
CREATE TABLE fetch_cache (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  fetched_at timestamptz NOT NULL DEFAULT now()
);
