import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticles } from '../../scripts/bench/synthetic-articles.js';
import { type SyntheticSite, startSyntheticSite } from '../../scripts/bench/synthetic-site.js';
import { readLockOwner } from '../../src/db/embedded/data-folder-lock.js';
import { currentProcess } from '../../src/db/embedded/process-identity.js';
import { SharedEmbeddedDatabase } from '../../src/db/embedded/shared-database.js';
import { createLogger } from '../../src/logger.js';
import { repoRoot, runCli, startCli } from '../support/cli.js';

// The README's single-machine set-up, as users run it: real `harvest` processes sharing real data folders.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-shared-folder-'));
const log = createLogger('silent', false);
let site: SyntheticSite;
let browser: Browser | undefined;

/** A sources file with one source: the synthetic site's sitemap, crawled politely two pages at a time. */
function sourcesFile(name: string, sourceId = 'local-news'): string {
  const path = join(workDir, `${name}.yaml`);
  writeFileSync(
    path,
    [
      'sources:',
      `  - id: ${sourceId}`,
      '    name: Local news',
      '    country: KZ',
      '    languages: [rus, kaz, uzb, aze, tgk, eng]',
      '    timezone: Asia/Almaty',
      // Once a year: the second `run --due` a few seconds after the first must find it not due (every five
      // minutes, a slow machine crossed a fire time between the two).
      '    schedule: "0 0 1 1 *"',
      '    limits: { maxArticles: 1000, requestDelayMs: 0, maxConcurrency: 2, maxAgeDays: 3650 }',
      '    discovery:',
      '      strategy: sitemap',
      `      urls: ["${site.sitemapUrl}"]`,
    ].join('\n'),
  );
  return path;
}

let folders = 0;
const newDataDir = () => join(workDir, `data-${++folders}`);

/** Reads a folder once no harvest process has it open (this process becomes its owner for a moment). */
async function inspect<T>(dataDir: string, read: (db: SharedEmbeddedDatabase) => Promise<T>): Promise<T> {
  const db = await SharedEmbeddedDatabase.open({ dataDir, me: currentProcess('test inspection'), log });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** Starts `harvest serve` and resolves with its address once it listens. */
function startServe(env: Record<string, string>, args: string[] = []) {
  const child = startCli(['serve', '--port', '0', ...args], env);
  let stderr = '';
  const origin = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      const match = /review workspace on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const stop = async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    return exited;
  };
  return { child, origin, stop, stderr: () => stderr };
}

