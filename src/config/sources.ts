import { readFileSync } from 'node:fs';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import { z } from 'zod';
import { expandSourceReferences } from '../sources/expand-references.js';
import {
  type SourceDefaults,
  type SourcesFile,
  sourceDefaultsSchema,
  sourceSchema,
} from '../sources/source-schema.js';

export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  /** Where in the document, e.g. `sources[3].discovery.urls[0]`; empty for YAML syntax errors. */
  path: string;
  message: string;
}

export class SourcesConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(`invalid sources configuration:\n${formatConfigIssues(issues)}`);
    this.name = 'SourcesConfigError';
    this.issues = issues;
  }
}

export interface SourcesLoadOptions {
  /** Values for `${NAME}` placeholders, e.g. `{ FIXTURES_ORIGIN: 'http://127.0.0.1:4870' }`. */
  variables?: Readonly<Record<string, string>>;
}

type PathStep = string | number;

export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  return issues
    .map(
      (issue) =>
        `${issue.file}:${issue.line}:${issue.column} ${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
    )
    .join('\n');
}

export function loadSourcesFile(path: string, options: SourcesLoadOptions = {}): SourcesFile {
  return parseSourcesYaml(readFileSync(path, 'utf8'), path, options);
}

const placeholderPattern = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${NAME}` placeholders outside comment lines. Plain text replacement: columns reported later for
 * nodes that follow a placeholder on the same line shift by the length difference.
 */
export function substituteVariables(
  text: string,
  vars: Readonly<Record<string, string>>,
  fileName = '<text>',
): string {
  const issues: ConfigIssue[] = [];
  const lines = text.split('\n').map((line, index) => {
    if (line.trimStart().startsWith('#')) return line;
    return line.replace(placeholderPattern, (placeholder, name: string, column: number) => {
      const value = vars[name];
      if (value !== undefined) return value;
      const known = Object.keys(vars);
      issues.push({
        file: fileName,
        line: index + 1,
        column: column + 1,
        path: '',
        message: `unknown variable ${placeholder} (known: ${known.length > 0 ? known.join(', ') : 'none'})`,
      });
      return placeholder;
    });
  });
  if (issues.length > 0) throw new SourcesConfigError(issues);
  return lines.join('\n');
}

const sourcesFileSchema = z.strictObject({
  defaults: sourceDefaultsSchema.optional(),
  sources: z.array(sourceSchema).min(1, 'expected at least one source'),
});

export function parseSourcesYaml(
  text: string,
  fileName: string,
  options: SourcesLoadOptions = {},
): SourcesFile {
  const lineCounter = new LineCounter();
  const source = substituteVariables(text, options.variables ?? {}, fileName);
  const doc = parseDocument(source, {
    lineCounter,
    keepSourceTokens: true,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const positionOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: fileName, line, column: col };
  };
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => ({
      ...positionOf(error.pos[0]),
      path: '',
      message: describeYamlError(error, source),
    }));
    // One syntax slip often makes the parser complain several times about the same line.
    throw new SourcesConfigError(issues.filter((issue, i) => issues[i - 1]?.line !== issue.line));
  }

  // `- use: <id>` entries become the declared source (src/sources/<group>/) with the entry's overrides.
  const expanded = expandSourceReferences(documentValue(doc, positionOf));
  const raw = expanded.raw;
  const unresolved = new Set(expanded.issues.map((issue) => issue.index));
  const result = sourcesFileSchema.safeParse(withDefaultsMerged(raw), { reportInput: true });
  const issues = result.success
    ? []
    : result.error.issues
        .filter((issue) => !(issue.path[0] === 'sources' && unresolved.has(Number(issue.path[1]))))
        .flatMap((issue) => explainZodIssue(issue, raw));
  issues.push(
    ...expanded.issues.map((issue) => ({
      path: ['sources', issue.index, 'use'],
      message: issue.message,
      pointAt: 'value' as const,
    })),
  );
  issues.push(...findDuplicateIds(raw));
  if (issues.length > 0 || !result.success) {
    const located = issues.map((issue) => ({
      ...positionOf(locateOffset(doc, issue.path, issue.pointAt)),
      path: formatPath(issue.path),
      message: issue.message,
    }));
    throw new SourcesConfigError(located.sort((a, b) => a.line - b.line || a.column - b.column));
  }
  return { sources: result.data.sources };
}

