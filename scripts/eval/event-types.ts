/**
 * Event-type accuracy on the labelled reports of test/fixtures/eval/event-types/<lang>.jsonl (eight languages, a
 * `dev` and a held-out `test` split), through `classifyEvent` with the glossary in config/glossary.
 *
 * `evaluateEventTypes()` returns the rows of `npm run eval` (test accuracy per language, target ≥ 0.85; dev and
 * test overall) and the per-language detail. Run alone to tune the glossary on the dev rows:
 *
 *   node --import tsx scripts/eval/event-types.ts [--errors] [--split dev|test]
 *
 * `--errors` lists the misclassified rows of the split (dev by default: look at test only to report).
 *
 * Two sets of real text written by others are scored too, without a target (labels only in the fixtures, texts
 * read from the shared folder): the English items of the seed release #17 and a sample of relevant Russian
 * Telegram posts of the shared relevance set (tabloid channels, mostly arrests, seizures and celebrity stories).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadEnglishGlossary } from '../../src/config/english-glossary.js';
import { classifyEvent } from '../../src/domain/english/event-type.js';
import { type EnglishGlossary, eventTypes } from '../../src/domain/english/glossary.js';
import { languageCodes, languageSchema } from '../../src/domain/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EVENT_TYPES_DIR = join(repoRoot, 'test/fixtures/eval/event-types');
export const EVENT_TYPE_TARGET = 0.85;

const rowSchema = z.object({
  id: z.string(),
  lang: languageSchema,
  script: z.enum(['Cyrl', 'Latn']),
  split: z.enum(['dev', 'test']),
  title: z.string(),
  body: z.string(),
  type: z.enum(eventTypes),
});
export type EventTypeRow = z.infer<typeof rowSchema>;

export interface EvalRow {
  figure: string;
  value: number;
  n: number;
  target?: number;
}

export interface EventTypeMiss {
  row: EventTypeRow;
  got: string;
  evidence: string;
}

export interface EventTypeLanguageDetail {
  lang: string;
  dev: { correct: number; n: number };
  test: { correct: number; n: number };
}

export interface EventTypeReport {
  rows: EvalRow[];
  perLanguage: EventTypeLanguageDetail[];
  misses: EventTypeMiss[];
}

export function readEventTypeRows(dir = EVENT_TYPES_DIR): EventTypeRow[] {
  return languageCodes
    .map((lang) => join(dir, `${lang}.jsonl`))
    .filter((path) => existsSync(path))
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          const parsed = rowSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`);
          return parsed.data;
        }),
    );
}

function tally(results: ReadonlyArray<{ row: EventTypeRow; ok: boolean }>) {
  return { correct: results.filter((result) => result.ok).length, n: results.length };
}

export function evaluateEventTypes(
  glossary: EnglishGlossary = defaultGlossary(),
  rows: readonly EventTypeRow[] = readEventTypeRows(),
): EventTypeReport {
  const misses: EventTypeMiss[] = [];
  const results = rows.map((row) => {
    const result = classifyEvent({ title: row.title, body: row.body, lang: row.lang }, glossary);
    const ok = result.type === row.type;
    if (!ok) {
      const evidence = result.hits
        .filter(({ hit }) => hit.entry.type)
        .map(({ field, hit }) => `${field === 'title' ? 'T' : 'B'}:${hit.text}→${hit.entry.type}`)
        .join(', ');
      misses.push({ row, got: result.type, evidence });
    }
    return { row, ok };
  });
  const languages = languageCodes.filter((lang) => rows.some((row) => row.lang === lang));
  const perLanguage = languages.map((lang) => ({
    lang,
    dev: tally(results.filter(({ row }) => row.lang === lang && row.split === 'dev')),
    test: tally(results.filter(({ row }) => row.lang === lang && row.split === 'test')),
  }));
  const overall = (split: 'dev' | 'test') => tally(results.filter(({ row }) => row.split === split));
  const ratio = ({ correct, n }: { correct: number; n: number }) => (n === 0 ? 0 : correct / n);
  const dev = overall('dev');
  const test = overall('test');
  return {
    rows: [
      ...perLanguage.map((detail) => ({
        figure: `event type: ${detail.lang} test, accuracy`,
        value: ratio(detail.test),
        n: detail.test.n,
        target: EVENT_TYPE_TARGET,
      })),
      {
        figure: 'event type: 8 languages test, accuracy',
        value: ratio(test),
        n: test.n,
        target: EVENT_TYPE_TARGET,
      },
      { figure: 'event type: 8 languages dev, accuracy', value: ratio(dev), n: dev.n },
    ],
    perLanguage,
    misses,
  };
}

const labelSchema = z.object({
  id: z.string().optional(),
  url: z.string().optional(),
  split: z.enum(['dev', 'test']),
  type: z.enum(eventTypes),
});

function readLabels(path: string): Array<z.infer<typeof labelSchema>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => labelSchema.parse(JSON.parse(line)));
}

const isUpperCase = (text: string) => /\p{Lu}/u.test(text) && text === text.toUpperCase();
const SECTION_HEADING = /^(REPUBLIC OF [A-Z]+|KYRGYZ [A-Z]+|RUSSIAN FEDERATION|TURKMENISTAN)$/;

/**
 * The items of a release's text keyed by source URL. An item is the paragraphs between a section heading or the
 * previous item's `<https://…>` line and its own; its title is the last capitalised paragraph before the body
 * (earlier ones are logos such as REPORT).
 */
