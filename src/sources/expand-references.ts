import { sourceRegistry } from './index.js';
import { type SourceDefinition, toSourceInput } from './source-definition.js';

export interface ReferenceIssue {
  /** Index of the entry in `sources:`. */
  index: number;
  message: string;
}

export interface ExpandedSources {
  /** The document with every `use:` entry replaced by its registered source and the entry's overrides. */
  raw: unknown;
  issues: ReferenceIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `- use: <id>` in a sources file enables a source declared in src/sources/<group>/ and overrides some of its
 * fields: scalars (id, name, schedule, enabled, crawler…) replace the declared ones, `discovery` and `limits`
 * replace field by field, `article` replaces the current parser (older parser versions stay).
 */
export function expandSourceReferences(
  raw: unknown,
  registry: readonly SourceDefinition[] = sourceRegistry,
): ExpandedSources {
  if (!isRecord(raw) || !Array.isArray(raw['sources'])) return { raw, issues: [] };
  const issues: ReferenceIssue[] = [];
  const sources = raw['sources'].map((entry: unknown, index) => {
    if (!isRecord(entry) || !('use' in entry)) return entry;
    const { use, ...overrides } = entry;
    const definition = registry.find((candidate) => candidate.id === use);
    if (!definition) {
      issues.push({ index, message: unknownReferenceMessage(use, registry) });
      return overrides;
    }
    return applyOverrides(toSourceInput(definition), overrides);
  });
  return { raw: { ...raw, sources }, issues };
}

function unknownReferenceMessage(use: unknown, registry: readonly SourceDefinition[]): string {
  const known = registry.map((definition) => definition.id).join(', ');
  return `unknown source ${JSON.stringify(use)} in \`use\` (declared sources: ${known})`;
}

function applyOverrides(declared: Record<string, unknown>, overrides: Record<string, unknown>): unknown {
  const merged: Record<string, unknown> = { ...declared, ...overrides };
  for (const field of ['discovery', 'limits']) {
    const own = overrides[field];
    const base = declared[field];
    if (isRecord(own) && isRecord(base)) merged[field] = { ...base, ...own };
  }
  return merged;
}
