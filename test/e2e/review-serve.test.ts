import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';

// The embedded database (PGlite): what an analyst gets without any service installed.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-review-'));
const env = { HARVEST_DATA_DIR: join(workDir, 'data') };

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('harvest users', () => {
  it('adds users with a password from stdin, refuses a second one of the same name', async () => {
    const added = await runCli(
      ['users', 'add', '--name', 'aigul', '--role', 'admin', '--password-stdin'],
      env,
      'first admin password\n',
    );
    expect(added.stderr).toContain('user aigul (admin) added');
    expect(added.code).toBe(0);
    const duplicate = await runCli(
      ['users', 'add', '--name', 'AIGUL', '--role', 'analyst', '--password-stdin'],
      env,
      'another password\n',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    const list = await runCli(['users', 'list'], env);
    expect(list.stdout.trim()).toBe('aigul\tadmin\tactive');
  });
});

describe('harvest users add', () => {
  it('refuses short passwords, unknown roles and passwords not from stdin', async () => {
    const short = await runCli(
      ['users', 'add', '--name', 'x', '--role', 'analyst', '--password-stdin'],
      env,
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 10 characters');
    expect(
      (await runCli(['users', 'add', '--name', 'x', '--role', 'boss', '--password-stdin'], env)).code,
    ).toBe(2);
    expect((await runCli(['users', 'add', '--name', 'x', '--role', 'analyst'], env)).code).toBe(2);
  });
});

describe('harvest serve', () => {
  it('serves the workspace on the embedded database until stopped', async () => {
    const server = startCli(['serve', '--port', '0'], env);
    const origin = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      server.stderr?.on('data', (chunk) => {
        stderr += chunk;
        const match = /review workspace on (http:\/\/\S+) \(pglite\)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    try {
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${origin}/api/items`)).status).toBe(401);
      const login = await fetch(`${origin}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'aigul', password: 'first admin password' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const items = await fetch(`${origin}/api/items?q=героин`, { headers: { cookie } });
      expect(await items.json()).toMatchObject({ items: [], total: 0 });
      const queue = await fetch(`${origin}/queue`, { headers: { cookie } });
      expect(await queue.text()).toContain('Draft queue');
    } finally {
      const exit = new Promise<number | null>((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      expect(await exit).toBe(0);
    }
  });

  it('rejects a bad port with the usage', async () => {
    const result = await runCli(['serve', '--port', 'eighty'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: harvest serve');
  });
});
