import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourcesFile } from '../../src/config/sources.js';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { type Database, openPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createRuns, getRun } from '../../src/db/runs-repo.js';
import { enqueueArticles, enqueueCrawls } from '../../src/workers/bullmq-transport.js';
import { recoverPendingWork } from '../../src/workers/recover.js';
import { freePort } from '../support/ports.js';
import { useTestQueues, useTestWorkers } from '../support/queues.js';
import { testRedisUrl, uniqueName } from '../support/services.js';

// Restarting the shared Postgres would break the test files running alongside: this file starts a private
// PostgreSQL server of its own (initdb + pg_ctl of the installed version) on another port, in a temp dir.

const binDir = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(root, version, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
})();
const isRoot = process.getuid?.() === 0;
// Picked in beforeAll: a free port, so that files running side by side never collide.
let port = 0;
let dir = '';
const dataDir = () => join(dir, 'data');
const settings = { redisUrl: testRedisUrl, prefix: uniqueName('harvest_test') };

/** initdb and pg_ctl refuse to run as root: as root, they run as the postgres user. */
function pgTool(tool: string, args: string[]): void {
  const command = join(binDir!, tool);
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

// With a log file: a server writing to our pipe would keep execFileSync waiting for ever.
function startServer(): void {
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  pgTool('pg_ctl', ['-D', dataDir(), '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
}

let db: Database;
let server: FixtureServer;

describe.skipIf(!binDir)('Postgres restarted mid-run (private server)', () => {
  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'harvest-private-pg-'));
    if (isRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dir, uid, gid);
    }
    pgTool('initdb', ['-D', dataDir(), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    startServer();
    db = openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
    await migrate(db);
    server = await startFixtureServer({ port: 0 });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await db?.close();
    if (dir && existsSync(join(dataDir(), 'postmaster.pid')))
      pgTool('pg_ctl', ['-D', dataDir(), '-m', 'immediate', 'stop']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // After the private server's hooks: the workers start on its database and have stopped before it goes.
  const queues = useTestQueues(settings);
  useTestWorkers(() => db, queues, settings);

  it('stores every article once, and the crawl that was running finishes', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 150; i++) {
      const url = `https://restart.example/${i}`;
      const { id } = await insertCandidate(db, {
        sourceId: 'restart',
        runId: null,
        url,
        canonicalUrl: url,
        title: `Изъято ${i} граммов героина`,
        body: `Полиция Бишкека изъяла ${i} граммов героина и возбудила уголовное дело номер ${i}.`,
        publishedAt: new Date().toISOString(),
        extraction: {},
      });
      ids.push(id);
    }
    const source = loadSourcesFile('config/sources.demo.yaml', {
      variables: { FIXTURES_ORIGIN: server.origin },
    }).sources.find((s) => s.id === 'polisia-kz-ru')!;
    const [run] = await createRuns(db, [{ id: source.id, config: source }], 'restart', 'test');
    await enqueueCrawls(queues, [run!.id]);
    await enqueueArticles(queues, ids);

    const pendingCount = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE status = 'pending'"))
        .rows[0]!.n;
    while ((await pendingCount()) > 120) await new Promise((resolve) => setTimeout(resolve, 20));
    pgTool('pg_ctl', ['-D', dataDir(), '-m', 'fast', '-w', 'stop']);
    startServer();

    // What every worker does on a timer: put work the failed jobs left behind back on the queues.
    const deadline = Date.now() + 100_000;
    for (;;) {
      // The pool's idle connections died with the server: a query may fail once before it reconnects.
      const status = await getRun(db, run!.id).then(
        (current) => current?.status,
        () => undefined,
      );
      const pending = await pendingCount().catch(() => -1);
      if ((status === 'succeeded' || status === 'failed') && pending === 0) break;
      if (Date.now() > deadline) throw new Error('work did not finish after the restart');
      await recoverPendingWork(db, queues, 3).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect((await getRun(db, run!.id))?.status).toBe('succeeded');
    const rows = await db.query<{ canonical_url: string; status: string; filter_reason: string | null }>(
      'SELECT canonical_url, status, filter_reason FROM articles',
    );
    expect(new Set(rows.rows.map((row) => row.canonical_url)).size).toBe(rows.rows.length);
    const restartRows = rows.rows.filter((row) => row.canonical_url.startsWith('https://restart.example/'));
    expect(restartRows).toHaveLength(150);
    expect(restartRows.every((row) => row.status === 'new')).toBe(true);
    expect(rows.rows.length).toBeGreaterThan(150);
  }, 150_000);
});
