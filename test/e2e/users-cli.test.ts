import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';

// People management from the command line, on the embedded database, and the server it serves.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-users-'));
const env = { HARVEST_DATA_DIR: join(workDir, 'data'), USER: 'ops-team' };

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const users = (...args: string[]) => runCli(['users', ...args], env);
const today = new Date().toISOString().slice(0, 10);

async function startServe(args: string[]): Promise<{ origin: string; stop(): Promise<number | null> }> {
  const server = startCli(['serve', '--port', '0', ...args], env);
  const origin = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    server.stderr?.on('data', (chunk) => {
      stderr += chunk;
      const match = /review workspace on (http:\/\/\S+) \(pglite\)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    origin,
    stop: () => {
      const exit = new Promise<number | null>((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      return exit;
    },
  };
}

describe('harvest users', () => {
  it('disables, enables, re-roles and resets accounts, never the last active admin', async () => {
    expect(
      (
        await runCli(
          ['users', 'add', '--name', 'aigul', '--role', 'admin', '--password-stdin'],
          env,
          'first admin password\n',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          ['users', 'add', '--name', 'bakyt', '--role', 'analyst', '--password-stdin'],
          env,
          'analyst password\n',
        )
      ).code,
    ).toBe(0);

    const disabled = await users('disable', '--name', 'BAKYT');
    expect(disabled).toMatchObject({ code: 0, stderr: 'bakyt disabled\n' });
    expect((await users('list')).stdout).toBe(
      `aigul\tadmin\tactive\nbakyt\tanalyst\tdisabled since ${today} by cli:ops-team\n`,
    );

    for (const args of [
      ['disable', '--name', 'aigul'],
      ['role', '--name', 'aigul', '--role', 'operator'],
    ]) {
      const refused = await users(...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^harvest users: aigul is the last active admin and cannot be (disabled|demoted): make another user admin first\n$/,
      );
    }

    expect((await users('enable', '--name', 'bakyt')).stderr).toBe('bakyt enabled\n');
    expect((await users('role', '--name', 'bakyt', '--role', 'admin')).stderr).toBe('bakyt is now admin\n');

    const reset = await runCli(
      ['users', 'reset-password', '--name', 'bakyt', '--password-stdin'],
      env,
      'a new password\n',
    );
    expect(reset).toMatchObject({ code: 0, stderr: 'password of bakyt reset\n' });

    expect(await users('disable', '--name', 'zed')).toMatchObject({
      code: 1,
      stderr: 'harvest users: no user "zed"\n',
    });
    expect((await users('disable')).code).toBe(2);
  }, 600_000);
});

describe('harvest serve --trust-proxy', () => {
  it('refuses a missing value and "true", which would trust every forwarded address', async () => {
    const missing = await runCli(['serve', '--trust-proxy'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('usage: harvest serve');
    const everything = await runCli(['serve', '--trust-proxy', 'true'], env);
    expect(everything.code).toBe(2);
    expect(everything.stderr).toMatch(
      /--trust-proxy: "true" would believe every address a client puts in X-Forwarded-For/,
    );
    const badNetwork = await runCli(['serve', '--trust-proxy', '10.0.0.0/33'], env);
    expect(badNetwork.code).toBe(2);
    expect(badNetwork.stderr).toContain('"10.0.0.0/33": the prefix length must be 0…32');
  });

  it('limits 12 forged addresses behind one proxy as one client and audits its real address', async () => {
    const serve = await startServe(['--trust-proxy', '1']);
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const response = await fetch(`${serve.origin}/api/login`, {
          method: 'POST',
          // This test is the proxy: it appends the address it saw to what the client sent.
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `198.51.100.${attempt}, 203.0.113.50`,
          },
          body: JSON.stringify({ name: 'bakyt', password: 'wrong password' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);

      const login = await fetch(`${serve.origin}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ name: 'aigul', password: 'first admin password' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const activity = async (query: string) =>
        (await (await fetch(`${serve.origin}/api/activity${query}`, { headers: { cookie } })).json())
          .entries as Array<{
          user_name: string;
          action: string;
          after: Record<string, unknown>;
        }>;
      const failures = await activity('?action=login_failed');
      expect(failures.map((entry) => entry.after)).toEqual(Array(5).fill({ ip: '203.0.113.50' }));
      // What the command line did is in the same log, under the shell's user.
      const changes = await activity('?person=cli:ops-team');
      expect(changes.map((entry) => entry.action).reverse()).toEqual([
        'add_user',
        'add_user',
        'disable_user',
        'enable_user',
        'change_role',
        'reset_password',
      ]);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  }, 600_000);
});
