import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';

const dataDir = mkdtempSync(join(tmpdir(), 'harvest-demo-'));
// A free port, picked once for the file: both demo runs serve the same origin, so the second finds every
// canonical URL of the first already known. (`harvest demo` itself defaults to the fixed 4870 for users.)
let port = '';
beforeAll(async () => {
  port = String(await freePort());
});
const env = { HARVEST_DATA_DIR: dataDir };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface DraftLine {
  source_id: string;
  status: string;
  country: string;
  lang: string;
  canonical_url: string;
  matched: string[];
}

async function drafts(status: string): Promise<DraftLine[]> {
  const listed = await runCli(['drafts', 'list', '--status', status, '--json'], env);
  expect(listed.code).toBe(0);
  return listed.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DraftLine);
}

describe('harvest demo (embedded)', () => {
  it('harvests the recorded sites into drafts from at least three sources, with a summary', async () => {
    const first = await runCli(['demo', '--port', port], env);
    expect(first.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/source\s+fetched\s+new drafts/);
    expect(first.stdout).toMatch(/country\s+fetched\s+new drafts/);
    const created = await drafts('new');
    expect(new Set(created.map((draft) => draft.source_id)).size).toBeGreaterThanOrEqual(3);
    for (const draft of created) expect(draft.matched.length).toBeGreaterThan(0);
    expect(created.some((draft) => draft.lang !== 'rus')).toBe(true);

    const filtered = await drafts('filtered');
    const reasons = new Set(
      filtered.map((item) => (item as unknown as { filter_reason: string }).filter_reason),
    );
    expect(reasons).toContain('not_relevant');
    expect(reasons).toContain('too_old');
  });

  it('adds nothing when run again', async () => {
    const before = await drafts('new');
    const second = await runCli(['demo', '--port', port], env);
    expect(second.code).toBe(0);
    const after = await drafts('new');
    expect(after.map((draft) => draft.canonical_url).sort()).toEqual(
      before.map((draft) => draft.canonical_url).sort(),
    );
    const totals = second.stdout.split('\n').find((line) => line.startsWith('total'));
    // total  fetched  new drafts  ...: the second run fetched the listings but stored no new draft.
    expect(totals?.split(/\s+/)[2]).toBe('0');
  });

  it('never fetched the article that robots.txt disallows', async () => {
    const all = [...(await drafts('new')), ...(await drafts('filtered'))];
    expect(all.some((item) => item.canonical_url.includes('/specproekt/'))).toBe(false);
  });
});
