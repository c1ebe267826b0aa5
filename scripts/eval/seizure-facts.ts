/**
 * Seizure facts against the labelled reports of test/fixtures/eval/seizures/<lang>.jsonl (written by hand after
 * how the region's agencies and outlets report; see the README). Per seizure: right when the substance is the same
 * and every amount the label gives (grams, count and unit) is within 1 % of it. Precision and recall per language
 * and split; detained, operation, article and place as the share of reports where they agree with the label
 * (absent on both sides agrees); statistics (a period's totals) as precision and recall too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Seizure, seizureSchema } from '../../src/domain/seizure-facts.js';
import { nameKey, toCommonLatin } from '../../src/domain/stories.js';
import { type Language, languageSchema } from '../../src/domain/types.js';

const expectedSchema = z.strictObject({
  seizures: z.array(seizureSchema),
  statistics: z.array(seizureSchema).optional(),
  detained: z.number().int().positive().optional(),
  place: z.string().optional(),
  operation: z.string().optional(),
  article: z.string().optional(),
});

export const seizureSampleSchema = z.strictObject({
  id: z.string(),
  lang: languageSchema,
  title: z.string().optional(),
  text: z.string(),
  expected: expectedSchema,
  split: z.enum(['dev', 'test']),
});
export type SeizureSample = z.infer<typeof seizureSampleSchema>;

/** What `harvest analyze` prints of the facts (other fields are ignored). */
export const factsAnswerSchema = z.object({
  seizures: z.array(seizureSchema).default([]),
  statistics: z.array(seizureSchema).optional(),
  detained: z.number().optional(),
  place: z.string().optional(),
  operation: z.string().optional(),
  article: z.string().optional(),
});
export type FactsAnswer = z.infer<typeof factsAnswerSchema>;

