import { crawlSource } from '../crawlers/crawl-source.js';
import { runOutcome } from '../crawlers/run-outcome.js';
import type { Database } from '../db/database.js';
import { type CrawlRun, emptyCrawlStats, finishRun, getRun, startRun } from '../db/runs-repo.js';
import type { Logger } from '../logger.js';
import { sourceSchema } from '../sources/source-schema.js';

export interface RunDeps {
  db: Database;
  log: Logger;
  userAgent: string;
  onCandidatesStored?: (articleIds: number[]) => Promise<void>;
}

export class RunNotFoundError extends Error {}

/**
 * Crawls the source of one stored run and records the outcome. Returns undefined when the run had
 * already finished (a crawl job delivered twice).
 */
export async function executeRun(runId: number, deps: RunDeps): Promise<CrawlRun | undefined> {
  const run = await getRun(deps.db, runId);
  if (!run) throw new RunNotFoundError(`crawl run ${runId} does not exist`);
  if (!(await startRun(deps.db, runId))) return undefined;
  const parsed = sourceSchema.safeParse(run.source_config);
  if (!parsed.success) {
    const error = `stored source configuration is invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`;
    await finishRun(deps.db, runId, { status: 'failed', stats: emptyCrawlStats(), error });
    return getRun(deps.db, runId);
  }
  const stats = await crawlSource(parsed.data, runId, deps);
  await finishRun(deps.db, runId, { stats, ...runOutcome(stats) });
  return getRun(deps.db, runId);
}
