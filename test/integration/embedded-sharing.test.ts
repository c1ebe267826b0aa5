import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, readLockOwner } from '../../src/db/embedded/data-folder-lock.js';
import { currentProcess, type ProcessIdentity } from '../../src/db/embedded/process-identity.js';
import { DataFolderBusyError, SharedEmbeddedDatabase } from '../../src/db/embedded/shared-database.js';
import { createLogger } from '../../src/logger.js';

// Several openers of one embedded folder in this process: the first owns it, the others reach it over its
// socket exactly as other processes do (test/e2e/embedded-sharing.test.ts runs them as real processes).
const workDir = mkdtempSync(join(tmpdir(), 'harvest-sharing-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const log = createLogger('silent', false);
let folders = 0;

function opener(command: string, pid = process.pid): ProcessIdentity {
  return { ...currentProcess(command), pid };
}

async function openBoth(): Promise<{
  dataDir: string;
  owner: SharedEmbeddedDatabase;
  client: SharedEmbeddedDatabase;
}> {
  folders += 1;
  const dataDir = join(workDir, `data-${folders}`);
  const owner = await SharedEmbeddedDatabase.open({ dataDir, me: opener('harvest serve'), log });
  const client = await SharedEmbeddedDatabase.open({ dataDir, me: opener('harvest run'), log });
  await owner.exec('CREATE TABLE t (id int PRIMARY KEY, note text, at timestamptz, data bytea, doc jsonb)');
  return { dataDir, owner, client };
}

describe('one embedded data folder, several users', () => {
  it('lets the second opener work through the first: rows, types, errors with their code', async () => {
    const { dataDir, owner, client } = await openBoth();
    try {
      expect(owner.role().role).toBe('owner');
      expect(client.role()).toMatchObject({ role: 'client', owner: { command: 'harvest serve' } });
      expect(readLockOwner(dataDir)).toMatchObject({ pid: process.pid, command: 'harvest serve' });
      const at = new Date('2025-09-21T17:05:00Z');
      await client.query('INSERT INTO t VALUES ($1, $2, $3, $4, $5)', [
        1,
        'героин',
        at,
        Buffer.from([0, 1, 2]),
        JSON.stringify({ a: [1, 2] }),
      ]);
      const seen = await owner.query<{ note: string; at: Date; data: Uint8Array; doc: unknown }>(
        'SELECT note, at, data, doc FROM t WHERE id = 1',
      );
      expect(seen.rows[0]).toMatchObject({ note: 'героин', doc: { a: [1, 2] } });
      expect(seen.rows[0]!.at.toISOString()).toBe(at.toISOString());
      const back = await client.query<{ at: Date; data: Uint8Array }>('SELECT at, data FROM t');
      expect(back.rows[0]!.at).toBeInstanceOf(Date);
      expect([...back.rows[0]!.data]).toEqual([0, 1, 2]);
      expect(back.rowCount).toBe(1);
      const duplicate = await client.query('INSERT INTO t (id) VALUES (1)').catch((error: unknown) => error);
      expect(duplicate).toMatchObject({ code: '23505' });
      expect((duplicate as Error).message).toMatch(/duplicate key/);
    } finally {
      await client.close();
      await owner.close();
    }
  });

  it('keeps a client transaction atomic and serialised with the owner’s own', async () => {
    const { owner, client } = await openBoth();
    try {
      await owner.query("INSERT INTO t (id, note) VALUES (0, '0')");
      const failed = await client
        .transaction(async (tx) => {
          await tx.query("INSERT INTO t (id, note) VALUES (10, 'kept?')");
          throw new Error('changed my mind');
        })
        .catch((error: Error) => error.message);
      expect(failed).toBe('changed my mind');
      expect((await owner.query('SELECT 1 FROM t WHERE id = 10')).rowCount).toBe(0);

      // Read-modify-write from both sides at once: without serialisation increments would be lost.
      const increment = (db: SharedEmbeddedDatabase) =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ note: string }>('SELECT note FROM t WHERE id = 0');
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.query('UPDATE t SET note = $1 WHERE id = 0', [String(Number(rows[0]!.note) + 1)]);
        });
      await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? owner : client)));
      const { rows } = await client.query<{ note: string }>('SELECT note FROM t WHERE id = 0');
      expect(rows[0]!.note).toBe('20');
    } finally {
      await client.close();
      await owner.close();
    }
  });

  it('hands the folder over when the owner closes, without failing the client’s open transaction', async () => {
    const { dataDir, owner, client } = await openBoth();
    let ownerClosed = false;
    let closing: Promise<void> | undefined;
    await client.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id, note) VALUES (1, 'before')");
      // The owner starts closing while this transaction is open: it must wait for it.
      closing = owner.close().then(() => {
        ownerClosed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ownerClosed).toBe(false);
      await tx.query("INSERT INTO t (id, note) VALUES (2, 'during close')");
    });
    await closing;
    expect(ownerClosed).toBe(true);
    // The next statement finds the folder without owner, so the client takes it over.
    const { rows } = await client.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
    expect(client.role().role).toBe('owner');
    expect(readLockOwner(dataDir)).toMatchObject({ command: 'harvest run' });
    await client.close();
    expect(readLockOwner(dataDir)).toBeUndefined();
  });

  it('takes over the lock of a process that died, and waits for an owner that does not answer, then says who', async () => {
    folders += 1;
    const dataDir = join(workDir, `data-${folders}`);
    const first = await SharedEmbeddedDatabase.open({ dataDir, me: opener('harvest run'), log });
    await first.exec('CREATE TABLE kept (n int)');
    await first.query('INSERT INTO kept VALUES (7)');
    await first.close();
    // A lock left by a killed process: pid 2^22 - 1 does not exist (pid_max is at most 2^22).
    const dead = { ...opener('harvest run --due', 4_194_303), socket: join(dataDir, 'harvest.sock') };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(dead));
    const next = await SharedEmbeddedDatabase.open({ dataDir, me: opener('harvest demo'), log });
    expect((await next.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 7 }]);
    expect(readLockOwner(dataDir)).toMatchObject({ command: 'harvest demo' });
    await next.close();

    // Alive (pid 1 always is) but not listening: refused with one line naming it, once the wait is over.
    const stuck = {
      ...opener('harvest serve', 1),
      startTicks: undefined,
      socket: join(dataDir, 'nobody.sock'),
    };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(stuck));
    const refused = await SharedEmbeddedDatabase.open({
      dataDir,
      me: opener('harvest drafts list'),
      log,
      reachOwnerTimeoutMs: 300,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFolderBusyError);
    expect((refused as Error).message).toMatch(
      /is held by pid 1 \(harvest serve, since .*\), which does not answer/,
    );
    expect((refused as Error).message).not.toContain('\n');
  });
});
