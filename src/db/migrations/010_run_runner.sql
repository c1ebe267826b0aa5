-- The process that created or runs a crawl run (pid, host, its start time in clock ticks, command): when it has
-- died, an embedded data folder's owner marks the run failed and finishes its pending articles.
ALTER TABLE crawl_runs ADD COLUMN runner jsonb;
