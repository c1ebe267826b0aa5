import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticles } from '../../scripts/bench/synthetic-articles.js';
import { type SyntheticSite, startSyntheticSite } from '../../scripts/bench/synthetic-site.js';
import { runCli, startCli } from '../support/cli.js';

// `harvest up`: a single-machine deployment without cron — the review workspace and the schedules in one process.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-up-'));
let site: SyntheticSite;

beforeAll(async () => {
  site = await startSyntheticSite([...syntheticArticles(30, { seed: 5, bodyChars: 500, drugShare: 0.5 })]);
});
afterAll(async () => {
  await site?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('harvest up', () => {
  it('crawls a due source on its schedule while serving, and a cron run beside it finds nothing due', async () => {
    const dataDir = join(workDir, 'data');
    const sources = join(workDir, 'sources.yaml');
    writeFileSync(
      sources,
      [
        'sources:',
        '  - id: up-news',
        '    name: Local news',
        '    country: KZ',
        '    languages: [rus, kaz, uzb, aze, tgk, eng]',
        '    timezone: Asia/Almaty',
        '    schedule: "0 3 * * *"',
        '    limits: { maxArticles: 1000, requestDelayMs: 0, maxConcurrency: 2, maxAgeDays: 3650 }',
        `    discovery: { strategy: sitemap, urls: ["${site.sitemapUrl}"] }`,
      ].join('\n'),
    );
    const env = { HARVEST_DATA_DIR: dataDir, HARVEST_SOURCES: sources };
    const up = startCli(['up', '--port', '0'], env);
    let stderr = '';
    const origin = await new Promise<string>((resolve, reject) => {
      up.stderr?.on('data', (chunk) => {
        stderr += chunk;
        const match = /review workspace on (http:\/\/\S+) .*sources are crawled on their schedules/.exec(
          stderr,
        );
        if (match) resolve(match[1]!);
      });
      up.on('exit', (code) => reject(new Error(`up exited with ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => up.on('exit', resolve));
    try {
      // Never crawled, so due at once: the 30 articles arrive without any cron.
      await expect
        .poll(
          async () => {
            const listed = await runCli(['drafts', 'list', '--json', '--limit', '1000'], env);
            return listed.stdout.trim().split('\n').filter(Boolean).length;
          },
          { timeout: 150_000, interval: 2_000 },
        )
        .toBe(30);
      const cron = await runCli(['run', '--due'], env);
      expect(cron.code, cron.stderr).toBe(0);
      expect(cron.stderr).toMatch(/0 of 1 source\(s\) due/);
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    } finally {
      up.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'harvest.lock'))).toBe(false);
  });
});
