/**
 * Every quality figure of the content stages in one table, computed through `harvest analyze` exactly as a user
 * would run it (one `node bin/harvest.js analyze -` process, JSONL in and out):
 * - language accuracy on the shared language-identification set (NTREX sentences and headlines, UDHR paragraphs in
 *   the Cyrillic and Latin variants), per language with its confusions;
 * - relevance precision, recall and F1 on the Russian Telegram dev set (borderline rows left out) and on the
 *   labelled examples of every language in test/fixtures/relevance;
 * - country accuracy on the items of the seed bulletin, the source's country (from its domain) as the fallback;
 * - country accuracy without any hint on the labelled sets of test/fixtures/eval/country (scripts/eval/country-sets.ts);
 * - story pairing of English reports with their twins (scripts/eval/story-pairing.ts), through compareForStory;
 * - seizure facts on the labelled reports of test/fixtures/eval/seizures (scripts/eval/seizure-facts.ts).
 * The shared folder is ../shared next to the repository, else /work/shared, else `--shared DIR`.
 * Exit code 1 when a figure misses its target.
 *
 *   npm run eval [-- --shared DIR] [--errors]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Country, type Language, languageCodes, languageSchema } from '../src/domain/types.js';
import { countryInputs, readCountrySets, scoreCountrySets } from './eval/country-sets.js';
import { evaluateEventTypes, evaluateExternalEventTypes } from './eval/event-types.js';
import { evaluatePageText } from './eval/page-text.js';
import { readRelevanceSets, relevanceSetInputs, scoreRelevanceSets } from './eval/relevance-sets.js';
import { seizureFactsFigures } from './eval/seizure-facts.js';
import { evaluateStoryPairing } from './eval/story-pairing.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared material: beside the repository in a checkout, at /work/shared on the build machine. */
export function findSharedDir(root = repoRoot, fallback = '/work/shared'): string {
  const candidate = [resolve(root, '../shared'), fallback].find((dir) => existsSync(join(dir, 'eval')));
  if (!candidate)
    throw new Error(`no shared folder with eval/ at ${resolve(root, '../shared')} or ${fallback}`);
  return candidate;
}

export interface AnalyzeInput {
  id: string;
  title?: string | undefined;
  text: string;
  country?: Country | null | undefined;
  languages?: Language[] | undefined;
  published_at?: string | undefined;
}

export interface AnalyzeOutput {
  id: string;
  lang?: string;
  relevant?: boolean;
  score?: number;
  matched?: string[];
  country?: string;
  error?: string;
}

