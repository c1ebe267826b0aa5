import type { AppConfig } from '../config/env.js';
import type { Database } from '../db/database.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import type { Logger } from '../logger.js';
import type { OwnerDuties } from '../workers/owner-duties.js';
import type { StrandedRecovery } from '../workers/recover-stranded.js';
import { bullmqTransport } from './bullmq-queue-transport.js';
import { inProcessTransport } from './in-process-transport.js';
import type { Transport } from './transport.js';

export interface TransportChoice {
  config: AppConfig;
  db: Database;
  log: Logger;
  lexicon: () => CompiledLexicon;
  duties: OwnerDuties;
  recoveredAtOpen?: StrandedRecovery | undefined;
}

/** The one place that reads REDIS_URL: with it, the BullMQ queues; without, this process does the work. */
export function chooseTransport(choice: TransportChoice): Transport {
  const { config, db, log } = choice;
  if (config.redisUrl) {
    return bullmqTransport({
      db,
      log,
      settings: { redisUrl: config.redisUrl, prefix: config.queuePrefix },
      recoveryAfterSecs: config.recoveryAfterSecs,
    });
  }
  return inProcessTransport({
    db,
    log,
    userAgent: config.userAgent,
    keywordsPath: config.keywordsPath,
    lexicon: choice.lexicon,
    leaseSecs: config.leaseSecs,
    duties: choice.duties,
    recoveredAtOpen: choice.recoveredAtOpen,
  });
}
