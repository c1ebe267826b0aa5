import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ZodError } from 'zod';
import {
  agenciesFileSchema,
  compileEnglishGlossary,
  type EnglishGlossary,
  eventsFileSchema,
} from '../domain/english/glossary.js';

/**
 * Reads and compiles the English glossary: config/glossary/agencies.yaml and config/glossary/events.yaml
 * (their headers document every field). Any error names the file and, for a bad value, the field.
 */
export interface EnglishGlossaryPaths {
  agencies?: string;
  events?: string;
}

export const DEFAULT_GLOSSARY_PATHS = {
  agencies: 'config/glossary/agencies.yaml',
  events: 'config/glossary/events.yaml',
} as const;

export class GlossaryFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`${path}: ${reason}`, options);
  }
}

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GlossaryFileError(path, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
}

function validate(
  path: string,
  schema: typeof agenciesFileSchema | typeof eventsFileSchema,
  raw: unknown,
): void {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new GlossaryFileError(path, describeZodError(parsed.error), { cause: parsed.error });
}

export function loadEnglishGlossary(paths: EnglishGlossaryPaths = {}): EnglishGlossary {
  const agenciesPath = paths.agencies ?? DEFAULT_GLOSSARY_PATHS.agencies;
  const eventsPath = paths.events ?? DEFAULT_GLOSSARY_PATHS.events;
  const agencies = readYaml(agenciesPath);
  const events = readYaml(eventsPath);
  validate(agenciesPath, agenciesFileSchema, agencies);
  validate(eventsPath, eventsFileSchema, events);
  return compileEnglishGlossary(agencies, events);
}
