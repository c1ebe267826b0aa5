import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TOP_FOLDERS = ['src', 'scripts', 'config', 'test', 'docs', 'bin'];

/**
 * The repository paths a document names in backticks (`src/db/migrate.ts`, `test/fixtures/sites/<host>/`,
 * `src/crawlers/discovery/*.ts`), without a `:line` suffix.
 */
export function namedPaths(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/`([^`\s]+)`/g)) {
    const path = match[1]!.replace(/:\d+$/, '');
    if (TOP_FOLDERS.some((folder) => path.startsWith(`${folder}/`))) found.add(path);
  }
  return [...found];
}

/** One segment of a named path as a pattern: `<host>` and `*` stand for any name, `{a,b}` for either. */
function segmentPattern(segment: string): RegExp {
  const source = segment
    .split(/(<[^>]+>|\*|\{[^}]+\})/)
    .map((part) => {
      if (part.startsWith('<') || part === '*') return '[^/]+';
      if (part.startsWith('{')) return `(?:${part.slice(1, -1).split(',').map(escapeRegExp).join('|')})`;
      return escapeRegExp(part);
    })
    .join('');
  return new RegExp(`^${source}$`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether some file or folder under the root answers the named path, placeholders and globs included. */
export function pathExists(root: string, named: string): boolean {
  const segments = named.replace(/\/$/, '').split('/');
  let candidates = [root];
  for (const segment of segments) {
    const literal = !/[<*{]/.test(segment);
    const pattern = segmentPattern(segment);
    candidates = candidates.flatMap((dir) => {
      if (literal) return existsSync(join(dir, segment)) ? [join(dir, segment)] : [];
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
      return readdirSync(dir)
        .filter((name) => pattern.test(name))
        .map((name) => join(dir, name));
    });
    if (candidates.length === 0) return false;
  }
  return true;
}