export function readSeizureSet(dir: string): SeizureSample[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          const parsed = seizureSampleSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.issues[0]?.message}`);
          return parsed.data;
        }),
    );
}

/** The analyze input of a sample: its language declared as a crawled source would declare it. */
export function seizureInput(sample: SeizureSample) {
  return { id: `seizures:${sample.id}`, title: sample.title, text: sample.text, languages: [sample.lang] };
}

const within = (got: number | undefined, expected: number | undefined) =>
  expected === undefined || (got !== undefined && Math.abs(got - expected) <= 0.01 * expected);

/** Whether a found seizure answers a labelled one: same substance, every labelled amount within 1 %. */
export function seizureMatches(got: Seizure, expected: Seizure): boolean {
  if (got.substance !== expected.substance) return false;
  if (expected.grams === undefined && expected.count === undefined) {
    return got.grams === undefined && got.count === undefined;
  }
  return (
    within(got.grams, expected.grams) &&
    within(got.count, expected.count) &&
    (expected.unit === undefined || got.unit === expected.unit)
  );
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** One-to-one matching of found against labelled seizures. */
export function tallySeizures(
  got: readonly Seizure[],
  expected: readonly Seizure[],
): Tally & { missed: Seizure[]; extra: Seizure[] } {
  const unmatched = [...expected];
  const extra: Seizure[] = [];
  for (const seizure of got) {
    const index = unmatched.findIndex((label) => seizureMatches(seizure, label));
    if (index >= 0) unmatched.splice(index, 1);
    else extra.push(seizure);
  }
  return {
    tp: expected.length - unmatched.length,
    fp: extra.length,
    fn: unmatched.length,
    missed: unmatched,
    extra,
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const precisionOf = (tally: Tally) => ratio(tally.tp, tally.tp + tally.fp);
const recallOf = (tally: Tally) => ratio(tally.tp, tally.tp + tally.fn);

/**
 * Name keys of the capitalised words of a place (`Юнусабадском районе Ташкента` → `Vnsb`, `tskn`), or the first
 * letters of names too short for a key (`Ош`, `Quba`).
 */
function placeKeys(place: string | undefined): string[] {
  const words = place?.match(/\p{Lu}[\p{L}'’ʻ-]*/gu) ?? [];
  return words.map(
    (word) =>
      nameKey(word) ??
      toCommonLatin(word)
        .replace(/[^a-z]/g, '')
        .slice(0, 4),
  );
}

/** A place agrees with the label when a name key of one starts with a key of the other (`nrnd`, `nrn`). */
export function placeAgrees(got: string | undefined, expected: string | undefined): boolean {
  const expectedKeys = placeKeys(expected);
  return placeKeys(got).some((key) =>
    expectedKeys.some(
      (other) => key.length >= 2 && other.length >= 2 && (key.startsWith(other) || other.startsWith(key)),
    ),
  );
}

export interface SeizureFactsRow {
  figure: string;
  value: number;
  n: number;
  target?: number;
}

export interface LanguageDetail {
  lang: Language;
  split: 'dev' | 'test';
  items: number;
  seizures: Tally;
  precision: number;
  recall: number;
}

export interface SeizureFactsReport {
  rows: SeizureFactsRow[];
  perLanguage: LanguageDetail[];
  errors: string[];
}

/** The figures' target: precision and recall of seizures on the held-out split. */
export const SEIZURE_TARGET = 0.9;

const add = (a: Tally, b: Tally): Tally => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const describe = (seizure: Seizure) =>
  `${seizure.substance}${seizure.grams !== undefined ? ` ${seizure.grams} g` : ''}${seizure.count !== undefined ? ` ${seizure.count} ${seizure.unit}` : ''}`;

interface Agreement {
  agree: number;
  total: number;
}

function agreement(
  samples: readonly SeizureSample[],
  answers: ReadonlyMap<string, FactsAnswer>,
  agrees: (sample: SeizureSample, answer: FactsAnswer) => boolean,
  only?: (sample: SeizureSample) => boolean,
): Agreement {
  const scored = samples.filter((sample) => !only || only(sample));
  return {
    agree: scored.filter((sample) => agrees(sample, answers.get(sample.id) ?? { seizures: [] })).length,
    total: scored.length,
  };
}

/** Scores the answers (keyed by sample id) of one split. */
export function scoreSeizureFacts(
  samples: readonly SeizureSample[],
  answers: ReadonlyMap<string, FactsAnswer>,
  split: 'dev' | 'test',
): SeizureFactsReport {
  const inSplit = samples.filter((sample) => sample.split === split);
  const errors: string[] = [];
  const perLanguage = new Map<Language, { items: number; seizures: Tally }>();
  let statistics = empty();
  for (const sample of inSplit) {
    const answer = answers.get(sample.id) ?? { seizures: [] };
    const tally = tallySeizures(answer.seizures, sample.expected.seizures);
    statistics = add(statistics, tallySeizures(answer.statistics ?? [], sample.expected.statistics ?? []));
    const language = perLanguage.get(sample.lang) ?? { items: 0, seizures: empty() };
    perLanguage.set(sample.lang, { items: language.items + 1, seizures: add(language.seizures, tally) });
    for (const seizure of tally.missed) errors.push(`${sample.id} missed ${describe(seizure)}`);
    for (const seizure of tally.extra) errors.push(`${sample.id} extra ${describe(seizure)}`);
  }
  const total = [...perLanguage.values()].reduce((sum, language) => add(sum, language.seizures), empty());
  const facts = {
    detained: agreement(inSplit, answers, (s, a) => s.expected.detained === a.detained),
    operation: agreement(inSplit, answers, (s, a) => s.expected.operation === a.operation),
    article: agreement(inSplit, answers, (s, a) => s.expected.article === a.article),
    place: agreement(
      inSplit,
      answers,
      (s, a) => placeAgrees(a.place, s.expected.place),
      (s) => s.expected.place !== undefined,
    ),
  };
  for (const sample of inSplit) {
    const answer = answers.get(sample.id) ?? { seizures: [] };
    for (const field of ['detained', 'operation', 'article'] as const) {
      if (sample.expected[field] !== answer[field]) {
        errors.push(`${sample.id} ${field}: ${answer[field] ?? '—'} for ${sample.expected[field] ?? '—'}`);
      }
    }
    if (sample.expected.place !== undefined && !placeAgrees(answer.place, sample.expected.place)) {
      errors.push(`${sample.id} place: ${answer.place ?? '—'} for ${sample.expected.place}`);
    }
  }
  const target = split === 'test' ? SEIZURE_TARGET : undefined;
  const rows: SeizureFactsRow[] = [
    {
      figure: `seizure facts (${split}): seizures, precision`,
      value: precisionOf(total),
      n: total.tp + total.fp,
      target,
    },
    {
      figure: `seizure facts (${split}): seizures, recall`,
      value: recallOf(total),
      n: total.tp + total.fn,
      target,
    },
    {
      figure: `seizure facts (${split}): statistics, precision / recall`,
      value: (precisionOf(statistics) + recallOf(statistics)) / 2,
      n: statistics.tp + statistics.fn,
    },
    ...Object.entries(facts).map(([field, { agree, total: n }]) => ({
      figure: `seizure facts (${split}): ${field}, agreement`,
      value: ratio(agree, n),
      n,
    })),
  ].map((row) => (row.target === undefined ? { figure: row.figure, value: row.value, n: row.n } : row));
  return {
    rows,
    perLanguage: [...perLanguage].map(([lang, { items, seizures }]) => ({
      lang,
      split,
      items,
      seizures,
      precision: precisionOf(seizures),
      recall: recallOf(seizures),
    })),
    errors,
  };
}

export function renderSeizureDetail(details: readonly LanguageDetail[]): string[] {
  return [
    '| split | language | reports | tp | fp | fn | precision | recall |',
    '|---|---|---|---|---|---|---|---|',
    ...details.map(
      (d) =>
        `| ${d.split} | ${d.lang} | ${d.items} | ${d.seizures.tp} | ${d.seizures.fp} | ${d.seizures.fn} | ${d.precision.toFixed(3)} | ${d.recall.toFixed(3)} |`,
    ),
  ];
}

/**
 * The hook of `npm run eval`: the analyze inputs of the labelled reports, and a scorer of the answers that gives
 * the table's rows (both splits; the target applies to the held-out test split), the per-language detail and the
 * dev split's errors (the test split's are not printed: it stays held out).
 */
export function seizureFactsFigures(dir: string) {
  const samples = readSeizureSet(dir);
  return {
    inputs: samples.map(seizureInput),
    score(answers: ReadonlyMap<string, unknown>) {
      const facts = new Map(
        samples.map((sample) => {
          const parsed = factsAnswerSchema.safeParse(answers.get(seizureInput(sample).id));
          return [sample.id, parsed.success ? parsed.data : { seizures: [] }] as const;
        }),
      );
      const dev = scoreSeizureFacts(samples, facts, 'dev');
      const test = scoreSeizureFacts(samples, facts, 'test');
      return {
        rows: [...test.rows, ...dev.rows],
        detail: renderSeizureDetail([...test.perLanguage, ...dev.perLanguage]),
        devErrors: dev.errors,
      };
    },
  };
}
