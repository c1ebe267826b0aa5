import type { Database } from '../db/database.js';
import { type CrawlStats, getRun } from '../db/runs-repo.js';
import type { Logger } from '../logger.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { createCrawlSession } from './crawl-session.js';
import { type CrawlerDeps, runCrawl } from './crawlee/run-crawl.js';
import { databaseCrawlPorts } from './db-crawl-ports.js';
import { sharedExtractor } from './extract/isolated-extractor.js';

export { CHROMIUM_ARGS } from './crawlee/browser-crawler.js';

export interface CrawlDeps extends CrawlerDeps {
  db: Database;
  log: Logger;
  /** Called once new candidates are safely in Postgres, a batch at a time (distributed mode enqueues them). */
  onCandidatesStored?: (articleIds: number[]) => Promise<void>;
}

/**
 * One crawl of one source, as a run of the pipeline: a crawl session whose ports are Postgres (every
 * candidate is written there before anything else hears of it), run by Crawlee through the shared handlers.
 */
export async function crawlSource(source: SourceConfig, runId: number, deps: CrawlDeps): Promise<CrawlStats> {
  // Replays of recorded sites judge ages against the recording time; live crawls against now.
  const referenceTime = (await getRun(deps.db, runId))?.reference_time ?? new Date();
  // The extraction thread loads its parsers while discovery pages download (a Telegram crawl fetches no article).
  if (source.discovery.strategy !== 'telegram') sharedExtractor().warmUp();
  const log = deps.log.child({ source: source.id, runId });
  const session = createCrawlSession(source, {
    runId,
    log,
    referenceTime,
    ports: databaseCrawlPorts({
      db: deps.db,
      log,
      runId,
      stats: () => session.stats,
      onCandidatesStored: deps.onCandidatesStored,
    }),
  });
  return runCrawl(session, deps);
}
