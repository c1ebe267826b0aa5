import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSharedDir } from '../../scripts/eval.js';
import { cliEnv, repoRoot } from '../support/cli.js';

// The README's JSON examples as a user types them (`npx harvest …`): stdout must hold the JSON and nothing else —
// no npm banner, no log line — so that it can be piped into jq or another program.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-readme-json-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const env = { HARVEST_DATA_DIR: join(workDir, 'data'), LOG_LEVEL: 'info' };

function npx(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'harvest', ...args], { cwd: repoRoot, env: cliEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('README JSON examples', () => {
  it('show every command as `harvest …` or `npx harvest …`, never through npm run without -s', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/npm run harvest --/);
    expect(readme).not.toMatch(/npm run --silent harvest/);
  });

  it('print clean JSON on stdout through npx', async () => {
    const seed = join(findSharedDir(), 'seeds', '000_47f95a5e802b696b.txt');
    const release = await npx(['import-bulletin', seed, '--json']);
    expect(release.code, release.stderr).toBe(0);
    expect(JSON.parse(release.stdout)).toMatchObject({ number: 17, by_country: { AZ: 9, KZ: 11 } });

    const drafts = await npx(['drafts', 'list', '--status', 'published', '--json']);
    expect(drafts.code, drafts.stderr).toBe(0);
    expect(jsonLines(drafts.stdout)).toHaveLength(33);

    const sources = join(workDir, 'sources.yaml');
    writeFileSync(sources, readFileSync(join(repoRoot, 'config', 'sources.yaml')));
    const health = await npx(['sources', 'health', '--sources', sources, '--json']);
    expect(health.code, health.stderr).toBe(0);
    expect(jsonLines(health.stdout).length).toBeGreaterThan(0);

    const analyzed = await npx(
      ['analyze', '-'],
      `${JSON.stringify({ id: 1, title: 'В Алматы изъяли 2 кг героина', text: 'Полиция задержала наркокурьера.' })}\n`,
    );
    expect(analyzed.code, analyzed.stderr).toBe(0);
    expect(jsonLines(analyzed.stdout)).toEqual([expect.objectContaining({ id: 1, relevant: true })]);
  });
});
