/**
 * Relevance on the project's own labelled sets, one per language (test/fixtures/eval/relevance/<lang>.jsonl):
 * precision and recall per language on the held-out test split and on all rows, next to the targets, with a
 * detail table per language and script. Items go in without a declared language or country, as for aggregators,
 * Telegram channels and pages added by URL: detection decides which lexicon applies.
 *
 * Only dev rows are ever listed as errors: the test split is for measuring, not for tuning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { languageSchema } from '../../src/domain/types.js';

export const RELEVANCE_TARGET = 0.95;

const rowSchema = z.strictObject({
  id: z.string().min(1),
  lang: languageSchema,
  script: z.enum(['Cyrl', 'Latn', 'Arab']),
  title: z.string(),
  text: z.string().min(1),
  relevant: z.boolean(),
  kind: z.string().min(1),
  split: z.enum(['dev', 'test']),
});

export type RelevanceSetRow = z.infer<typeof rowSchema>;

/** What `harvest analyze` needs of a row: its text only, no hints. */
export interface RelevanceSetInput {
  id: string;
  title: string;
  text: string;
}

export interface RelevanceSetAnswer {
  relevant?: boolean;
  lang?: string;
  score?: number;
  matched?: string[];
}

export interface FigureRow {
  figure: string;
  value: number;
  n: number;
  target?: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Every row of every `<lang>.jsonl` in `dir`, validated; ids are prefixed so they cannot clash with other sets. */
export function readRelevanceSets(dir: string): RelevanceSetRow[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .flatMap((line, index) => {
          if (line.trim() === '') return [];
          const parsed = rowSchema.safeParse(JSON.parse(line));
          if (!parsed.success) {
            throw new Error(
              `${basename(name)}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
            );
          }
          return [parsed.data];
        }),
    );
}

export const inputId = (row: RelevanceSetRow): string => `relevance-set:${row.id}`;

export function relevanceSetInputs(rows: readonly RelevanceSetRow[]): RelevanceSetInput[] {
  return rows.map((row) => ({ id: inputId(row), title: row.title, text: row.text }));
}

function tally(rows: readonly RelevanceSetRow[], answers: ReadonlyMap<string, RelevanceSetAnswer>): Counts {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const row of rows) {
    const got = answers.get(inputId(row))?.relevant === true;
    counts[got ? (row.relevant ? 'tp' : 'fp') : row.relevant ? 'fn' : 'tn'] += 1;
  }
  return counts;
}

/** Precision is 1 when nothing was kept (no false positives), recall 1 when there was nothing to find. */
const precisionOf = ({ tp, fp }: Counts): number => (tp + fp === 0 ? 1 : tp / (tp + fp));
const recallOf = ({ tp, fn }: Counts): number => (tp + fn === 0 ? 1 : tp / (tp + fn));

export interface RelevanceSetsReport {
  rows: FigureRow[];
  detail: string[];
  /** Misjudged dev rows, with the language they were read as; test rows are never listed. */
  devErrors: string[];
}

export function scoreRelevanceSets(
  rows: readonly RelevanceSetRow[],
  answers: ReadonlyMap<string, RelevanceSetAnswer>,
): RelevanceSetsReport {
  const languages = [...new Set(rows.map((row) => row.lang))];
  const figures: FigureRow[] = [];
  for (const [splitName, keep] of [
    ['test', (row: RelevanceSetRow) => row.split === 'test'],
    ['all rows', () => true],
  ] as const) {
    for (const lang of languages) {
      const subset = rows.filter((row) => row.lang === lang && keep(row));
      const counts = tally(subset, answers);
      const n = subset.length;
      figures.push(
        {
          figure: `relevance: own set ${lang} (${splitName}), precision`,
          value: precisionOf(counts),
          n,
          target: RELEVANCE_TARGET,
        },
        {
          figure: `relevance: own set ${lang} (${splitName}), recall`,
          value: recallOf(counts),
          n,
          target: RELEVANCE_TARGET,
        },
      );
    }
  }
  return { rows: figures, detail: renderDetail(rows, answers), devErrors: listDevErrors(rows, answers) };
}

function renderDetail(
  rows: readonly RelevanceSetRow[],
  answers: ReadonlyMap<string, RelevanceSetAnswer>,
): string[] {
  const groups = new Map<string, RelevanceSetRow[]>();
  for (const row of rows) {
    for (const split of [row.split, 'all'] as const) {
      const key = `${row.lang} | ${row.script} | ${split}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
  }
  const lines = [
    '| language | script | split | n | tp | fp | fn | tn | precision | recall | read as |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [key, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const counts = tally(members, answers);
    const readAs = new Map<string, number>();
    for (const row of members) {
      const lang = answers.get(inputId(row))?.lang ?? 'error';
      readAs.set(lang, (readAs.get(lang) ?? 0) + 1);
    }
    const languages = [...readAs]
      .sort((a, b) => b[1] - a[1])
      .map(([lang, count]) => `${lang} ×${count}`)
      .join(', ');
    lines.push(
      `| ${key} | ${members.length} | ${counts.tp} | ${counts.fp} | ${counts.fn} | ${counts.tn} | ${precisionOf(counts).toFixed(3)} | ${recallOf(counts).toFixed(3)} | ${languages} |`,
    );
  }
  return lines;
}

function listDevErrors(
  rows: readonly RelevanceSetRow[],
  answers: ReadonlyMap<string, RelevanceSetAnswer>,
): string[] {
  return rows
    .filter((row) => row.split === 'dev' && (answers.get(inputId(row))?.relevant === true) !== row.relevant)
    .map((row) => {
      const answer = answers.get(inputId(row));
      const verdict = row.relevant ? 'FN' : 'FP';
      const why = `score ${answer?.score ?? '?'}: ${(answer?.matched ?? []).join(', ')}`;
      return `${verdict} ${row.id} (${row.kind}, read as ${answer?.lang ?? 'error'}, ${why}): ${row.title}`;
    });
}
