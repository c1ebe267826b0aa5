-- One row per crawl of one source. A `harvest run` creates one run per source, grouped by batch_id.
CREATE TABLE crawl_runs (
  id bigserial PRIMARY KEY,
  source_id text NOT NULL,
  batch_id text NOT NULL,
  trigger text NOT NULL DEFAULT 'manual',
  -- The source's configuration as the run used it: workers need no copy of the operator's file.
  source_config jsonb,
  -- The moment article ages are judged against: the crawl's own time, or the recording time of replayed pages.
  reference_time timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- Refreshed while a crawl makes progress: a stale heartbeat means its worker died or its job was lost.
  heartbeat_at timestamptz,
  stats jsonb NOT NULL DEFAULT '{}'::jsonb,
  error text
);
CREATE INDEX crawl_runs_batch ON crawl_runs (batch_id);
CREATE INDEX crawl_runs_source_created ON crawl_runs (source_id, created_at DESC);
CREATE INDEX crawl_runs_unfinished ON crawl_runs (status) WHERE status IN ('queued', 'running');

-- Every candidate article, whatever its fate: drafts, filtered ones (with the reason), duplicates.
CREATE TABLE articles (
  id bigserial PRIMARY KEY,
  source_id text NOT NULL,
  run_id bigint REFERENCES crawl_runs (id) ON DELETE SET NULL,
  url text NOT NULL,
  canonical_url text NOT NULL,
  title text,
  body text,
  published_at timestamptz,
  extraction jsonb NOT NULL DEFAULT '{}'::jsonb,
  lang text,
  script text,
  country text,
  score real,
  matched jsonb NOT NULL DEFAULT '[]'::jsonb,
  content_hash text,
  simhash bigint,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'new', 'approved', 'rejected', 'filtered', 'published')),
  filter_reason text,
  duplicate_of bigint REFERENCES articles (id),
  version integer NOT NULL DEFAULT 1,
  processed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT articles_canonical_url_unique UNIQUE (canonical_url)
);
-- Durable exact-duplicate detection: only one original may hold a given content hash.
CREATE UNIQUE INDEX articles_content_hash_original ON articles (content_hash)
  WHERE duplicate_of IS NULL AND content_hash IS NOT NULL;
CREATE INDEX articles_pending ON articles (created_at) WHERE status = 'pending';
CREATE INDEX articles_status_country ON articles (status, country);
CREATE INDEX articles_run ON articles (run_id);

-- The fetched page, kept apart so that lists of articles stay light; source of truth for re-extraction.
CREATE TABLE article_pages (
  article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  html text NOT NULL,
  http_status integer,
  content_type text,
  fetched_at timestamptz NOT NULL DEFAULT now()
);
