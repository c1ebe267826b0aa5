import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type CompiledLexicon, compileLexicon } from '../domain/keywords.js';

/** Reads and compiles the operators' lexicon; any error names the file (and, for bad values, the field). */
export function loadLexicon(path = 'config/keywords.yaml'): CompiledLexicon {
  try {
    return compileLexicon(parse(readFileSync(path, 'utf8')));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${path}: ${reason}`, { cause: error });
  }
}