/** Runs the items through one `harvest analyze -` process and returns its answers by id. */
export async function analyzeThroughCli(
  items: readonly AnalyzeInput[],
  root = repoRoot,
): Promise<Map<string, AnalyzeOutput>> {
  const child = spawn(process.execPath, [join(root, 'bin/harvest.js'), 'analyze', '-'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  child.stdin.end(
    items.map(({ country, ...item }) => JSON.stringify(country ? { ...item, country } : item)).join('\n'),
  );
  const code = await exited;
  const answers = new Map<string, AnalyzeOutput>();
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    const answer = JSON.parse(line) as AnalyzeOutput;
    answers.set(String(answer.id), answer);
  }
  // Exit code 1 only says that some lines were invalid; those are counted as wrong answers below.
  if (code !== 0 && code !== 1) throw new Error(`harvest analyze exited with ${code}`);
  return answers;
}

// ---------------------------------------------------------------------------------------------------------------
// Language

export interface LanguageSample {
  id: string;
  /** The file the sample came from: the language, or the language and script (`uzn_cyrl`) for UDHR. */
  file: string;
  expected: Language;
  text: string;
}

/** UDHR files are named by franc-style code and script (`uzn_cyrl`); the language is the part before `_`. */
const UDHR_LANGUAGE: Readonly<Record<string, Language>> = { uzn: 'uzb', azj: 'aze' };

function nonEmptyLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

export function readLanguageSet(setName: string, dir: string, udhr = false): LanguageSample[] {
  const files = udhr
    ? readdirSync(dir).filter((name) => /^[a-z]{3}(_[a-z]{4})?\.txt$/.test(name))
    : languageCodes.map((lang) => `${lang}.txt`);
  return files.flatMap((name) => {
    const file = basename(name, '.txt');
    const code = file.split('_')[0]!;
    const expected = languageSchema.parse(UDHR_LANGUAGE[code] ?? code);
    return nonEmptyLines(join(dir, name)).map((text, i) => ({
      id: `${setName}:${file}:${i}`,
      file,
      expected,
      text,
    }));
  });
}

export interface LanguageReport {
  name: string;
  correct: number;
  total: number;
  perFile: Array<{ file: string; correct: number; total: number; confusions: Array<[string, number]> }>;
  errors: string[];
}

export function scoreLanguage(
  name: string,
  samples: readonly LanguageSample[],
  answers: ReadonlyMap<string, AnalyzeOutput>,
): LanguageReport {
  const perFile = new Map<string, { correct: number; total: number; confusions: Map<string, number> }>();
  const errors: string[] = [];
  for (const sample of samples) {
    const got = answers.get(sample.id)?.lang ?? 'error';
    const tally = perFile.get(sample.file) ?? { correct: 0, total: 0, confusions: new Map() };
    tally.total += 1;
    if (got === sample.expected) tally.correct += 1;
    else {
      tally.confusions.set(got, (tally.confusions.get(got) ?? 0) + 1);
      errors.push(`${name} ${sample.file} → ${got}: ${sample.text}`);
    }
    perFile.set(sample.file, tally);
  }
  const files = [...perFile].map(([file, tally]) => ({
    file,
    correct: tally.correct,
    total: tally.total,
    confusions: [...tally.confusions].sort((a, b) => b[1] - a[1]),
  }));
  return {
    name,
    correct: files.reduce((sum, file) => sum + file.correct, 0),
    total: samples.length,
    perFile: files,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Relevance

export interface RelevanceSample {
  id: string;
  input: AnalyzeInput;
  relevant: boolean;
}

export interface BinaryScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

interface LabelledRow {
  title?: string;
  text: string;
  lang?: string;
  relevant: boolean;
  borderline?: boolean;
}

/**
 * Labelled rows without the borderline ones. The row's language (or the file's) goes in as the source's declared
 * language, as a crawled source declares it; detection still decides.
 */
export function readRelevanceSet(setName: string, path: string, lang?: Language): RelevanceSample[] {
  return nonEmptyLines(path)
    .map((line) => JSON.parse(line) as LabelledRow)
    .filter((row) => !row.borderline)
    .map((row, i) => {
      const declared = languageSchema.safeParse(lang ?? row.lang);
      return {
        id: `${setName}:${i}`,
        relevant: row.relevant,
        input: {
          id: `${setName}:${i}`,
          title: row.title || undefined,
          text: row.text,
          languages: declared.success ? [declared.data] : undefined,
        },
      };
    });
}

export function scoreBinary(pairs: ReadonlyArray<{ expected: boolean; got: boolean }>): BinaryScore {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { expected, got } of pairs) {
    counts[got ? (expected ? 'tp' : 'fp') : expected ? 'fn' : 'tn'] += 1;
  }
  const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
  const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function scoreRelevanceSet(samples: readonly RelevanceSample[], answers: ReadonlyMap<string, AnalyzeOutput>) {
  return scoreBinary(
    samples.map((sample) => ({ expected: sample.relevant, got: answers.get(sample.id)?.relevant === true })),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Country

export interface SeedItem {
  id: string;
  section: Country;
  url: string;
  title: string;
  text: string;
}

const SECTION_HEADINGS: ReadonlyArray<[RegExp, Country]> = [
  [/^REPUBLIC OF AZERBAIJAN$/, 'AZ'],
  [/^REPUBLIC OF KAZAKHSTAN$/, 'KZ'],
  [/^KYRGYZ REPUBLIC$/, 'KG'],
  [/^RUSSIAN FEDERATION$/, 'RU'],
  [/^REPUBLIC OF TAJIKISTAN$/, 'TJ'],
  [/^TURKMENISTAN$/, 'TM'],
  [/^REPUBLIC OF UZBEKISTAN$/, 'UZ'],
];

/**
 * The items of a bulletin: each is the text between its section heading or the previous item's `<https://…>`
 * source line and its own; its first line is the title. The table of contents comes before the first heading
 * that is followed by an item, so it yields none.
 */
export function parseBulletinItems(content: string): SeedItem[] {
  const items: SeedItem[] = [];
  let section: Country | undefined;
  let lines: string[] = [];
  for (const rawLine of content.split('\n')) {
    const line = rawLine.replaceAll('**', '').trim();
    const heading = SECTION_HEADINGS.find(([pattern]) => pattern.test(line));
    const url = /^<(https?:\/\/[^>]+)>$/.exec(line)?.[1];
    if (heading) {
      section = heading[1];
      lines = [];
    } else if (url && section) {
      const [title = '', ...rest] = lines;
      items.push({ id: `country:${items.length}`, section, url, title, text: rest.join('\n') });
      lines = [];
    } else if (line !== '') {
      lines.push(line);
    }
  }
  return items;
}

const TLD_COUNTRY: Readonly<Record<string, Country>> = {
  az: 'AZ',
  kz: 'KZ',
  kg: 'KG',
  ru: 'RU',
  'xn--p1ai': 'RU',
  tj: 'TJ',
  tm: 'TM',
  uz: 'UZ',
};

/** The source's country as a crawled source would declare it: its domain's country, none for .org or .com. */
export function countryOfDomain(url: string): Country | null {
  // The seed's PDF-to-text step turned some `xn--p1ai` (.рф) into `xn--plai`.
  const host = new URL(url.replace('xn--plai', 'xn--p1ai')).hostname;
  return TLD_COUNTRY[host.split('.').at(-1) ?? ''] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

export interface Figure {
  name: string;
  value: number;
  n: number;
  target?: number;
}

const fixed = (value: number, digits = 4) => value.toFixed(digits);

export function renderFigures(figures: readonly Figure[]): string[] {
  return [
    '| figure | value | n | target | |',
    '|---|---|---|---|---|',
    ...figures.map((figure) => {
      const target = figure.target === undefined ? '' : `≥ ${figure.target}`;
      const verdict = figure.target === undefined ? '' : figure.value >= figure.target ? 'ok' : 'MISSED';
      return `| ${figure.name} | ${fixed(figure.value)} | ${figure.n} | ${target} | ${verdict} |`;
    }),
  ];
}

function renderLanguageDetail(reports: readonly LanguageReport[]): string[] {
  const lines = ['| set | file | accuracy | n | confused with |', '|---|---|---|---|---|'];
  for (const report of reports) {
    for (const file of report.perFile) {
      const confusions = file.confusions.map(([lang, count]) => `${lang} ×${count}`).join(', ');
      lines.push(
        `| ${report.name} | ${file.file} | ${fixed(file.correct / file.total, 3)} | ${file.total} | ${confusions} |`,
      );
    }
  }
  return lines;
}

function renderRelevanceDetail(rows: ReadonlyArray<readonly [string, BinaryScore]>): string[] {
  return [
    '| set | tp | fp | fn | tn | precision | recall | F1 |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      ([name, s]) =>
        `| ${name} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${fixed(s.precision, 3)} | ${fixed(s.recall, 3)} | ${fixed(s.f1, 3)} |`,
    ),
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { shared: { type: 'string' }, errors: { type: 'boolean' } } });
  const shared = values.shared ?? findSharedDir();
  const langid = join(shared, 'eval/langid');
  const languageSets = [
    ['sentences', readLanguageSet('sentences', langid)],
    ['headlines', readLanguageSet('headlines', join(langid, 'headlines'))],
    ['udhr', readLanguageSet('udhr', join(langid, 'udhr'), true)],
  ] as const;
  const telegram = readRelevanceSet('ru-telegram', join(shared, 'eval/relevance-ru-telegram/labelled.jsonl'));
  const fixtureDir = join(repoRoot, 'test/fixtures/relevance');
  const fixtureSets = languageCodes
    .filter((lang) => existsSync(join(fixtureDir, `${lang}.jsonl`)))
    .map(
      (lang) =>
        [lang, readRelevanceSet(`fixtures-${lang}`, join(fixtureDir, `${lang}.jsonl`), lang)] as const,
    );
  const seedItems = parseBulletinItems(readFileSync(join(shared, 'seeds/000_47f95a5e802b696b.txt'), 'utf8'));
  const countryItems = readCountrySets(join(repoRoot, 'test/fixtures/eval/country'));
  const relevanceSets = readRelevanceSets(join(repoRoot, 'test/fixtures/eval/relevance'));
  const seizures = seizureFactsFigures(join(repoRoot, 'test/fixtures/eval/seizures'));

  const answers = await analyzeThroughCli([
    ...languageSets.flatMap(([, samples]) => samples.map(({ id, text }) => ({ id, text }))),
    ...telegram.map((sample) => sample.input),
    ...fixtureSets.flatMap(([, samples]) => samples.map((sample) => sample.input)),
    ...seedItems.map(({ id, title, text, url }) => ({ id, title, text, country: countryOfDomain(url) })),
    ...countryInputs(countryItems),
    ...relevanceSetInputs(relevanceSets),
    ...seizures.inputs,
  ]);
  const countrySets = scoreCountrySets(countryItems, answers);
  const relevanceSetsReport = scoreRelevanceSets(relevanceSets, answers);
  const seizureReport = seizures.score(answers);

  const languageReports = languageSets.map(([name, samples]) => scoreLanguage(name, samples, answers));
  const telegramScore = scoreRelevanceSet(telegram, answers);
  const fixtureScores = fixtureSets.map(
    ([lang, samples]) => [`own examples, ${lang}`, scoreRelevanceSet(samples, answers)] as const,
  );
  const fixturesAll = scoreRelevanceSet(
    fixtureSets.flatMap(([, samples]) => samples),
    answers,
  );
  const countryMisses = seedItems.filter((item) => answers.get(item.id)?.country !== item.section);
  const [sentences, headlines, udhr] = languageReports as [LanguageReport, LanguageReport, LanguageReport];

  const figures: Figure[] = [
    {
      name: 'language: NTREX sentences, accuracy',
      value: sentences.correct / sentences.total,
      n: sentences.total,
      target: 0.995,
    },
    {
      name: 'language: NTREX headlines, accuracy',
      value: headlines.correct / headlines.total,
      n: headlines.total,
      target: 0.98,
    },
    {
      name: 'language: UDHR paragraphs (both scripts), accuracy',
      value: udhr.correct / udhr.total,
      n: udhr.total,
    },
    {
      name: 'relevance: ru-telegram, precision',
      value: telegramScore.precision,
      n: telegram.length,
      target: 0.9,
    },
    { name: 'relevance: ru-telegram, recall', value: telegramScore.recall, n: telegram.length, target: 0.95 },
    { name: 'relevance: ru-telegram, F1', value: telegramScore.f1, n: telegram.length },
    ...(['precision', 'recall', 'f1'] as const).map((measure) => ({
      name: `relevance: own examples, 8 languages, ${measure === 'f1' ? 'F1' : measure}`,
      value: fixturesAll[measure],
      n: fixturesAll.tp + fixturesAll.fp + fixturesAll.fn + fixturesAll.tn,
    })),
    {
      name: 'country: seed bulletin items, accuracy',
      value: (seedItems.length - countryMisses.length) / seedItems.length,
      n: seedItems.length,
    },
    ...countrySets.rows.map(({ figure, ...row }) => ({ name: figure, ...row })),
    ...relevanceSetsReport.rows.map(({ figure, ...row }) => ({ name: figure, ...row })),
    ...seizureReport.rows.map(({ figure, ...row }) => ({ name: figure, ...row })),
  ];

  const pageText = evaluatePageText(join(repoRoot, 'test/fixtures/eval/page-text'));
  figures.push(...pageText.rows.map(({ figure, ...row }) => ({ name: figure, ...row })));
  const pairing = evaluateStoryPairing();
  figures.push(...pairing.figures.map(({ figure, ...row }) => ({ name: figure, ...row })));
  // Event types of the English suggestions (scripts/eval/event-types.ts): pure, no CLI round trip.
  const eventTypes = evaluateEventTypes();
  const externalEventTypes = evaluateExternalEventTypes(shared).filter((score) => score.split === 'test');
  figures.push(
    ...eventTypes.rows.map(({ figure, ...row }) => ({ name: figure, ...row })),
    ...externalEventTypes.map((score) => ({
      name: score.figure,
      value: score.correct / score.n,
      n: score.n,
    })),
  );

  const out = (lines: readonly string[]) => console.log(lines.join('\n'));
  out(['## Quality figures (through `harvest analyze`)', '', ...renderFigures(figures), '']);
  out([
    '### Page dates and credit lines (extractor, test/fixtures/eval/page-text)',
    '',
    ...pageText.detail,
    '',
  ]);
  out(['### Language per file', '', ...renderLanguageDetail(languageReports), '']);
  out([
    '### Relevance per set (borderline rows left out)',
    '',
    ...renderRelevanceDetail([['ru-telegram', telegramScore], ...fixtureScores]),
    '',
  ]);
  out(['### Country without hint, per language and split', '', ...countrySets.detail, '']);
  if (values.errors && countrySets.misses.length > 0) {
    out(['### Country misses without hint (dev split)', '', ...countrySets.misses, '']);
  }
  out([
    '### Relevance on the own sets per language and script (no declared language)',
    '',
    ...relevanceSetsReport.detail,
    '',
  ]);
  out(['### Story pairing per language and kind of pair', '', ...pairing.detail, '']);
  out(['### Seizure facts per language', '', ...seizureReport.detail, '']);
  out([
    '### Event types per language (own labelled reports)',
    '',
    '| language | dev | test |',
    '|---|---|---|',
    ...eventTypes.perLanguage.map(
      (detail) =>
        `| ${detail.lang} | ${detail.dev.correct}/${detail.dev.n} | ${detail.test.correct}/${detail.test.n} |`,
    ),
    '',
  ]);
  if (countryMisses.length > 0) {
    out([
      '### Country misses',
      '',
      ...countryMisses.map((item) => `- ${item.section} → ${answers.get(item.id)?.country}: ${item.title}`),
      '',
    ]);
  }
  if (values.errors) {
    out(['### Language errors', '', ...languageReports.flatMap((report) => report.errors), '']);
    out(['### Relevance errors on the own sets, dev split only', '', ...relevanceSetsReport.devErrors, '']);
    out(['### Seizure-fact errors (dev split)', '', ...seizureReport.devErrors]);
  }
  return figures.some((figure) => figure.target !== undefined && figure.value < figure.target) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
