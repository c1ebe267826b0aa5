import { afterAll, beforeAll } from 'vitest';
import type { Database, Queryable, QueryResult } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './services.js';

export interface MigratedTestDatabase extends Database {
  /** The connection string of the file's own database, for code that opens a pool of its own. */
  readonly url: string;
}

/**
 * A fresh, migrated Postgres database for the tests of one file (or of the describe block it is called in):
 * created in a `beforeAll`, closed and dropped in an `afterAll`.
 *
 * Call it before the file's own hooks: `before` hooks run in order and `after` hooks in reverse, so the
 * database is there when they start and is dropped only after they have shut down whatever still uses it.
 * The object it returns stands for the database that does not exist yet while the file is collected, so
 * tests and helpers keep the plain `db.query(...)`.
 */
export function useMigratedDatabase(): MigratedTestDatabase {
  let testDb: TestDatabase | undefined;
  let db: Database | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = openPostgres(testDb.url);
    await migrate(db);
  });

  afterAll(async () => {
    await closePool();
    await testDb?.drop();
    testDb = undefined;
  });

  // Taken out first, so that a test that closed the pool itself is not closed a second time (pg refuses that).
  async function closePool(): Promise<void> {
    const open = db;
    db = undefined;
    await open?.close();
  }

  const notOpen = () =>
    new Error(
      'the test database is open only from the beforeAll of useMigratedDatabase() to its afterAll: ' +
        'use it inside hooks and tests, not while the file is being collected',
    );
  const opened = (): Database => {
    if (!db) throw notOpen();
    return db;
  };

  return {
    kind: 'postgres',
    get url() {
      if (!testDb) throw notOpen();
      return testDb.url;
    },
    query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      return opened().query<Row>(sql, params);
    },
    exec: (sql: string) => opened().exec(sql),
    transaction: <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => opened().transaction(work),
    close: closePool,
  };
}
