import { filterUnknownUrls } from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import type { CrawlStats } from '../db/runs-repo.js';
import { recordHeartbeat } from '../db/runs-repo.js';
import type { Logger } from '../logger.js';
import { CandidateWriter } from './candidate-writer.js';
import { errorKindOf, errorSummary } from './crawl-errors.js';
import type { CrawlPorts } from './crawl-session.js';
import { sharedExtractor } from './extract/isolated-extractor.js';
import { conditionalHeaders, rememberValidators } from './politeness/fetch-cache.js';

const HEARTBEAT_EVERY_MS = 2_000;

export interface DbPortsDeps {
  db: Database;
  log: Logger;
  runId: number;
  stats: () => CrawlStats;
  /** Called once new candidates are safely in Postgres, a batch at a time (distributed mode enqueues them). */
  onCandidatesStored?: ((articleIds: number[]) => Promise<void>) | undefined;
}

/**
 * A crawl's ports onto Postgres: known URLs, candidates written in batches before any queue hears of them,
 * validators for conditional GET, heartbeats; extraction on the process's extraction thread, under a time budget.
 */
export function databaseCrawlPorts(deps: DbPortsDeps): CrawlPorts {
  const writer = candidateWriter(deps);
  let lastHeartbeat = 0;
  return {
    unknownUrls: (canonicals) => filterUnknownUrls(deps.db, canonicals),
    store: (candidate) => writer.add(candidate),
    extract: (input, timeoutMs) => sharedExtractor().extract(input, timeoutMs),
    conditionalHeaders: (url) => conditionalHeaders(deps.db, url),
    rememberValidators: (validators) => rememberValidators(deps.db, validators),
    async progress(stats, final) {
      if (!final && Date.now() - lastHeartbeat < HEARTBEAT_EVERY_MS) return;
      lastHeartbeat = Date.now();
      await recordHeartbeat(deps.db, deps.runId, stats);
    },
    flush: () => writer.flush(),
  };
}

/** Stores the crawl's candidates in batches, counting and enqueueing the new ones and recording failures. */
function candidateWriter(deps: DbPortsDeps): CandidateWriter {
  return new CandidateWriter({
    db: deps.db,
    onStored: async (articleIds) => {
      deps.stats().candidatesStored += articleIds.length;
      // The articles are safe in Postgres already: if the queue is down, recovery enqueues them later.
      await deps.onCandidatesStored?.(articleIds).catch((error: unknown) => {
        deps.log.warn({ articleIds, err: error }, 'stored candidates not enqueued');
      });
    },
    onFailed: (candidate, error) => {
      deps
        .stats()
        .errors.push({ url: candidate.url, kind: errorKindOf(error), message: errorSummary(error) });
      deps.log.warn({ url: candidate.url, err: error }, 'candidate not stored');
    },
  });
}
