import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import type { Database } from '../../src/db/database.js';
import {
  openQueues,
  type QueueSettings,
  type Queues,
  type RunningWorkers,
  startWorkers,
} from '../../src/workers/bullmq-transport.js';
import { testRedisUrl, uniqueName } from './services.js';

/**
 * The crawl and article queues under a prefix of their own, opened in a `beforeAll`; the `afterAll` (or an
 * earlier `close()`) deletes their jobs and closes them. As with useMigratedDatabase(), the object it returns
 * stands for queues that are opened only once the tests start.
 */
export function useTestQueues(
  settings: QueueSettings = { redisUrl: testRedisUrl, prefix: uniqueName('harvest_test') },
): Queues {
  let queues: Queues | undefined;

  beforeAll(() => {
    queues = openQueues(settings);
  });

  // Taken out first: a test that closed the queues itself leaves the afterAll nothing to do twice.
  async function shutDown(): Promise<void> {
    const open = queues;
    queues = undefined;
    if (!open) return;
    await open.crawl.obliterate({ force: true });
    await open.articles.obliterate({ force: true });
    await open.close();
  }
  afterAll(shutDown);

  const opened = (): Queues => {
    if (!queues) {
      throw new Error('the test queues are open only from the beforeAll of useTestQueues() to its afterAll');
    }
    return queues;
  };

  return {
    get crawl() {
      return opened().crawl;
    },
    get articles() {
      return opened().articles;
    },
    close: shutDown,
  };
}

/**
 * The application's BullMQ workers on `queues`, started in a `beforeAll` and closed in an `afterAll`. Call it
 * after useTestQueues(), so that they stop before their queues are emptied and closed; `database` is asked
 * for once the earlier `beforeAll` hooks have run, so it may be one that a hook opens.
 */
export function useTestWorkers(database: () => Database, queues: Queues, settings: QueueSettings): void {
  let workers: RunningWorkers | undefined;

  beforeAll(() => {
    workers = startWorkers({
      db: database(),
      lexicon: loadLexicon('config/keywords.yaml'),
      log: pino({ level: 'silent' }),
      userAgent: 'BulletinHarvester-test',
      queues,
      settings,
      concurrency: 4,
      lockSecs: 10,
    });
  });

  afterAll(async () => {
    await workers?.close();
    workers = undefined;
  });
}
