/**
 * Measures the relevance scorer on a labelled JSONL file (one `{id?, title?, text, lang?, relevant, borderline?}`
 * a line) and prints precision, recall, F1 and every false positive / false negative with the terms that
 * decided it. Borderline rows are left out.
 *
 *   node --import tsx scripts/measure-relevance.ts [labelled.jsonl] [--lexicon config/keywords.yaml] [--lang rus]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../src/config/keywords.js';
import { scoreRelevance } from '../src/domain/relevance.js';
import { type DetectedLanguage, languageSchema } from '../src/domain/types.js';

interface LabelledRow {
  id?: string;
  title?: string;
  text: string;
  lang?: string;
  relevant: boolean;
  borderline?: boolean;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lexicon: { type: 'string', default: 'config/keywords.yaml' }, lang: { type: 'string' } },
});
const path = positionals[0] ?? '/work/shared/eval/relevance-ru-telegram/labelled.jsonl';
const lexicon = loadLexicon(values.lexicon);

function languageOf(row: LabelledRow): DetectedLanguage {
  const parsed = languageSchema.safeParse(values.lang ?? row.lang);
  return parsed.success ? parsed.data : 'und';
}

const rows = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledRow)
  .filter((row) => !row.borderline);

const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
const errors: string[] = [];
rows.forEach((row, index) => {
  const result = scoreRelevance({ title: row.title, text: row.text, lang: languageOf(row) }, lexicon);
  const outcome = result.relevant ? (row.relevant ? 'tp' : 'fp') : row.relevant ? 'fn' : 'tn';
  counts[outcome] += 1;
  if (outcome === 'fp' || outcome === 'fn') {
    const terms = result.matched.map(
      (term) => `${term.term}(${term.weight}×${term.count}${term.field === 'title' ? ',T' : ''})`,
    );
    errors.push(
      `${outcome.toUpperCase()} ${row.id ?? `#${index + 1}`} score=${result.score} ${terms.join(' ')}`,
    );
  }
});

const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
const f1 = (2 * precision * recall) / Math.max(Number.EPSILON, precision + recall);
console.log(errors.sort().join('\n'));
console.log(`rows=${rows.length} tp=${counts.tp} fp=${counts.fp} fn=${counts.fn} tn=${counts.tn}`);
console.log(`P=${precision.toFixed(3)} R=${recall.toFixed(3)} F1=${f1.toFixed(3)}`);
