import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';
import { flushQueuePrefix } from '../support/redis.js';
import { createTestDatabase, type TestDatabase, testRedisUrl, uniqueName } from '../support/services.js';

// One free port for the embedded and the distributed demo, so both see the same canonical URLs.
let port = '';
const embeddedDir = mkdtempSync(join(tmpdir(), 'harvest-embedded-'));
const workers: ChildProcess[] = [];

let testDb: TestDatabase;

beforeAll(async () => {
  port = String(await freePort());
  testDb = await createTestDatabase();
});

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await testDb?.drop();
  rmSync(embeddedDir, { recursive: true, force: true });
});

function distributedEnv(prefix: string, databaseUrl: string) {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl,
    HARVEST_QUEUE_PREFIX: prefix,
    HARVEST_RECOVERY_AFTER_SECS: '3',
  };
}

function startWorker(env: Record<string, string>): ChildProcess {
  const worker = startCli(['worker', '--concurrency', '4', '--lock-secs', '5'], env);
  worker.stderr?.resume();
  worker.stdout?.resume();
  workers.push(worker);
  return worker;
}

/** Resolves once any crawl run is running: the moment to break something mid-run. */
async function whenCrawling(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 2_400; i++) {
      const running = await client.query("SELECT 1 FROM crawl_runs WHERE status = 'running' LIMIT 1");
      if (running.rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('no crawl started');
  } finally {
    await client.end();
  }
}

async function draftsOf(env: Record<string, string>) {
  const listed = await runCli(['drafts', 'list', '--json'], env);
  expect(listed.code).toBe(0);
  return listed.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (line) => JSON.parse(line) as { canonical_url: string; status: string; filter_reason: string | null },
    );
}

const fates = (rows: Awaited<ReturnType<typeof draftsOf>>) =>
  rows.map((row) => `${row.canonical_url} ${row.status} ${row.filter_reason ?? ''}`).sort();

async function freshDatabase(): Promise<string> {
  const name = uniqueName('harvest_e2e');
  const admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  // A schema of its own per scenario, selected through the connection's search_path.
  return `${testDb.url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
}

describe('distributed demo', () => {
  let embedded: string[];

  beforeAll(async () => {
    const result = await runCli(['demo', '--port', port], { HARVEST_DATA_DIR: embeddedDir });
    expect(result.code).toBe(0);
    embedded = fates(await draftsOf({ HARVEST_DATA_DIR: embeddedDir }));
    expect(embedded.length).toBeGreaterThan(10);
  });

  it('stores exactly the embedded drafts, each once, when one of two workers is killed mid-run', async () => {
    const databaseUrl = await freshDatabase();
    const env = distributedEnv(uniqueName('harvest_e2e'), databaseUrl);
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const doomed = startWorker(env);
    startWorker(env);
    const demo = runCli(['demo', '--port', port, '--timeout', '120'], env);
    await whenCrawling(databaseUrl);
    doomed.kill('SIGKILL');
    const result = await demo;
    expect(result.stderr).not.toMatch(/gave up waiting/);
    expect(result.code).toBe(0);
    const rows = await draftsOf(env);
    expect(new Set(rows.map((row) => row.canonical_url)).size).toBe(rows.length);
    expect(fates(rows)).toEqual(embedded);
  });

  it('completes with nothing lost when Redis is flushed mid-run', async () => {
    const databaseUrl = await freshDatabase();
    const prefix = uniqueName('harvest_e2e');
    const env = distributedEnv(prefix, databaseUrl);
    expect((await runCli(['migrate'], env)).code).toBe(0);
    startWorker(env);
    const demo = runCli(['demo', '--port', port, '--timeout', '120'], env);
    await whenCrawling(databaseUrl);
    await flushQueuePrefix(prefix);
    const result = await demo;
    expect(result.code).toBe(0);
    expect(fates(await draftsOf(env))).toEqual(embedded);
  });
});
