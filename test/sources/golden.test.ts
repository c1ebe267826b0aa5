import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGolden, readGolden } from '../../src/crawlers/source-testing/golden.js';
import { readSiteMeta } from '../../src/crawlers/source-testing/recorded-pages.js';
import { sourceRegistry } from '../../src/sources/index.js';
import { toSourceConfig } from '../../src/sources/source-definition.js';

// Regenerate a golden file after a deliberate parser change: node --import tsx scripts/record-source.ts ID --update-golden
describe.each(sourceRegistry.map((definition) => [definition.id, definition] as const))(
  'source %s',
  (id, definition) => {
    const source = toSourceConfig(definition);
    const golden = readGolden(id);

    it('replays its crawl over its recorded pages into its golden snapshot', async () => {
      expect(golden, `test/fixtures/golden/${id}.golden.json is missing`).toBeDefined();
      expect(await buildGolden(source)).toEqual(golden);
    });

    it('has at least two recorded articles with title, body, date and a language of the source', () => {
      const pages = golden?.pages ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const { expected, url } of pages) {
        expect(expected.title, url).toBeTruthy();
        expect(expected.body, url).toBeTruthy();
        expect(expected.published_at, url).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(expected.published_local, url).toMatch(/[+-]\d{2}:\d{2}$/);
        expect(source.languages as string[], url).toContain(expected.language);
      }
    });

    it('says in each recorded site whether its pages were reconstructed, with URL and date', () => {
      for (const page of golden?.pages ?? []) {
        const meta = readSiteMeta(page.file.split('/')[0] ?? '');
        expect(meta?.asOf, page.file).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(typeof meta?.reconstructed, page.file).toBe('boolean');
        expect(Number.isNaN(Date.parse(page.recordedAt)), page.file).toBe(false);
      }
      expect(golden?.reconstructed).toBe(definition.verifiedLive === undefined);
    });
  },
);

describe('parser versions', () => {
  it('reads a page recorded before a redesign with the parser of its time', () => {
    const pages = readGolden('tengrinews-kz')?.pages ?? [];
    const old = pages.filter((page) => page.parser === '1/2');
    expect(old.length).toBe(1);
    expect(old[0]?.expected.title).toBeTruthy();
    expect(pages.filter((page) => page.parser === '2/2').length).toBeGreaterThanOrEqual(2);
  });
});

interface ReadmeRow {
  id: string;
  domain: string;
  country: string;
  verified: string;
}

/** The rows of the table under "## Sources" in README.md. */
function readmeSourceRows(): ReadmeRow[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Sources\n')) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z0-9-]+` \|/.test(line))
    .map((line) => {
      const [id = '', , domain = '', country = '', , , , verified = ''] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/`/g, ''));
      return { id, domain, country, verified };
    });
}

describe('README source table', () => {
  const rows = readmeSourceRows();

  it('lists exactly the declared sources, in order', () => {
    expect(rows.map((row) => row.id)).toEqual(sourceRegistry.map((definition) => definition.id));
  });

  it('gives each source its domain, country and whether it was verified against the live site', () => {
    for (const definition of sourceRegistry) {
      const row = rows.find((candidate) => candidate.id === definition.id);
      expect(row?.domain, definition.id).toBe(definition.domain);
      expect(row?.country, definition.id).toBe(definition.country);
      expect(row?.verified, definition.id).toBe(
        definition.verifiedLive ? `yes, ${definition.verifiedLive}` : 'no — reconstructed',
      );
    }
  });
});