async function apiSession(origin: string, name: string, password: string) {
  const login = await fetch(`${origin}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return {
    get: async (path: string) => (await fetch(`${origin}${path}`, { headers: { cookie } })).json(),
  };
}

beforeAll(async () => {
  site = await startSyntheticSite([...syntheticArticles(60, { seed: 11, bodyChars: 600, drugShare: 0.5 })]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('two harvest runs at once on one data folder', () => {
  it('both complete, one through the other, and every id, URL and run is stored once', async () => {
    const dataDir = newDataDir();
    const env = { HARVEST_DATA_DIR: dataDir };
    const file = sourcesFile('twice');
    const [first, second] = await Promise.all([
      runCli(['run', '--sources', file], env),
      runCli(['run', '--sources', file], env),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const counts = await inspect(dataDir, async (db) => {
      const articles = await db.query<{ rows: number; ids: number; urls: number; pending: number }>(
        `SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids, count(DISTINCT canonical_url)::int AS urls,
                count(*) FILTER (WHERE status = 'pending')::int AS pending FROM articles`,
      );
      const runs = await db.query<{ status: string }>('SELECT status FROM crawl_runs ORDER BY id');
      return { ...articles.rows[0]!, runs: runs.rows.map((run) => run.status) };
    });
    expect(counts).toEqual({ rows: 60, ids: 60, urls: 60, pending: 0, runs: ['succeeded', 'succeeded'] });
    expect(existsSync(join(dataDir, 'harvest.lock'))).toBe(false);
  });
});

describe('a harvest killed with SIGKILL', () => {
  it('leaves nothing stranded once the next harvest starts: its run failed, its articles processed', async () => {
    const dataDir = newDataDir();
    const env = { HARVEST_DATA_DIR: dataDir };
    const file = sourcesFile('killed');
    site.delayMs = 150;
    const servedBefore = site.articlesServed;
    try {
      const harvest = startCli(['run', '--sources', file], env);
      const exited = new Promise<void>((resolve) => harvest.on('exit', () => resolve()));
      await expect
        .poll(() => site.articlesServed - servedBefore, { timeout: 120_000, interval: 100 })
        .toBeGreaterThan(20);
      // Candidates are written every 200 ms: some are stored and none processed yet (that comes after the crawl).
      await new Promise((resolve) => setTimeout(resolve, 800));
      harvest.kill('SIGKILL');
      await exited;
      expect(readLockOwner(dataDir)).toMatchObject({ pid: harvest.pid });
    } finally {
      site.delayMs = 0;
    }

    const next = await runCli(['run', '--sources', file], env);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      /recovered: run 1 \(local-news\) marked failed — interrupted: its process, pid \d+/,
    );
    // Stored by the killed harvest, never processed by it: the new owner finished them before crawling.
    expect(next.stderr).toMatch(/recovered: \d+ pending article\(s\) processed/);
    const state = await inspect(dataDir, async (db) => {
      const runs = await db.query<{ status: string; error: string | null }>(
        'SELECT status, error FROM crawl_runs ORDER BY id',
      );
      const fates = await db.query<{ status: string; reason: string | null; n: number }>(
        `SELECT status, filter_reason AS reason, count(*)::int AS n FROM articles GROUP BY 1, 2`,
      );
      return { runs: runs.rows, fates: fates.rows };
    });
    expect(state.runs.map((run) => run.status)).toEqual(['failed', 'succeeded']);
    expect(state.runs[0]!.error).toMatch(
      /harvest run --sources .*killed\.yaml.*ended before the run finished/,
    );
    const total = state.fates.reduce((sum, fate) => sum + fate.n, 0);
    expect(total).toBe(60);
    for (const fate of state.fates) {
      expect(fate.status).not.toBe('pending');
      if (fate.status === 'filtered') expect(fate.reason).not.toBeNull();
    }
  });
});

describe('harvest serve with a demo, an analyst and cron beside it', () => {
  it('shares one folder: each process sees the others’ writes while they run, and nothing is lost at the end', async () => {
    const dataDir = newDataDir();
    const env = { HARVEST_DATA_DIR: dataDir };
    const serve = startServe(env);
    try {
      const origin = await serve.origin;
      const added = await runCli(
        ['users', 'add', '--name', 'aigul', '--role', 'analyst', '--password-stdin'],
        env,
        'a long test password\n',
      );
      expect(added.code, added.stderr).toBe(0);

      // The demo in a second shell, into the served folder (named explicitly, as the demo requires).
      const demo = await runCli(['demo', '--port', '0', '--data-dir', dataDir], {});
      expect(demo.code, demo.stderr).toBe(0);
      const listed = await runCli(['drafts', 'list', '--json', '--limit', '1000'], env);
      const candidates = listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: number });
      expect(candidates.length).toBeGreaterThan(20);

      // The browser sees the demo's drafts at once, and an approval there is seen by the CLI while serve runs.
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      });
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/queue?status=new&sort=date`);
      await page.fill('input[name=name]', 'aigul');
      await page.fill('input[name=password]', 'a long test password');
      await Promise.all([page.waitForURL(/\/queue/), page.click('#login-form button')]);
      const rows = page.locator('#queue tbody tr');
      const approvedId = Number(await rows.nth(0).getAttribute('data-id'));
      expect(candidates.some((candidate) => candidate.id === approvedId)).toBe(true);
      await page.keyboard.press('a');
      await expect.poll(() => rows.nth(0).locator('.status').textContent()).toBe('approved');
      const approved = await runCli(['drafts', 'list', '--status', 'approved', '--json'], env);
      expect(
        approved.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).id),
      ).toEqual([approvedId]);

      // The README's cron line beside serve: crawls through it, exit code 0, and serve sees the new drafts.
      const cron = await runCli(['run', '--due', '--sources', sourcesFile('cron', 'cron-news')], env);
      expect(cron.code, cron.stderr).toBe(0);
      expect(cron.stderr).toMatch(/1 of 1 source\(s\) due: cron-news/);
      const api = await apiSession(origin, 'aigul', 'a long test password');
      const fromCron = (await api.get('/api/items?source=cron-news&status=any')) as { total: number };
      expect(fromCron.total).toBe(60);
      const again = await runCli(['run', '--due', '--sources', sourcesFile('cron', 'cron-news')], env);
      expect(again.stderr).toMatch(/0 of 1 source\(s\) due/);

      // /healthz and /readyz answer without a session.
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      const ready = await fetch(`${origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
      expect(await (await fetch(`${origin}/metrics`)).text()).toMatch(/harvest_/);
    } finally {
      expect(await serve.stop()).toBe(0);
    }

    // After serve has stopped: every candidate and the approval are still there.
    const after = await runCli(['drafts', 'list', '--json', '--limit', '1000'], env);
    const rows = after.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; source_id: string });
    expect(rows.filter((row) => row.source_id === 'cron-news')).toHaveLength(60);
    expect(rows.filter((row) => row.status === 'approved')).toHaveLength(1);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(0);
    expect(rows.length).toBeGreaterThan(80);
  });

  it('says in one line when serve’s port is taken', async () => {
    const dataDir = newDataDir();
    const serve = startServe({ HARVEST_DATA_DIR: dataDir });
    try {
      const port = new URL(await serve.origin).port;
      const second = await runCli(['serve', '--port', port], { HARVEST_DATA_DIR: newDataDir() });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(
        `harvest serve: port ${port} is already in use (another harvest process?): choose a free one with --port N, or stop that process`,
      );
    } finally {
      await serve.stop();
    }
  });
});

describe('harvest demo', () => {
  it('keeps to a folder of its own unless a database is named, and says how to review it', async () => {
    const cwd = mkdtempSync(join(workDir, 'user-'));
    const demo = await runCli(
      ['demo', '--port', '0'],
      { HARVEST_KEYWORDS: join(repoRoot, 'config/keywords.yaml') },
      '',
      {
        cwd,
      },
    );
    expect(demo.code, demo.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'data'))).toEqual(['demo']);
    expect(demo.stdout).toContain(
      `demo database: ${join(cwd, 'data', 'demo')} — review it with: harvest serve --data-dir data/demo`,
    );
    expect(demo.stderr).toMatch(
      /Review the new drafts with: harvest drafts list --data-dir data\/demo --status new/,
    );
  });
});
