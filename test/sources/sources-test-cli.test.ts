import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceRegistry } from '../../src/sources/index.js';
import { runCli } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'harvest-sources-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('harvest sources test', () => {
  it('passes offline for every declared source, on its recorded pages', async () => {
    const result = await runCli(['sources', 'test', '--all', '--limit', '2']);
    expect(result.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(result.code).toBe(0);
    for (const { id } of sourceRegistry) expect(result.stdout).toContain(`\n${id} — `);
    expect(result.stdout).not.toContain('FAILED');
    expect(result.stdout).toContain(`${sourceRegistry.length} of ${sourceRegistry.length} sources passed`);
  });

  it('prints title, date, language, body preview and parser version of each article', async () => {
    const result = await runCli(['sources', 'test', 'tengrinews-kz']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /discovery {2}listing https:\/\/tengrinews\.kz\/news\/ → 2 article URL\(s\)/,
    );
    expect(result.stdout).toContain('title     В Алматинской области ликвидировали нарколабораторию');
    expect(result.stdout).toContain('date      2025-09-24T06:40:00.000Z (2025-09-24T11:40:00+05:00)');
    expect(result.stdout).toContain('language  rus');
    expect(result.stdout).toMatch(/body {6}\d+ chars: Сотрудники полиции/);
    expect(result.stdout).toContain('parser    2/2');
    expect(result.stdout).toContain('empty     none');
  });

  it('fails with exit code 1 and names the empty fields of a page without an article', async () => {
    const file = join(scratch, 'challenge.html');
    writeFileSync(file, '<!doctype html><html><head></head><body><div id="cf"></div></body></html>');
    const result = await runCli([
      'sources',
      'test',
      'media-az',
      '--html-file',
      file,
      '--url',
      'https://media.az/x',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/empty {5}title, body, publishedAt/);
    expect(result.stdout).toContain('FAILED: 0 of 1');
  });

  it('parses a saved page with the parser version of the given date', async () => {
    const page =
      'test/fixtures/sites/tengrinews.kz/kazakhstan_news/v-shymkente-zaderjali-kurera-sintetiki-566001/index.html.gz';
    const result = await runCli([
      'sources',
      'test',
      'tengrinews-kz',
      '--html-file',
      page,
      '--date',
      '2025-05-14',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parser    1/2');
    expect(result.stdout).toContain('title     В Шымкенте задержали курьера синтетики');
  });

  it('names the known sources when the id is unknown', async () => {
    const result = await runCli(['sources', 'test', 'no-such-source']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown source "no-such-source"');
    expect(result.stderr).toContain('kun-uz');
  });
});
