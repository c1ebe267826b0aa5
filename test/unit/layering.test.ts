import { describe, expect, it } from 'vitest';
import { importGraph, layerOf, layerViolations } from '../support/import-graph.js';

/**
 * The lower layers of src/, each with what its modules may import: pure rules (domain/), the declared sources and
 * their schema (sources/), configuration files (config/), SQL (db/). The crawlers, workers, review server,
 * bulletin, CLI, operations and translation build on them and are never imported by them.
 */
const LOWER_LAYERS = {
  domain: ['domain'],
  sources: ['domain', 'sources'],
  config: ['domain', 'sources', 'config'],
  db: ['domain', 'sources', 'config', 'db', 'logger.ts'],
} as const;

const UPPER_LAYERS = ['crawlers', 'workers', 'review', 'bulletin', 'cli', 'ops', 'translation', 'transport'];

describe('layers of src/', () => {
  const graph = importGraph('src');

  it('names folders that exist: every layer above and below holds modules', () => {
    const layers = new Set([...graph.keys()].map(layerOf));
    for (const layer of [...Object.keys(LOWER_LAYERS), ...UPPER_LAYERS])
      expect(layers, layer).toContain(layer);
  });

  it('each lower layer imports only those beneath it: domain/ ← sources/ ← config/ ← db/', () => {
    expect(layerViolations(graph, LOWER_LAYERS)).toEqual([]);
  });

  it('db/ and config/ import none of crawlers, workers, review, bulletin, cli, ops, translation, transport', () => {
    const upward = [...graph]
      .filter(([from]) => ['db', 'config'].includes(layerOf(from)))
      .flatMap(([from, targets]) =>
        targets.filter((to) => UPPER_LAYERS.includes(layerOf(to))).map((to) => `${from} → ${to}`),
      );
    expect(upward).toEqual([]);
  });

  it('the declared sources are read through sources/: config/sources.ts expands `use:` from there', () => {
    expect(graph.get('config/sources.ts')).toContain('sources/expand-references.ts');
  });
});

describe('the layer check', () => {
  it('reports each import into a layer not allowed, and nothing for allowed or unlisted layers', () => {
    const graph = new Map([
      ['db/bulletins-repo.ts', ['bulletin/house-format.ts', 'domain/period.ts', 'db/database.ts']],
      ['db/embedded/owner.ts', ['logger.ts', 'workers/recover.ts']],
      ['config/sources.ts', ['sources/index.ts', 'crawlers/sources/expand-references.ts']],
      ['domain/stories.ts', ['domain/text/tokens.ts']],
      ['cli/run.ts', ['workers/harvest-run.ts', 'db/database.ts']],
    ]);
    expect(
      layerViolations(graph, {
        db: ['domain', 'db', 'logger.ts'],
        config: ['domain', 'sources', 'config'],
        domain: ['domain'],
      }),
    ).toEqual([
      'config/sources.ts → crawlers/sources/expand-references.ts',
      'db/bulletins-repo.ts → bulletin/house-format.ts',
      'db/embedded/owner.ts → workers/recover.ts',
    ]);
  });
});
