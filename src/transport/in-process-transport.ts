import type { Database } from '../db/database.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import type { Logger } from '../logger.js';
import { withSourceLeases } from '../ops/source-lease.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { harvestEmbedded } from '../workers/harvest-run.js';
import type { OwnerDuties } from '../workers/owner-duties.js';
import { processPendingInBatches } from '../workers/pending-sweep.js';
import { formatRecovery, type StrandedRecovery } from '../workers/recover-stranded.js';
import { inProcessRunner } from './run-now.js';
import {
  type Dispatched,
  type DueDispatch,
  type HarvestRequest,
  NotInThisModeError,
  type RecoveryOutcome,
  type StoredBatch,
  type Transport,
} from './transport.js';

export interface InProcessDeps {
  db: Database;
  log: Logger;
  userAgent: string;
  keywordsPath: string;
  lexicon: () => CompiledLexicon;
  leaseSecs: number;
  duties: OwnerDuties;
  /** What the owner of an embedded folder recovered when it opened it: `harvest recover` reports it too. */
  recoveredAtOpen?: StrandedRecovery | undefined;
}

/**
 * No queues: this process crawls and runs the stages itself (the embedded data folder, or Postgres without
 * Redis). Work a dead process left is recovered by the folder's owner, by long-running processes' sweeps and by
 * `harvest recover`.
 */
export function inProcessTransport(deps: InProcessDeps): Transport {
  const harvest = async (sources: readonly SourceConfig[], request: HarvestRequest): Promise<Dispatched> => {
    const batch = await harvestEmbedded(
      sources,
      {
        db: deps.db,
        log: deps.log,
        userAgent: deps.userAgent,
        keywordsPath: deps.keywordsPath,
        progress: request.progress,
      },
      { trigger: request.trigger, referenceTime: request.referenceTime },
    );
    return { ...batch, finished: true };
  };

  return {
    kind: 'in-process',
    label: deps.db.kind,
    harvest,

    async harvestDue(due, request): Promise<DueDispatch> {
      // Each due source under its lease — the lease `harvest up` and "run now" take: a crawl of it still running
      // elsewhere is skipped.
      const { busy, result } = await withSourceLeases(
        deps.db,
        due.map((source) => source.id),
        { ttlSecs: deps.leaseSecs },
        (leased) =>
          leased.length === 0
            ? Promise.resolve(undefined)
            : harvest(
                due.filter((source) => leased.includes(source.id)),
                request,
              ),
      );
      return { dispatched: result, busy };
    },

    async processStored(batch: StoredBatch): Promise<boolean> {
      await processPendingInBatches({ db: deps.db, lexicon: deps.lexicon() }, { runIds: batch.runIds });
      return true;
    },

    async recover(olderThanSecs): Promise<RecoveryOutcome> {
      const now = await deps.duties.recover({ strandedForSecs: olderThanSecs });
      const all = [deps.recoveredAtOpen, now].filter((r): r is StrandedRecovery => !!r);
      return {
        lines: all.flatMap(formatRecovery),
        failed: all.some((recovery) => recovery.articlesFailed.length > 0),
      };
    },

    sweepEvery: (ms) => deps.duties.sweepEvery(ms),

    sourceRunner: () => inProcessRunner(deps),

    async syncSchedules() {
      throw new NotInThisModeError(
        'harvest schedule needs REDIS_URL (distributed mode). Without Redis, call `harvest run --due` from cron.',
      );
    },

    assertSchedulesInProcess() {},

    workerQueues() {
      throw new NotInThisModeError(
        'harvest worker needs REDIS_URL (distributed mode). In embedded mode `harvest run` does the work itself.',
      );
    },

    readinessQueues: () => [],
    operatorPlugins: async () => [],
    close: async () => {},
  };
}
