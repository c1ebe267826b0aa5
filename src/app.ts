import type { AppConfig } from './config/env.js';
import { type Database, openPglite, openPostgres } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { Logger } from './logger.js';

export interface App {
  config: AppConfig;
  log: Logger;
  db: Database;
  close(): Promise<void>;
}

/** Postgres when DATABASE_URL is set, else the embedded PGlite database in the data directory. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/** Opens the database and brings its schema up to date (migrations are guarded by an advisory lock). */
export async function openApp(config: AppConfig, log: Logger): Promise<App> {
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
  } catch (error) {
    await db.close();
    throw error;
  }
  return { config, log, db, close: () => db.close() };
}