/** Most alias expansions a sources file may make: far more than sharing a few settings needs. */
const MAX_ALIAS_COUNT = 100;

type PositionOf = (offset: number) => { file: string; line: number; column: number };

/** An alias whose anchor is not set before it, at its place in the file. */
function unresolvedAliases(doc: Document, positionOf: PositionOf): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc)) return;
      issues.push({
        ...positionOf(node.range?.[0] ?? 0),
        path: '',
        message: `unknown alias *${node.source} (its anchor &${node.source} must come before it)`,
      });
    },
  });
  return issues;
}

/**
 * The document as plain data. Aliases that expand into aliases grow exponentially (an "alias bomb" of a
 * few lines would take gigabytes): past MAX_ALIAS_COUNT expansions the file is refused, at its first alias.
 */
function documentValue(doc: Document, positionOf: PositionOf): unknown {
  const unresolved = unresolvedAliases(doc, positionOf);
  if (unresolved.length > 0) throw new SourcesConfigError(unresolved);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // With every alias resolvable, the one reference error left is the expansion limit.
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    throw new SourcesConfigError([
      {
        ...positionOf(offset),
        path: '',
        message: `aliases expand too often (more than ${MAX_ALIAS_COUNT} times): write the values out instead of nesting *aliases`,
      },
    ]);
  }
}

function describeYamlError(
  error: { code: string; message: string; pos: [number, number] },
  source: string,
): string {
  if (error.code !== 'DUPLICATE_KEY') return error.message;
  const key = source
    .slice(error.pos[0])
    .match(/^[^:\n]*/)?.[0]
    ?.trim();
  return `duplicate key \`${key}\``;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills each source's unset fields from `defaults:`; skipped when the defaults are invalid (reported separately). */
function withDefaultsMerged(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw['sources'])) return raw;
  const defaults = sourceDefaultsSchema.safeParse(raw['defaults'] ?? {});
  if (!defaults.success) return raw;
  return { ...raw, sources: raw['sources'].map((source) => mergeSourceDefaults(source, defaults.data)) };
}

function mergeSourceDefaults(source: unknown, defaults: SourceDefaults): unknown {
  if (!isRecord(source)) return source;
  const { limits: defaultLimits, ...scalars } = defaults;
  const merged: Record<string, unknown> = { ...scalars, ...source };
  if (defaultLimits && (source['limits'] === undefined || isRecord(source['limits']))) {
    merged['limits'] = { ...defaultLimits, ...(source['limits'] as Record<string, unknown> | undefined) };
  }
  return merged;
}

interface PathIssue {
  path: PathStep[];
  message: string;
  /** `key` for unknown fields: the key is what is wrong, not its value. */
  pointAt: 'value' | 'key';
}

function valueAt(root: unknown, path: readonly PathStep[]): { found: boolean; value: unknown } {
  let value = root;
  for (const step of path) {
    if (Array.isArray(value) && typeof step === 'number' && step < value.length) value = value[step];
    else if (isRecord(value) && typeof step === 'string' && step in value) value = value[step];
    else return { found: false, value: undefined };
  }
  return { found: true, value };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const typeNames: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  int: 'an integer',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function explainZodIssue(issue: z.core.$ZodIssue, raw: unknown): PathIssue[] {
  const path = issue.path.filter((step): step is PathStep => typeof step !== 'symbol');
  const { found, value } = valueAt(raw, path);
  if (!found && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [{ path, message: `missing required field \`${String(path.at(-1))}\``, pointAt: 'value' }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: unknownFieldMessage(key, knownKeysAt(path)),
        pointAt: 'key',
      }));
    case 'invalid_type':
      return [
        {
          path,
          message: `expected ${typeNames[issue.expected] ?? issue.expected} (got ${describeValue(value)})`,
          pointAt: 'value',
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          message: `expected one of ${issue.values.map(String).join(', ')} (got ${JSON.stringify(value) ?? 'nothing'})`,
          pointAt: 'value',
        },
      ];
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'number') {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const comparison = `${issue.code === 'too_small' ? '>' : '<'}${issue.inclusive ? '=' : ''}`;
        return [
          {
            path,
            message: `expected a number ${comparison} ${bound} (got ${String(value)})`,
            pointAt: 'value',
          },
        ];
      }
      return [{ path, message: issue.message, pointAt: 'value' }];
    default:
      return [{ path, message: issue.message, pointAt: 'value' }];
  }
}

