import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { withSourceLeases } from '../ops/source-lease.js';
import type { SourceConfig } from '../sources/source-schema.js';
import type { Queues } from '../workers/bullmq-transport.js';
import { enqueueHarvest, harvestEmbedded } from '../workers/harvest-run.js';
import type { SourceRunner } from './transport.js';

const TRIGGER = 'review';

/** Distributed mode: "run now" puts one crawl job on the queue, like `harvest run --source ID`. */
export function queuedRunner(db: Database, queues: () => Queues): SourceRunner {
  return {
    async run(source) {
      const { runs } = await enqueueHarvest([source], { db }, queues(), { trigger: TRIGGER });
      return `Crawl of ${source.id} queued (run ${runs[0]?.id}).`;
    },
    settle: async () => {},
  };
}

/**
 * Embedded mode: "run now" crawls in this process, in the background; one crawl per source at a time.
 * `settle` waits for the crawls still running (at shutdown).
 */
export function inProcessRunner(deps: {
  db: Database;
  log: Logger;
  userAgent: string;
  keywordsPath: string;
  leaseSecs: number;
}): SourceRunner {
  const running = new Map<string, Promise<void>>();
  const run = async (source: SourceConfig): Promise<string> => {
    if (running.has(source.id)) return `A crawl of ${source.id} is already running.`;
    // The source's lease, as `harvest run --due` and the schedules take it: never two crawls of one source.
    const crawl = withSourceLeases(deps.db, [source.id], { ttlSecs: deps.leaseSecs }, (leased) =>
      leased.length === 0
        ? Promise.resolve(undefined)
        : harvestEmbedded(
            [source],
            { ...deps, progress: (line) => deps.log.info(line) },
            { trigger: TRIGGER },
          ),
    )
      .then(({ busy }) => {
        if (busy.length > 0)
          deps.log.info({ source: source.id }, 'run now skipped: a crawl of it is running');
      })
      .catch((error: unknown) => deps.log.error({ err: error, source: source.id }, 'run now failed'))
      .finally(() => running.delete(source.id));
    running.set(source.id, crawl);
    return `Crawl of ${source.id} started; reload this page to see its outcome.`;
  };
  return { run, settle: () => Promise.all(running.values()).then(() => undefined) };
}