export function seedItemsByUrl(content: string): Map<string, { title: string; body: string }> {
  const items = new Map<string, { title: string; body: string }>();
  let paragraphs: string[] = [];
  let current: string[] = [];
  const endParagraph = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of content.split('\n')) {
    const line = raw.replaceAll('**', '').trim();
    const url = /^<(https?:\/\/[^>]+)>$/.exec(line)?.[1];
    if (SECTION_HEADING.test(line)) {
      paragraphs = [];
      current = [];
    } else if (url) {
      endParagraph();
      const firstBody = paragraphs.findIndex((paragraph) => !isUpperCase(paragraph));
      const head = firstBody === -1 ? paragraphs : paragraphs.slice(0, firstBody);
      items.set(url, { title: head.at(-1) ?? '', body: paragraphs.slice(head.length).join('\n') });
      paragraphs = [];
    } else if (line === '') {
      endParagraph();
    } else {
      current.push(line);
    }
  }
  return items;
}

export interface ExternalSetScore {
  figure: string;
  split: 'dev' | 'test';
  correct: number;
  n: number;
  misses: string[];
}

/** The seed's English items and the Russian Telegram sample, when the shared folder is there. */
export function evaluateExternalEventTypes(
  sharedDir: string,
  glossary: EnglishGlossary = defaultGlossary(),
): ExternalSetScore[] {
  const scores: ExternalSetScore[] = [];
  const seedPath = join(sharedDir, 'seeds/000_47f95a5e802b696b.txt');
  if (existsSync(seedPath)) {
    const items = seedItemsByUrl(readFileSync(seedPath, 'utf8'));
    const labelled = readLabels(join(EVENT_TYPES_DIR, 'seed-017.labels.jsonl')).map((label) => {
      const item = items.get(label.url ?? '');
      if (!item) throw new Error(`seed item ${label.url} not found`);
      return {
        key: label.url!,
        split: label.split,
        expected: label.type,
        title: item.title,
        body: item.body,
        lang: 'eng' as const,
      };
    });
    scores.push(...scoreExternal('event type: seed release #17 (English)', labelled, glossary));
  }
  const telegramPath = join(sharedDir, 'eval/relevance-ru-telegram/labelled.jsonl');
  if (existsSync(telegramPath)) {
    const posts = new Map(
      readFileSync(telegramPath, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { id: string; title: string; text: string })
        .map((post) => [post.id, post]),
    );
    const labelled = readLabels(join(EVENT_TYPES_DIR, 'ru-telegram.labels.jsonl')).map((label) => {
      const post = posts.get(label.id ?? '');
      if (!post) throw new Error(`telegram post ${label.id} not found`);
      return {
        key: post.id,
        split: label.split,
        expected: label.type,
        title: post.title,
        body: post.text,
        lang: 'rus' as const,
      };
    });
    scores.push(...scoreExternal('event type: ru-telegram sample (Russian)', labelled, glossary));
  }
  return scores;
}

interface ExternalItem {
  key: string;
  split: 'dev' | 'test';
  expected: string;
  title: string;
  body: string;
  lang: 'eng' | 'rus';
}

/** One score per split present in the set. */
function scoreExternal(
  name: string,
  items: readonly ExternalItem[],
  glossary: EnglishGlossary,
): ExternalSetScore[] {
  return (['dev', 'test'] as const)
    .map((split) => {
      const ofSplit = items.filter((item) => item.split === split);
      const misses: string[] = [];
      for (const item of ofSplit) {
        const got = classifyEvent({ title: item.title, body: item.body, lang: item.lang }, glossary).type;
        if (got !== item.expected) misses.push(`${item.key}: ${item.expected} → ${got}`);
      }
      const figure = `${name} ${split}, accuracy`;
      return { figure, split, correct: ofSplit.length - misses.length, n: ofSplit.length, misses };
    })
    .filter((score) => score.n > 0);
}

function defaultGlossary(): EnglishGlossary {
  return loadEnglishGlossary({
    agencies: join(repoRoot, 'config/glossary/agencies.yaml'),
    events: join(repoRoot, 'config/glossary/events.yaml'),
  });
}

function main(): number {
  const { values } = parseArgs({
    options: {
      errors: { type: 'boolean' },
      split: { type: 'string', default: 'dev' },
      shared: { type: 'string' },
    },
  });
  const report = evaluateEventTypes();
  console.log('| language | dev | test |\n|---|---|---|');
  for (const detail of report.perLanguage) {
    console.log(
      `| ${detail.lang} | ${detail.dev.correct}/${detail.dev.n} | ${detail.test.correct}/${detail.test.n} |`,
    );
  }
  for (const row of report.rows) console.log(`${row.figure}: ${row.value.toFixed(3)} (n=${row.n})`);
  if (values.errors) {
    for (const miss of report.misses.filter(({ row }) => row.split === values.split)) {
      console.log(`\n${miss.row.id} ${miss.row.type} → ${miss.got}: ${miss.row.title}\n  ${miss.evidence}`);
    }
  }
  const shared =
    values.shared ?? [resolve(repoRoot, '../shared'), '/work/shared'].find((dir) => existsSync(dir));
  for (const score of shared ? evaluateExternalEventTypes(shared) : []) {
    console.log(`${score.figure}: ${(score.correct / score.n).toFixed(3)} (n=${score.n})`);
    if (values.errors && values.split === score.split) {
      console.log(score.misses.map((miss) => `  ${miss}`).join('\n'));
    }
  }
  return report.rows.some((row) => row.target !== undefined && row.value < row.target) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