/** The schema fields allowed at a path of the sources file, for "did you mean" hints. */
function knownKeysAt(path: readonly PathStep[]): string[] {
  let schema: z.core.$ZodType | undefined = sourcesFileSchema;
  for (const step of [...path, undefined]) {
    while (
      schema instanceof z.ZodOptional ||
      schema instanceof z.ZodDefault ||
      schema instanceof z.ZodNullable
    ) {
      schema = schema.unwrap() as z.core.$ZodType;
    }
    if (step === undefined) break;
    if (schema instanceof z.ZodObject && typeof step === 'string') schema = schema.shape[step];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.core.$ZodType;
    else return [];
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unknownFieldMessage(key: string, knownKeys: readonly string[]): string {
  const suggestion = closestKey(key, knownKeys);
  const hint = suggestion
    ? `did you mean \`${suggestion}\`?`
    : knownKeys.length > 0
      ? `known fields: ${knownKeys.join(', ')}`
      : '';
  return `unknown field \`${key}\`${hint ? ` (${hint})` : ''}`;
}

const looseSpelling = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

function closestKey(key: string, knownKeys: readonly string[]): string | undefined {
  const sameLoosely = knownKeys.find((known) => looseSpelling(known) === looseSpelling(key));
  if (sameLoosely) return sameLoosely;
  const maxDistance = Math.max(1, Math.min(2, Math.floor(key.length / 3)));
  let best: { key: string; distance: number } | undefined;
  for (const known of knownKeys) {
    const distance = editDistance(key.toLowerCase(), known.toLowerCase());
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { key: known, distance };
  }
  return best?.key;
}

/** Optimal string alignment distance: a swap of two neighbouring letters (`enabeld`) counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = distance;
    }
  }
  return at(a.length, b.length);
}

function findDuplicateIds(raw: unknown): PathIssue[] {
  if (!isRecord(raw) || !Array.isArray(raw['sources'])) return [];
  const firstIndexById = new Map<string, number>();
  const issues: PathIssue[] = [];
  raw['sources'].forEach((source: unknown, index) => {
    const id = isRecord(source) ? source['id'] : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndexById.get(id);
    if (first === undefined) firstIndexById.set(id, index);
    else {
      issues.push({
        path: ['sources', index, 'id'],
        message: `duplicate source id "${id}" (already used by sources[${first}])`,
        pointAt: 'value',
      });
    }
  });
  return issues;
}

function formatPath(path: readonly PathStep[]): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join('');
}

function childAt(
  node: Node | null,
  step: PathStep,
  doc: Document,
): { key?: Node; value: Node | null } | undefined {
  const target = isAlias(node) ? (node.resolve(doc) ?? null) : node;
  if (isMap(target)) {
    const pair = target.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
    return pair ? { key: pair.key as Node, value: (pair.value as Node | null) ?? null } : undefined;
  }
  if (isSeq(target) && typeof step === 'number') {
    const item = target.items[step] as Node | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}

function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/**
 * Offset of the node a path names. When the path runs past the document (a missing field), it is the
 * offset of the deepest existing key, so "missing `country`" points at the source that lacks it.
 */
function locateOffset(doc: Document, path: readonly PathStep[], pointAt: 'value' | 'key'): number {
  let node = doc.contents as Node | null;
  let keyOffset = node?.range?.[0] ?? 0;
  let valueOffset = keyOffset;
  for (const step of path) {
    const child = childAt(node, step, doc);
    if (!child) return keyOffset;
    keyOffset = child.key?.range?.[0] ?? child.value?.range?.[0] ?? keyOffset;
    node = child.value;
    valueOffset = node && !isEmptyScalar(node) ? (node.range?.[0] ?? keyOffset) : keyOffset;
  }
  return pointAt === 'key' ? keyOffset : valueOffset;
}
