/**
 * Dates and credit lines of real-looking pages, measured on the labelled sets in test/fixtures/eval/page-text/:
 * - dates.jsonl: a date stamp as news sites of the eight languages print it next to the headline (date in text
 *   only, time in a sibling element, "today"/"yesterday"), with the instant a reader takes from it in the
 *   source's zone; the stamp is put into one page template and read by the generic extractor;
 * - credits.jsonl: lines of article bodies, photo credits and bylines against sentences that open with the same
 *   words, labelled `credit: true|false`.
 * The figures are on the `test` rows, held out while the rules were written; `dev` rows are reported beside them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { extractArticle } from '../../src/crawlers/extract/extract-article.js';
import { isCreditLine } from '../../src/domain/credit-lines.js';

export interface EvalRow {
  figure: string;
  value: number;
  n: number;
  target?: number;
}

export interface PageTextReport {
  rows: EvalRow[];
  /** Markdown lines: per language and split, and every miss. */
  detail: string[];
}

const splitSchema = z.enum(['dev', 'test']);
const dateItemSchema = z.object({
  id: z.string(),
  lang: z.string(),
  split: splitSchema,
  timezone: z.string(),
  now: z.string(),
  stamp_html: z.string(),
  published: z.string(),
});
const creditItemSchema = z.object({
  id: z.string(),
  lang: z.string(),
  split: splitSchema,
  line: z.string(),
  credit: z.boolean(),
});

type DateItem = z.infer<typeof dateItemSchema>;
type CreditItem = z.infer<typeof creditItemSchema>;

function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));
}

const PARAGRAPH =
  '<p>Сотрудники полиции провели проверку и задержали подозреваемого, возбуждено уголовное дело по факту хранения наркотиков.</p>';

/** One page: the stamp under the headline, a side column with another story's date, a footer. */
function pageWith(stamp: string): string {
  return `<!DOCTYPE html><html><head><title>Headline</title></head><body>
<header><nav><a href="/">Home</a></nav></header>
<main><article><h1>Headline</h1>${stamp}${PARAGRAPH.repeat(3)}</article></main>
<aside class="sidebar"><div><a href="/other">Other story</a> <span>12.09.2025 08:00</span></div></aside>
<footer>© 2025</footer></body></html>`;
}

function dateIsRight(item: DateItem): boolean {
  const article = extractArticle({
    html: pageWith(item.stamp_html),
    url: `https://news.example/${item.id}`,
    timezone: item.timezone,
    now: new Date(item.now),
  });
  return article.publishedAt === new Date(item.published).toISOString();
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function creditCounts(items: readonly CreditItem[], misses: string[]): Counts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const item of items) {
    const said = isCreditLine(item.line);
    if (said === item.credit) counts[said ? 'tp' : 'tn']++;
    else {
      counts[said ? 'fp' : 'fn']++;
      misses.push(`- ${item.id} (${item.split}) ${said ? 'dropped' : 'kept'}: ${item.line}`);
    }
  }
  return counts;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluatePageText(fixturesDir: string): PageTextReport {
  const dates = readJsonl(join(fixturesDir, 'dates.jsonl'), dateItemSchema);
  const credits = readJsonl(join(fixturesDir, 'credits.jsonl'), creditItemSchema);
  const misses: string[] = [];
  const dateResults = dates.map((item) => ({ item, right: dateIsRight(item) }));
  for (const { item, right } of dateResults)
    if (!right) misses.push(`- ${item.id} (${item.split}) date wrong: ${item.stamp_html}`);
  const heldOutDates = dateResults.filter(({ item }) => item.split === 'test');
  const heldOutCredits = creditCounts(
    credits.filter((item) => item.split === 'test'),
    misses,
  );
  creditCounts(
    credits.filter((item) => item.split === 'dev'),
    misses,
  );

  const rows: EvalRow[] = [
    {
      figure: 'page dates: visible stamps, 8 languages, held out, accuracy',
      value: ratio(heldOutDates.filter(({ right }) => right).length, heldOutDates.length),
      n: heldOutDates.length,
      target: 0.95,
    },
    {
      figure: 'page bodies: credit lines, held out, precision',
      value: ratio(heldOutCredits.tp, heldOutCredits.tp + heldOutCredits.fp),
      n: credits.filter((item) => item.split === 'test').length,
      target: 0.95,
    },
    {
      figure: 'page bodies: credit lines, held out, recall',
      value: ratio(heldOutCredits.tp, heldOutCredits.tp + heldOutCredits.fn),
      n: credits.filter((item) => item.split === 'test').length,
    },
  ];

  const languages = [...new Set(dates.map((item) => item.lang))];
  const detail = [
    '| lang | dates dev | dates test | credits test (tp/fp/fn/tn) |',
    '|---|---|---|---|',
    ...languages.map((lang) => {
      const of = (split: string) =>
        dateResults.filter(({ item }) => item.lang === lang && item.split === split);
      const score = (rows: typeof dateResults) =>
        `${rows.filter(({ right }) => right).length}/${rows.length}`;
      const c = creditCounts(
        credits.filter((item) => item.lang === lang && item.split === 'test'),
        [],
      );
      return `| ${lang} | ${score(of('dev'))} | ${score(of('test'))} | ${c.tp}/${c.fp}/${c.fn}/${c.tn} |`;
    }),
    '',
    ...(misses.length > 0 ? ['Misses:', '', ...misses] : ['No misses.']),
  ];
  return { rows, detail };
}
