import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { createRuns, emptyCrawlStats, finishRun } from '../../src/db/runs-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { chooseTransport } from '../../src/transport/choose-transport.js';
import { NotInThisModeError, type Transport } from '../../src/transport/transport.js';
import { ownerDuties } from '../../src/workers/owner-duties.js';
import { useMigratedDatabase } from '../support/database.js';
import { useTestQueues, useTestWorkers } from '../support/queues.js';
import { testRedisUrl, uniqueName } from '../support/services.js';

const log = pino({ level: 'silent' });
const lexicon = loadLexicon('config/keywords.yaml');
const db = useMigratedDatabase();

function transportFor(env: Record<string, string>): Transport {
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', ...env });
  const duties = ownerDuties({ db, log, lexicon: () => lexicon, staleAfterSecs: 60, strandedForSecs: 0 });
  return chooseTransport({ config, db, log, lexicon: () => lexicon, duties });
}

let counter = 0;
/** A run of `ingest` with `n` stored seizure reports, as `harvest ingest` leaves them before the stages. */
async function storedBatch(n: number) {
  const batchId = crypto.randomUUID();
  const [run] = await createRuns(db, [{ id: 'polisia-kz-ru', config: null }], batchId, 'ingest');
  const articleIds: number[] = [];
  for (let i = 0; i < n; i += 1) {
    counter += 1;
    const url = `https://polisia.kz/ru/transport-${counter}/`;
    const { id } = await insertCandidate(db, {
      sourceId: 'polisia-kz-ru',
      runId: run!.id,
      url,
      canonicalUrl: canonicalizeUrl(url),
      title: `Полиция изъяла ${counter} кг героина в Алматы`,
      body: `Сотрудники полиции Алматы задержали наркокурьера и изъяли ${counter} килограмма героина.`,
      publishedAt: null,
      extraction: {},
    });
    articleIds.push(id);
  }
  // `harvest ingest` ends its runs once the lines are stored; the stages come after.
  await finishRun(db, run!.id, { status: 'succeeded', stats: emptyCrawlStats() });
  return { batchId, runIds: [run!.id], articleIds };
}

async function pendingOf(ids: number[]): Promise<number> {
  const result = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM articles WHERE status = 'pending' AND id = ANY($1::bigint[])`,
    [ids],
  );
  return result.rows[0]!.n;
}

describe('the transport chosen once from the configuration', () => {
  it('is in process without REDIS_URL, and the BullMQ queues with it', async () => {
    const local = transportFor({});
    const queued = transportFor({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect([local.kind, local.label]).toEqual(['in-process', 'postgres']);
    expect([queued.kind, queued.label]).toEqual(['bullmq', 'distributed']);
    await Promise.all([local.close(), queued.close()]);
  });

  it('opens no queue until one is used: an unreachable Redis does not stop a command that needs none', async () => {
    const queued = transportFor({ REDIS_URL: 'redis://127.0.0.1:1' });
    // Closing what was never opened returns at once (an opened ioredis client would retry the dead port).
    await expect(queued.close()).resolves.toBeUndefined();
  });
});

describe('in process', () => {
  it('runs the stages on stored articles here and reports them finished', async () => {
    const transport = transportFor({});
    const batch = await storedBatch(3);
    const done = await transport.processStored(batch, { wait: false, progress: () => {} });
    expect(done).toBe(true);
    expect(await pendingOf(batch.articleIds)).toBe(0);
    await transport.close();
  });

  it('refuses what only the queues can do, with the command to use instead', async () => {
    const transport = transportFor({});
    await expect(transport.syncSchedules([])).rejects.toThrow(NotInThisModeError);
    await expect(transport.syncSchedules([])).rejects.toThrow(/harvest run --due/);
    expect(() => transport.workerQueues()).toThrow(/needs REDIS_URL/);
    expect(() => transport.assertSchedulesInProcess()).not.toThrow();
    expect(transport.readinessQueues()).toEqual([]);
    expect(await transport.operatorPlugins()).toEqual([]);
  });

  it('recovers stranded pending articles and says so', async () => {
    const transport = transportFor({});
    const batch = await storedBatch(2);
    // Its run ended, and its process died before the stages: nobody will process what it stored.
    const outcome = await transport.recover(0);
    expect(outcome.failed).toBe(false);
    expect(outcome.lines.join('\n')).toMatch(/pending article\(s\) processed/);
    expect(await pendingOf(batch.articleIds)).toBe(0);
  });
});

describe('through the BullMQ queues', () => {
  const settings = { redisUrl: testRedisUrl, prefix: uniqueName('harvest_test') };
  const queues = useTestQueues(settings);
  useTestWorkers(() => db, queues, settings);
  const env = { REDIS_URL: settings.redisUrl, HARVEST_QUEUE_PREFIX: settings.prefix };

  it('queues stored articles for the workers, and waits for them when asked', async () => {
    const transport = transportFor(env);
    try {
      const batch = await storedBatch(3);
      const done = await transport.processStored(batch, { wait: true, progress: () => {} });
      expect(done).toBe(true);
      expect(await pendingOf(batch.articleIds)).toBe(0);

      const later = await storedBatch(1);
      expect(await transport.processStored(later, { wait: false, progress: () => {} })).toBe(false);
    } finally {
      await transport.close();
    }
  });

  it('gives the worker its queues and the probes their Redis, and refuses schedules in process', async () => {
    const transport = transportFor(env);
    try {
      const { queues: workerQueues, settings: workerSettings } = transport.workerQueues();
      expect(workerSettings).toEqual(settings);
      expect(transport.readinessQueues()).toEqual([workerQueues.crawl, workerQueues.articles]);
      expect(() => transport.assertSchedulesInProcess()).toThrow(NotInThisModeError);
      await expect(
        transport.harvestDue([], { trigger: 'due', wait: true, progress: () => {} }),
      ).rejects.toThrow(/cannot --wait/);
      expect(await transport.harvestDue([], { trigger: 'due', wait: false, progress: () => {} })).toEqual({
        busy: [],
      });
    } finally {
      await transport.close();
    }
  });
});
