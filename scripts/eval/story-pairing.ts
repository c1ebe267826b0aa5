/**
 * Pairing an English report with its twin in another language (or another English outlet's retelling), measured
 * on the hand-written pairs of test/fixtures/eval/story-pairs/pairs.jsonl through `compareForStory`, the function
 * the pipeline folds stories with. Each report goes in as the pipeline sees it: language detected from its text
 * (the row's language declared as the source would declare it), facts read by `storyEvidenceOf`.
 *
 * Figures: precision and recall of `same` on the held-out `test` rows (targets below) and on `dev` (no target: the
 * rules were tuned on it), with the detail per language and per kind of pair.
 *
 *   node --import tsx scripts/eval/story-pairing.ts [--errors] [--dev]
 *     the table alone; --errors lists the dev mistakes; --dev judges the dev rows only (while tuning)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { detectLanguage } from '../../src/domain/language.js';
import { compareForStory, type StoryMatch, storyEvidenceOf } from '../../src/domain/stories.js';
import { languageSchema } from '../../src/domain/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STORY_PAIRS_FILE = join(repoRoot, 'test/fixtures/eval/story-pairs/pairs.jsonl');

/** On the held-out rows: a wrong merge costs an analyst a lost item, a missed one only a duplicate warning. */
export const STORY_PAIRING_TARGETS = { precision: 0.95, recall: 0.85 } as const;

const reportSchema = z.strictObject({
  lang: languageSchema,
  title: z.string(),
  text: z.string().min(1),
  published_at: z.iso.datetime({ offset: true }),
});

const pairSchema = z.strictObject({
  id: z.string().min(1),
  lang: languageSchema,
  split: z.enum(['dev', 'test']),
  same: z.boolean(),
  kind: z.string().min(1),
  a_ref: z.string(),
  b_ref: z.string(),
  a: reportSchema,
  b: reportSchema,
});

export type StoryPair = z.infer<typeof pairSchema>;
type Report = StoryPair['a'];

export function readStoryPairs(path = STORY_PAIRS_FILE): StoryPair[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = pairSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The pipeline's view of one report: detected language, then the story evidence. */
function evidenceOf(report: Report) {
  const lang = detectLanguage({ title: report.title, text: report.text }, { declared: [report.lang] }).lang;
  return storyEvidenceOf({
    title: report.title,
    body: report.text,
    lang,
    publishedAt: new Date(report.published_at),
  });
}

export function judgePair(pair: StoryPair): StoryMatch {
  return compareForStory(evidenceOf(pair.a), evidenceOf(pair.b));
}

export interface Judged {
  pair: StoryPair;
  match: StoryMatch;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function count(judged: readonly Judged[]): Counts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { pair, match } of judged) {
    counts[match.same ? (pair.same ? 'tp' : 'fp') : pair.same ? 'fn' : 'tn'] += 1;
  }
  return counts;
}

const precisionOf = (c: Counts) => c.tp / Math.max(1, c.tp + c.fp);
const recallOf = (c: Counts) => c.tp / Math.max(1, c.tp + c.fn);

/** A row of the eval table, as scripts/eval.ts prints it. */
export interface FigureRow {
  figure: string;
  value: number;
  n: number;
  target?: number;
}

export interface StoryPairingReport {
  figures: FigureRow[];
  /** Markdown lines: counts per split and language, and per kind of pair. */
  detail: string[];
  judged: Judged[];
}

function detailTable(title: string, groups: ReadonlyArray<[string, readonly Judged[]]>): string[] {
  return [
    `| ${title} | pairs | tp | fp | fn | tn | precision | recall |`,
    '|---|---|---|---|---|---|---|---|',
    ...groups.map(([name, rows]) => {
      const c = count(rows);
      const cells = [c.tp, c.fp, c.fn, c.tn].join(' | ');
      // A group of negatives only has no recall, and none predicted same has no precision.
      const precision = c.tp + c.fp === 0 ? '—' : precisionOf(c).toFixed(3);
      const recall = c.tp + c.fn === 0 ? '—' : recallOf(c).toFixed(3);
      return `| ${name} | ${rows.length} | ${cells} | ${precision} | ${recall} |`;
    }),
  ];
}

function groupBy(judged: readonly Judged[], key: (j: Judged) => string): Array<[string, Judged[]]> {
  const groups = new Map<string, Judged[]>();
  for (const item of judged) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

export function evaluateStoryPairing(pairs: readonly StoryPair[] = readStoryPairs()): StoryPairingReport {
  const judged = pairs.map((pair) => ({ pair, match: judgePair(pair) }));
  const figures: FigureRow[] = [];
  for (const split of ['test', 'dev'] as const) {
    const rows = judged.filter(({ pair }) => pair.split === split);
    if (rows.length === 0) continue;
    const counts = count(rows);
    const held = split === 'test';
    figures.push(
      {
        figure: `story pairing EN ↔ local: ${split}, precision`,
        value: precisionOf(counts),
        n: rows.length,
        ...(held ? { target: STORY_PAIRING_TARGETS.precision } : {}),
      },
      {
        figure: `story pairing EN ↔ local: ${split}, recall`,
        value: recallOf(counts),
        n: rows.length,
        ...(held ? { target: STORY_PAIRING_TARGETS.recall } : {}),
      },
    );
  }
  const detail = [
    ...detailTable(
      'split, language',
      groupBy(judged, ({ pair }) => `${pair.split}, ${pair.lang}`),
    ),
    '',
    ...detailTable(
      'split, kind',
      groupBy(judged, ({ pair }) => `${pair.split}, ${pair.kind}`),
    ),
  ];
  return { figures, detail, judged };
}

/** The dev rows judged wrongly, with the rule's reason: what tuning may look at. */
export function devMistakes(judged: readonly Judged[]): string[] {
  return judged
    .filter(({ pair, match }) => pair.split === 'dev' && match.same !== pair.same)
    .map(({ pair, match }) => {
      const why = match.same
        ? `${match.rule} ${'shared' in match ? match.shared.join(', ') : ''}`
        : match.reason;
      return `- ${pair.id} (${pair.kind}, labelled ${pair.same ? 'same' : 'different'}): ${why}`;
    });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { errors: { type: 'boolean' }, dev: { type: 'boolean' } } });
  const pairs = readStoryPairs().filter((pair) => !values.dev || pair.split === 'dev');
  const report = evaluateStoryPairing(pairs);
  for (const row of report.figures) {
    const target = row.target === undefined ? '' : ` (target ≥ ${row.target})`;
    console.log(`${row.figure}: ${row.value.toFixed(4)}, n=${row.n}${target}`);
  }
  console.log(['', ...report.detail].join('\n'));
  if (values.errors) console.log(['', ...devMistakes(report.judged)].join('\n'));
}
