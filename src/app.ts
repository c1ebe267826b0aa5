import type { AppConfig } from './config/env.js';
import { loadLexicon } from './config/keywords.js';
import { type Database, openPostgres } from './db/database.js';
import { thisProcess } from './db/embedded/process-identity.js';
import { SharedEmbeddedDatabase } from './db/embedded/shared-database.js';
import { migrate } from './db/migrate.js';
import type { CompiledLexicon } from './domain/keywords.js';
import type { Logger } from './logger.js';
import { chooseTransport } from './transport/choose-transport.js';
import type { Transport } from './transport/transport.js';
import { type OwnerDuties, ownerDuties } from './workers/owner-duties.js';
import type { StrandedRecovery } from './workers/recover-stranded.js';

export interface App {
  config: AppConfig;
  log: Logger;
  db: Database;
  /** Recovery of stranded work (see `workers/owner-duties.ts`). */
  duties: OwnerDuties;
  /** What this process recovered when it opened the folder as its owner. */
  recoveredAtOpen?: StrandedRecovery | undefined;
  /** In process or through the BullMQ queues, chosen here once (see `transport/`). */
  transport: Transport;
  close(): Promise<void>;
}

/**
 * Postgres when DATABASE_URL is set, else the embedded PGlite database in the data directory — opened by this
 * process if no other has it open, else reached through the process that has (see `db/embedded/`).
 */
export async function openDatabase(config: AppConfig, log: Logger): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return SharedEmbeddedDatabase.open({ dataDir: config.dataDir, me: thisProcess(), log });
}

function lazyLexicon(path: string): () => CompiledLexicon {
  let lexicon: CompiledLexicon | undefined;
  return () => {
    lexicon ??= loadLexicon(path);
    return lexicon;
  };
}

/**
 * Opens the database and brings its schema up to date (migrations are guarded by an advisory lock). The owner of
 * an embedded data folder first finishes what dead processes left: a harvest started after a killed one begins
 * with nothing stranded. The transport is chosen here, and nowhere else: REDIS_URL set means the BullMQ queues.
 */
export async function openApp(config: AppConfig, log: Logger): Promise<App> {
  const db = await openDatabase(config, log);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
  } catch (error) {
    await db.close();
    throw error;
  }
  const lexicon = lazyLexicon(config.keywordsPath);
  const duties = ownerDuties({
    db,
    log,
    lexicon,
    staleAfterSecs: config.leaseSecs,
    strandedForSecs: config.recoveryAfterSecs,
  });
  const recoveredAtOpen =
    db instanceof SharedEmbeddedDatabase && db.role().role === 'owner'
      ? await duties.recover({ strandedForSecs: 0 })
      : undefined;
  const transport = chooseTransport({ config, db, log, lexicon, duties, recoveredAtOpen });
  const close = async () => {
    try {
      await transport.close();
    } finally {
      await db.close();
    }
  };
  return { config, log, db, duties, recoveredAtOpen, transport, close };
}
