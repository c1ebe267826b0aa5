import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuns, emptyCrawlStats, finishRun } from '../../src/db/runs-repo.js';
import { findDueSources } from '../../src/ops/due-sources.js';
import {
  enqueueScheduleJobs,
  openScheduleQueue,
  runScheduledSource,
  startScheduleWorker,
  syncSchedulers,
} from '../../src/ops/scheduled-crawls.js';
import { acquireSourceLease, withSourceLeases } from '../../src/ops/source-lease.js';
import { type SourceConfig, sourceSchema } from '../../src/sources/source-schema.js';
import { useMigratedDatabase } from '../support/database.js';
import { useTestQueues } from '../support/queues.js';
import { testRedisUrl, uniqueName } from '../support/services.js';

const settings = { redisUrl: testRedisUrl, prefix: uniqueName('harvest_test') };
const db = useMigratedDatabase();
const queues = useTestQueues(settings);
const scheduleQueue = openScheduleQueue(settings);

function source(id: string, extra: Record<string, unknown> = {}): SourceConfig {
  return sourceSchema.parse({
    id,
    name: id,
    country: 'KZ',
    languages: ['rus'],
    timezone: 'Asia/Almaty',
    schedule: '5 */3 * * *',
    discovery: { strategy: 'rss', urls: ['http://127.0.0.1:9/feed.xml'] },
    ...extra,
  });
}

afterAll(async () => {
  await scheduleQueue.obliterate({ force: true });
  await scheduleQueue.close();
});

describe('source leases', () => {
  it('let one holder crawl a source at a time, until its run finishes or the lease expires', async () => {
    expect(await acquireSourceLease(db, 'lease-a', 'one', 60)).toBe(true);
    expect(await acquireSourceLease(db, 'lease-a', 'two', 60)).toBe(false);
    expect(await acquireSourceLease(db, 'lease-b', 'two', 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await acquireSourceLease(db, 'lease-b', 'three', 60)).toBe(true);
  });

  it('are taken by only one of many simultaneous claimants', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => acquireSourceLease(db, 'lease-race', `holder-${i}`, 60)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('are released after the work, and a busy source is left out', async () => {
    await acquireSourceLease(db, 'busy-source', 'elsewhere', 60);
    const outcome = await withSourceLeases(
      db,
      ['free-source', 'busy-source'],
      { ttlSecs: 60 },
      async (ids) => ids,
    );
    expect(outcome).toEqual({ leased: ['free-source'], busy: ['busy-source'], result: ['free-source'] });
    expect(await acquireSourceLease(db, 'free-source', 'next', 60)).toBe(true);
  });
});

describe('job schedulers', () => {
  it('upserts one scheduler per enabled source and removes those of disabled or removed sources', async () => {
    const first = await syncSchedulers(db, scheduleQueue, [
      source('sched-a'),
      source('sched-b'),
      source('sched-c'),
    ]);
    expect(first).toEqual({ upserted: ['sched-a', 'sched-b', 'sched-c'], removed: [] });
    const second = await syncSchedulers(db, scheduleQueue, [
      source('sched-a', { schedule: '0 9 * * *', timezone: 'Asia/Baku' }),
      source('sched-b', { enabled: false }),
    ]);
    expect(second.removed.sort()).toEqual(['sched-b', 'sched-c']);
    const schedulers = await scheduleQueue.getJobSchedulers(0, -1);
    expect(schedulers.map(({ key, pattern, tz }) => ({ key, pattern, tz }))).toEqual([
      { key: 'source:sched-a', pattern: '0 9 * * *', tz: 'Asia/Baku' },
    ]);
    const stored = await db.query('SELECT source_id FROM scheduled_sources ORDER BY 1');
    expect(stored.rows).toEqual([{ source_id: 'sched-a' }]);
    // The scheduler's next job carries only the source id.
    const [next] = await scheduleQueue.getDelayed();
    expect(next?.data).toEqual({ sourceId: 'sched-a' });
  });

  it('a firing creates the run and queues its crawl; a second firing during the crawl does nothing', async () => {
    await syncSchedulers(db, scheduleQueue, [source('fire-a')]);
    const first = await runScheduledSource('fire-a', 'job:1', { db, queues, leaseSecs: 600 });
    expect(first.outcome).toBe('queued');
    const runId = (first as { runId: number }).runId;
    expect(await queues.crawl.getJob(`run-${runId}`)).toBeDefined();
    const run = await db.query('SELECT trigger, status FROM crawl_runs WHERE id = $1', [runId]);
    expect(run.rows[0]).toEqual({ trigger: 'schedule', status: 'queued' });

    expect(await runScheduledSource('fire-a', 'job:2', { db, queues, leaseSecs: 600 })).toEqual({
      outcome: 'busy',
    });
    await finishRun(db, runId, { status: 'succeeded', stats: emptyCrawlStats() });
    expect((await runScheduledSource('fire-a', 'job:3', { db, queues, leaseSecs: 600 })).outcome).toBe(
      'queued',
    );
    expect(await runScheduledSource('never-scheduled', 'job:4', { db, queues, leaseSecs: 600 })).toEqual({
      outcome: 'not_scheduled',
    });
  });

  it('the worker handles schedule jobs (as `run --due` queues them) and refuses bad payloads', async () => {
    const worker = startScheduleWorker({
      db,
      queues,
      settings,
      leaseSecs: 600,
      log: pino({ level: 'silent' }),
    });
    try {
      await enqueueScheduleJobs(db, scheduleQueue, [source('due-a')]);
      const bad = await scheduleQueue.add('schedule', { sourceId: 42 } as never);
      for (let i = 0; i < 100; i++) {
        const runs = await db.query("SELECT id FROM crawl_runs WHERE source_id = 'due-a'");
        if (runs.rowCount > 0 && (await bad.isFailed())) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const runs = await db.query<{ id: number }>("SELECT id FROM crawl_runs WHERE source_id = 'due-a'");
      expect(runs.rowCount).toBe(1);
      expect(await queues.crawl.getJob(`run-${runs.rows[0]!.id}`)).toBeDefined();
      expect((await scheduleQueue.getJob(bad.id!))?.failedReason).toMatch(/invalid job payload/);
    } finally {
      await worker.close();
    }
  });
});

describe('due sources', () => {
  it('are the enabled ones whose schedule fired since their last run', async () => {
    const now = new Date();
    const everyMinute = source('due-minute', { schedule: '* * * * *' });
    const daily = source('due-daily', { schedule: '0 0 1 1 *' });
    const never = source('due-never-ran', { schedule: '0 0 1 1 *' });
    const off = source('due-off', { enabled: false });
    await createRuns(db, [{ id: everyMinute.id, config: {} }], 'b1', 'test', undefined);
    await db.query(
      "UPDATE crawl_runs SET created_at = now() - interval '2 minutes' WHERE source_id = 'due-minute'",
    );
    await createRuns(db, [{ id: daily.id, config: {} }], 'b2', 'test');
    const due = await findDueSources(db, [everyMinute, daily, never, off], now);
    expect(due.map((s) => s.id)).toEqual(['due-minute', 'due-never-ran']);
  });
});
