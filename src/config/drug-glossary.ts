import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileDrugGlossary, type DrugGlossary } from '../domain/drug-glossary.js';

/** The glossary shipped with the code: product data, found from this file wherever the command is run. */
export const DEFAULT_DRUG_GLOSSARY = fileURLToPath(
  new URL('../../config/glossary/drugs.yaml', import.meta.url),
);

const loaded = new Map<string, DrugGlossary>();

/**
 * Reads and compiles the drugs glossary (once per path and process); any error names the file and, for bad
 * values, the field.
 */
export function loadDrugGlossary(path = DEFAULT_DRUG_GLOSSARY): DrugGlossary {
  const cached = loaded.get(path);
  if (cached) return cached;
  try {
    const glossary = compileDrugGlossary(parse(readFileSync(path, 'utf8')));
    loaded.set(path, glossary);
    return glossary;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${path}: ${reason}`, { cause: error });
  }
}
