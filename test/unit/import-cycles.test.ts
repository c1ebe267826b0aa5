import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, importSpecifiers } from '../support/import-graph.js';

describe('imports in src/', () => {
  it('form no cycle: no two modules import each other, directly or round about', () => {
    const graph = importGraph('src');
    expect(graph.size).toBeGreaterThan(100);
    // The review server mounts the routes; the routes get their types and helpers from review-deps.ts and reply.ts.
    expect(graph.get('review/server.ts')).toContain('review/routes/queue-routes.ts');
    expect(graph.get('review/routes/queue-routes.ts')).not.toContain('review/server.ts');
    expect(findCycles(graph)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('reads static, type-only, re-exported, side-effect and dynamic imports', () => {
    const source = `import { a } from './a.js';
import type {
  B,
  C,
} from '../b.js';
export { d } from './d.js';
import './side.js';
const e = await import('./e.js');
import { z } from 'zod';`;
    expect(importSpecifiers(source).sort()).toEqual(
      ['../b.js', './a.js', './d.js', './e.js', './side.js', 'zod'].sort(),
    );
  });

  it('finds a cycle through three modules, a pair and a module importing itself, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['f']],
      ['f', ['e']],
      ['g', ['g']],
    ]);
    expect(findCycles(graph).sort()).toEqual([['a', 'b', 'c'], ['e', 'f'], ['g']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
