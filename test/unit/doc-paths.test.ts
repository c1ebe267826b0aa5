import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedPaths, pathExists } from '../support/doc-paths.js';

const ROOT = resolve(import.meta.dirname, '../..');
describe('the paths the documents name', () => {
  it.each(['ARCHITECTURE.md', 'README.md'])('exist, for every path %s names', (document) => {
    const named = namedPaths(readFileSync(join(ROOT, document), 'utf8'));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((path) => !pathExists(ROOT, path))).toEqual([]);
  });

  it('reads placeholders and globs, and tells a missing file', () => {
    expect(namedPaths('see `src/db/migrate.ts:12`, `npm test` and `test/fixtures/sites/<host>/`')).toEqual([
      'src/db/migrate.ts',
      'test/fixtures/sites/<host>/',
    ]);
    expect(pathExists(ROOT, 'src/db/migrations/*.sql')).toBe(true);
    expect(pathExists(ROOT, 'test/fixtures/eval/{relevance,country}/<code>.jsonl')).toBe(true);
    expect(pathExists(ROOT, 'src/workers/process-articles-batch.ts')).toBe(false);
    expect(pathExists(ROOT, 'src/sources/<group>/no-such-source.ts')).toBe(false);
  });
});
