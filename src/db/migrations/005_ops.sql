-- At most one crawl of a source at a time, across processes and machines. A lease ends when its crawl run
-- finishes, when its holder releases it, or when it expires: a holder that dies cannot block a source for ever.
CREATE TABLE source_leases (
  source_id text PRIMARY KEY,
  holder text NOT NULL,
  run_id bigint,
  expires_at timestamptz NOT NULL
);

-- The sources `harvest schedule` registered as BullMQ job schedulers, with the configuration a scheduled job
-- crawls with: workers need no copy of the operator's file.
CREATE TABLE scheduled_sources (
  source_id text PRIMARY KEY,
  config jsonb NOT NULL,
  pattern text NOT NULL,
  timezone text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The last known health of each source: notifications go out only when it changes.
CREATE TABLE source_health (
  source_id text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('ok', 'degraded', 'broken')),
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  changed_at timestamptz NOT NULL DEFAULT now(),
  checked_at timestamptz NOT NULL DEFAULT now()
);
