import type { Database } from '../db/database.js';
import { SharedEmbeddedDatabase } from '../db/embedded/shared-database.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import type { Logger } from '../logger.js';
import { formatRecovery, recoverStrandedWork, type StrandedRecovery } from './recover-stranded.js';

export interface OwnerDutiesDeps {
  db: Database;
  log: Logger;
  lexicon: () => CompiledLexicon;
  staleAfterSecs: number;
  strandedForSecs: number;
}

export interface OwnerDuties {
  /** Recovers stranded work now, unless a recovery is already running (then waits for that one). */
  recover(options?: { strandedForSecs?: number }): Promise<StrandedRecovery | undefined>;
  /** A long-running owner (`harvest serve`, `harvest up`) also sweeps periodically. */
  sweepEvery(ms: number): () => void;
}

/**
 * What the owner of an embedded data folder owes the others: when it starts owning it (at open, or by taking
 * over from an owner that left) and when one of its clients vanishes, it fails their interrupted runs and finishes
 * the articles they left pending. Postgres without Redis has no owner: there `harvest recover` does the same.
 */
export function ownerDuties(deps: OwnerDutiesDeps): OwnerDuties {
  let running: Promise<StrandedRecovery | undefined> | undefined;
  const recover = (options: { strandedForSecs?: number } = {}) => {
    if (running) return running;
    running = recoverStrandedWork({
      db: deps.db,
      lexicon: deps.lexicon,
      staleAfterSecs: deps.staleAfterSecs,
      strandedForSecs: options.strandedForSecs ?? deps.strandedForSecs,
    })
      .then((recovery) => {
        for (const line of formatRecovery(recovery)) deps.log.warn(`recovered: ${line}`);
        return recovery;
      })
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'recovery of stranded work failed');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const db = deps.db;
  if (db instanceof SharedEmbeddedDatabase) {
    db.onBecameOwner(() => void recover({ strandedForSecs: 0 }));
    // Give a killed client's last statements a moment to land before its work is judged stranded.
    db.onClientLost(() => void setTimeout(() => void recover({ strandedForSecs: 0 }), 500).unref());
  }

  return {
    recover,
    sweepEvery(ms) {
      const timer = setInterval(() => void recover(), ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
