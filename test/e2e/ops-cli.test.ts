import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';
import { runCli, startCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';
import { flushQueuePrefix } from '../support/redis.js';
import { createTestDatabase, type TestDatabase, testRedisUrl, uniqueName } from '../support/services.js';

const dataDir = mkdtempSync(join(tmpdir(), 'harvest-ops-'));
const demoSources = 'config/sources.demo.yaml';
let fixtures: FixtureServer;
let hook: Server;
let testDb: TestDatabase;
const messages: string[] = [];

beforeAll(async () => {
  fixtures = await startFixtureServer({ port: 0 });
  hook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      messages.push((JSON.parse(body) as { text: string }).text);
      response.end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  testDb = await createTestDatabase();
});

afterAll(async () => {
  hook?.close();
  await fixtures?.close();
  await testDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const embeddedEnv = () => ({
  HARVEST_DATA_DIR: dataDir,
  FIXTURES_ORIGIN: fixtures.origin,
  HARVEST_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
});

describe('harvest run --due and sources health (embedded)', () => {
  it('runs the sources that are due, then none until their schedule fires again', async () => {
    const first = await runCli(['run', '--due', '--sources', demoSources], embeddedEnv());
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/(\d+) of \1 source\(s\) due/);
    const second = await runCli(['run', '--due', '--sources', demoSources], embeddedEnv());
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/0 of \d+ source\(s\) due: none/);
  }, 180_000);

  it('announced on the webhook that the recorded sites have published nothing for months', async () => {
    // The demo pages were recorded long ago, and `run` judges them against today.
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/source health changed/);
    expect(messages[0]).toMatch(/polisia-kz-ru: new → BROKEN — no new article for \d+\.\d days/);
  });

  it('prints the health table and announces nothing that did not change', async () => {
    const result = await runCli(['sources', 'health', '--sources', demoSources], embeddedEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^source\s+state\s+since last check\s+last run\s+reasons/);
    expect(result.stdout).toMatch(/polisia-kz-ru\s+broken\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+no new article/);
    expect(messages).toHaveLength(1);
    const json = await runCli(['sources', 'health', '--sources', demoSources, '--json'], embeddedEnv());
    expect(JSON.parse(json.stdout.split('\n')[0]!)).toMatchObject({ state: 'broken', changed: false });
  }, 60_000);
});

describe('distributed ops verbs', () => {
  const prefix = uniqueName('harvest_e2e');
  const env = () => ({
    DATABASE_URL: testDb.url,
    REDIS_URL: testRedisUrl,
    HARVEST_QUEUE_PREFIX: prefix,
    FIXTURES_ORIGIN: fixtures.origin,
  });
  afterAll(async () => {
    await flushQueuePrefix(prefix);
  });

  it('harvest schedule upserts one job scheduler per enabled source', async () => {
    const result = await runCli(['schedule', '--sources', demoSources], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/scheduled polisia-kz-ru: "[^"]+" Asia\/Almaty, next \d{4}-/);
    const queue = new Queue('schedule', { connection: { url: testRedisUrl }, prefix });
    const schedulers = await queue.getJobSchedulers(0, -1);
    await queue.close();
    expect(schedulers.length).toBe(result.stdout.trim().split('\n').length);
    expect(schedulers.map((s) => s.key)).toContain('source:polisia-kz-ru');
  }, 60_000);

  it('harvest recover prints what it put back; embedded, what it finished', async () => {
    const result = await runCli(['recover'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/articles re-enqueued: 0\ncrawl runs re-enqueued: 0/);
    const embedded = await runCli(['recover'], { HARVEST_DATA_DIR: dataDir });
    expect(embedded.code).toBe(0);
    expect(embedded.stdout.trim()).toBe('nothing was stranded');
  }, 60_000);

  it('harvest worker --metrics-port serves /metrics, /healthz and /readyz', async () => {
    const port = await freePort();
    const worker = startCli(['worker', '--metrics-port', String(port)], env());
    worker.stdout?.resume();
    worker.stderr?.resume();
    try {
      let metrics = '';
      // A worker loads for a while on a busy machine before it listens.
      const deadline = Date.now() + 60_000;
      while (!metrics && Date.now() < deadline) {
        metrics = await fetch(`http://127.0.0.1:${port}/metrics`).then(
          (response) => response.text(),
          () => '',
        );
        if (!metrics) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(metrics).toMatch(/harvest_queue_jobs\{queue="schedule",state="delayed"\} \d+/);
      expect(metrics).toMatch(/# TYPE harvest_jobs_total counter/);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
    } finally {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
  }, 120_000);
});
