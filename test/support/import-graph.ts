import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The graph of relative imports between the TypeScript files under a folder: static `import … from`,
 * `export … from`, side-effect `import '…'` and dynamic `import('…')`, type-only imports included (a type-only
 * cycle still ties two modules together). Paths are relative to the folder; `.js` specifiers name `.ts` files.
 */
export function importGraph(root: string): Map<string, string[]> {
  const base = resolve(root);
  const files = (readdirSync(base, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(base, name));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (known.has(target)) targets.add(relative(base, target));
    }
    graph.set(relative(base, file), [...targets].sort());
  }
  return graph;
}

const STATIC_IMPORT = /(?:^|[\n;])\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g;
const SIDE_EFFECT_IMPORT = /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importSpecifiers(source: string): string[] {
  return [STATIC_IMPORT, SIDE_EFFECT_IMPORT, DYNAMIC_IMPORT].flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match) => match[1]!),
  );
}

/** Every group of modules that import each other (directly or round about), each sorted; Tarjan's algorithm. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The first folder of a path relative to the graph's root (`db/embedded/x.ts` → `db`), or the file at the root. */
export function layerOf(path: string): string {
  return path.split('/')[0]!;
}

/**
 * Every import from a module of a listed layer into a layer that layer may not import, as `from → to`.
 * `allowed` names, per layer, the layers its modules may import (its own included); unlisted layers are free.
 */
export function layerViolations(
  graph: ReadonlyMap<string, readonly string[]>,
  allowed: Readonly<Record<string, readonly string[]>>,
): string[] {
  const violations: string[] = [];
  for (const [from, targets] of graph) {
    const permitted = allowed[layerOf(from)];
    if (!permitted) continue;
    for (const to of targets) if (!permitted.includes(layerOf(to))) violations.push(`${from} → ${to}`);
  }
  return violations.sort();
}
