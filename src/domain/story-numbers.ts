import { COMMON_LATIN_MONTH_STEMS, ENGLISH_MONTH_ABBREVIATIONS } from './text/months.js';
import type { DetectedLanguage } from './types.js';

/**
 * The numbers a copy of a report in another language states too, read from its common-Latin spelling
 * (`toCommonLatin`): seized amounts in grams, other numbers, and day-and-month dates.
 *
 * Amounts are exact (`3,5 кг`, `3.5 kilograms`, `3 kg 500 g`, `1 тонна 250 килограмм`) or approximate when a word
 * says so before or after them, in any of the languages (`over 3 kg`, `более 3 кг`, `3 kilogrammdan ortiq`,
 * `3 келіден астам`, `зиёда аз 3 кило`, `3 kiloqramdan çox`, `3 kilogramdan gowrak`, `nearly 30 kilograms`,
 * `около 30 кг`): English versions round what the release states to the gram.
 */

export interface StoryNumbers {
  /** Exact amounts in grams. */
  quantities: string[];
  /** Amounts in grams a word marks as rounded (`over 3 kg`: 3000). */
  approxQuantities: string[];
  numbers: string[];
  /** `dd-mm`. */
  dates: string[];
}

/** Month-name stems in the common Latin spelling (the text module's table), index 0 = January. */
const MONTH_STEMS = COMMON_LATIN_MONTH_STEMS;
/** English abbreviations, read only with their dot (`Sept. 23`, `Aug.12`): `mar` or `dec` alone are words. */
const MONTH_ABBREVIATIONS: ReadonlyArray<[string, number]> = ENGLISH_MONTH_ABBREVIATIONS.flatMap((row, i) =>
  row.map((abbreviation) => [abbreviation, i + 1] as [string, number]),
).sort(([a], [b]) => b.length - a.length);
/** Longest first, so that Kazakh «maýsym» (June) is not read as the `may` of May. */
const monthAlternation = [...MONTH_STEMS.flat()].sort((a, b) => b.length - a.length).join('|');
const abbreviationAlternation = MONTH_ABBREVIATIONS.map(([stem]) => stem).join('|');

/** The month (1–12) a word names, or 0. */
export function monthOf(word: string): number {
  // The longest stem the word starts with: `maysym` is June's, though it starts with May's `may`.
  let month = 0;
  let longest = 0;
  for (const [index, stems] of MONTH_STEMS.entries()) {
    for (const stem of stems) {
      if (stem.length > longest && word.startsWith(stem)) [month, longest] = [index + 1, stem.length];
    }
  }
  if (month > 0) return month;
  return MONTH_ABBREVIATIONS.find(([stem]) => new RegExp(`^${stem}\\.?$`).test(word))?.[1] ?? 0;
}

const NUMBER = String.raw`(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,](\d+))?`;
/** An English ordinal day or a Turkic case ending on it: `18th`, `20-sentyabr`, `20-nji`, `10-da`. */
const DAY_SUFFIX = '(?:-[a-z]{1,4}|st|nd|rd|th)?';
/** `20-sentyabr` (Uzbek), `20-nji sentýabrda` (Turkmen), `20 сентября`, `20 қыркүйекте`, `18th of September`. */
const DAY_MONTH = new RegExp(
  String.raw`\b(\d{1,2})${DAY_SUFFIX}(?:\s+of)?[\s-]+(${monthAlternation}|(?:${abbreviationAlternation})\.)[a-z]*`,
  'g',
);
/** `September 20`, `Sept. 20` (English), `sentyabrın 20-də` (Azerbaijani); not `September 20.5` or `20:30`. */
const MONTH_DAY = new RegExp(
  String.raw`\b(${monthAlternation}|(?:${abbreviationAlternation})\.)[a-z]*\s*(\d{1,2})${DAY_SUFFIX}\b(?![.,:]\d)`,
  'g',
);
const NUMERIC_DATE = /\b(\d{1,2})[./](\d{1,2})[./](?:\d{4}|\d{2})\b/g;
const ISO_DATE = /\b(?:19|20)\d{2}-(\d{2})-(\d{2})\b/g;

const KILO = '(?:kg|kk|kilo(?!met)[a-z]*|keli[a-z]*)';
const GRAM = '(?:[gk]ramm?[a-z]*|gr|g)';
const TON = '(?:ton[a-z]*|t)';
/** `1 тонна 120 килограмм`, `1 tonna 250 kilogramdan`: one amount. */
const TONS_AND_KILOS = new RegExp(String.raw`\b(\d+)\s?${TON}\s+(\d{1,3})\s?${KILO}\b`, 'g');
/** `1 кг 240 г`, written `1,24 kg` by another outlet: one amount. */
const KILOS_AND_GRAMS = new RegExp(String.raw`\b(\d+)\s?${KILO}\s+(\d{1,3})\s?${GRAM}\b`, 'g');
const QUANTITY = new RegExp(String.raw`${NUMBER}\s?(${KILO}|${GRAM}|${TON})\b`, 'g');
const GRAMS_PER_UNIT: ReadonlyArray<[RegExp, number]> = [
  [/^(kg|kk|kilo|keli)/, 1000],
  [/^(g|gr|[gk]ram)/, 1],
  [/^(t|ton)/, 1_000_000],
];
const PLAIN_NUMBER = new RegExp(NUMBER, 'g');
const YEAR = /^(19|20)\d\d$/;

/**
 * Words before an amount that make it a round figure: English; Russian; Kazakh `шамамен`; Kyrgyz `болжол менен`;
 * Uzbek `qariyb`, `taxminan`; Tajik `зиёда аз`, `беш аз`, `тақрибан`, `наздик ба`, `қариб`; Azerbaijani
 * `təxminən`, `təqribən`; Turkmen `takmynan`.
 */
const ROUNDING_BEFORE = new RegExp(
  String.raw`\b(?:more than|over|about|around|approximately|nearly|almost|some|roughly|close to|upwards of|` +
    'in excess of|at least|bolee|svyshe|okolo|pochti|poryadka|primerno|bolshe|ne menee|shamamen|' +
    String.raw`bolzhol menen|kariyb|karib|takhminan|takriban|ziyoda az|besh az|nazdik ba|takmynan)\s*$`,
);
/**
 * Words after an amount (often after a case ending on the unit) that make it a round figure: Uzbek `ortiq`,
 * `ziyod`, `koʻproq`; Kazakh `астам`, `артық`, `көп`, `жуық`; Kyrgyz `ашык`, `ашуун`, `жакын`; Azerbaijani `çox`,
 * `artıq`, `yaxın`; Turkmen `gowrak`, `zyýada`, `ýakyn`, `töweregi`, `golaý`.
 */
const ROUNDING_AFTER =
  /^(?:-?[a-z]{0,4})?\s+(?:ortik|ziyod|koprok|astam|artyk|kop|zhuyk|ashyk|ashuun|zhakyn|chokh|artik|yakhin|govrak|zyyada|yakyn|toveregi|golay)\b/;
/** A unit with a rounding word and no number: `более килограмма`, `свыше тонны` (one unit). */
const ROUNDED_UNIT =
  /\b(?:more than|over|about|nearly|almost|bolee|svyshe|okolo|pochti|ziyoda az|besh az)\s+(kilogramm[a-z]*|tonn[a-z]*)\b/g;
/** `бир`, `бір`, `bir`, `як`, `один` before a unit: the number one (`бир килограммдан ашык`). */
const ONE_BEFORE_UNIT = /\b(?:bir|yak|odin|odna|odnu|odnogo)\s+(?=kilo|tonn|ton\b|gramm)/g;
const ONE_AND_A_HALF = /\bpoltor[aye]\s+(?=kilo|tonn|gramm)/g;

/** `5,000` (English) and `5.000` (Azerbaijani) group thousands; elsewhere the comma is a decimal point. */
const THOUSANDS_GROUPS: Partial<Record<DetectedLanguage, RegExp>> = {
  eng: /\b(\d{1,3}(?:,\d{3})+)(?![\d]|[.,]\d)/g,
  aze: /\b(\d{1,3}(?:\.\d{3})+)(?![\d]|[.,]\d)/g,
};
/** `500 тысяч`, `500 мың`, `500 ming`, `500 ҳазор`, `1,5 млн`, `1 million`: the whole number. */
const scaleWords = (words: string, factor: number): [RegExp, number] => [
  new RegExp(String.raw`${NUMBER}\s?(?:${words})(?![a-z])`, 'g'),
  factor,
];
const SCALE_WORDS: ReadonlyArray<[RegExp, number]> = [
  scaleWords(String.raw`tysyach[a-z]*|tys\.|myn|ming|mun|hazor|thousand`, 1000),
  scaleWords(String.raw`million[a-z]*|mln\.?`, 1_000_000),
  scaleWords(String.raw`milliard[a-z]*|mlrd\.?|billion`, 1_000_000_000),
];
/** Azerbaijani `min` and Kyrgyz `миң` are a thousand; in English `min` is minutes. */
const THOUSAND_MIN = scaleWords('min', 1000);
const THOUSAND_MIN_LANGUAGES: ReadonlySet<DetectedLanguage> = new Set(['aze', 'kir']);

const pad = (n: number): string => String(n).padStart(2, '0');

function dateKey(day: number, month: number): string | undefined {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? `${pad(day)}-${pad(month)}` : undefined;
}

function numberValue(whole: string, fraction: string | undefined): number {
  return Number(`${whole.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}`);
}

interface Found {
  value: string;
  approximate?: boolean;
}

/**
 * Collects what `read` makes of each match (given the text before and after it) and blanks the match, so that
 * its digits are not read again.
 */
function takeMatches(
  text: string,
  pattern: RegExp,
  read: (groups: string[], before: string, after: string) => Found | string | undefined,
) {
  const found: Found[] = [];
  const rest = text.replace(pattern, (match: string, ...args: unknown[]) => {
    const offset = args.at(-2) as number;
    const groups = args.slice(0, -2) as string[];
    const value = read(
      groups,
      text.slice(Math.max(0, offset - 40), offset),
      text.slice(offset + match.length),
    );
    if (value !== undefined) found.push(typeof value === 'string' ? { value } : value);
    return ' '.repeat(match.length);
  });
  return { found, rest };
}

const values = (found: readonly Found[]) => found.map((item) => item.value);

/** Numbers written with thousands separators or scale words, as plain digits. */
function withPlainNumbers(latin: string, lang: DetectedLanguage | null | undefined): string {
  const groups = lang ? THOUSANDS_GROUPS[lang] : undefined;
  let text = groups ? latin.replace(groups, (digits: string) => digits.replace(/[.,]/g, '')) : latin;
  const scales = lang && THOUSAND_MIN_LANGUAGES.has(lang) ? [...SCALE_WORDS, THOUSAND_MIN] : SCALE_WORDS;
  for (const [pattern, factor] of scales) {
    text = text.replace(pattern, (_match, whole: string, fraction: string | undefined) =>
      String(Math.round(numberValue(whole, fraction) * factor)),
    );
  }
  return text
    .replace(ONE_BEFORE_UNIT, '1 ')
    .replace(ONE_AND_A_HALF, '1.5 ')
    .replace(ROUNDED_UNIT, (match: string, unit: string) => match.replace(unit, `1 ${unit}`));
}

function amount(grams: number, before: string, after: string): Found {
  const approximate = ROUNDING_BEFORE.test(before) || ROUNDING_AFTER.test(after);
  return { value: String(Math.round(grams)), approximate };
}

export function readStoryNumbers(latin: string, lang?: DetectedLanguage | null): StoryNumbers {
  const text = withPlainNumbers(latin, lang);
  const dayMonth = takeMatches(text, DAY_MONTH, ([day, month]) => dateKey(Number(day), monthOf(month!)));
  const monthDay = takeMatches(dayMonth.rest, MONTH_DAY, ([month, day]) =>
    dateKey(Number(day), monthOf(month!)),
  );
  const numeric = takeMatches(monthDay.rest, NUMERIC_DATE, ([day, month]) =>
    dateKey(Number(day), Number(month)),
  );
  const iso = takeMatches(numeric.rest, ISO_DATE, ([month, day]) => dateKey(Number(day), Number(month)));
  const tonsAndKilos = takeMatches(iso.rest, TONS_AND_KILOS, ([tons, kilos], before, after) =>
    amount(Number(tons) * 1_000_000 + Number(kilos) * 1000, before, after),
  );
  const kilosAndGrams = takeMatches(tonsAndKilos.rest, KILOS_AND_GRAMS, ([kilos, grams], before, after) =>
    amount(Number(kilos) * 1000 + Number(grams), before, after),
  );
  const quantities = takeMatches(kilosAndGrams.rest, QUANTITY, ([whole, fraction, unit], before, after) => {
    const grams = GRAMS_PER_UNIT.find(([pattern]) => pattern.test(unit!))?.[1];
    return grams === undefined ? undefined : amount(numberValue(whole!, fraction) * grams, before, after);
  });
  const numbers = takeMatches(quantities.rest, PLAIN_NUMBER, ([whole, fraction]) => {
    const value = numberValue(whole!, fraction);
    return YEAR.test(whole!) || value < 2 ? undefined : String(value);
  });
  const amounts = [...tonsAndKilos.found, ...kilosAndGrams.found, ...quantities.found];
  return {
    dates: distinct(values([...dayMonth.found, ...monthDay.found, ...numeric.found, ...iso.found])),
    quantities: distinct(values(amounts.filter((found) => !found.approximate))),
    approxQuantities: distinct(values(amounts.filter((found) => found.approximate))),
    numbers: distinct(values(numbers.found)),
  };
}

const distinct = (items: readonly string[]): string[] => [...new Set(items)].sort();

// ---------------------------------------------------------------------------------------------------------------
// Whether two amounts can be one.

export interface Amount {
  grams: number;
  approximate: boolean;
}

/** The rounding step a figure shows: `12 kg` is 12000 g to the kilogram, `300 kg` to the hundred kilograms. */
function roundingStep(grams: number): number {
  let step = 1;
  while (grams > 0 && grams % (step * 10) === 0) step *= 10;
  return step;
}

/**
 * Whether two amounts can be the same quantity:
 * - two exact ones are equal, or one rounds the other at its last written digit when it has three significant
 *   digits or more (`214.56 kg` for `214 кг 563 г`; but `3 kg` is not `3,2 кг`);
 * - a round figure covers half a step below it to a step above it (`over 12 kg`: 11.5 to 13 kg; `about 30 kg`:
 *   25 to 40 kg);
 * - two round figures are equal.
 */
export function amountsAgree(a: Amount, b: Amount): boolean {
  if (a.grams === b.grams) return true;
  if (a.approximate && b.approximate) return false;
  if (a.approximate || b.approximate) {
    const [round, exact] = a.approximate ? [a.grams, b.grams] : [b.grams, a.grams];
    const step = roundingStep(round);
    return exact >= round - step / 2 && exact < round + step;
  }
  const [coarse, fine] =
    roundingStep(a.grams) >= roundingStep(b.grams) ? [a.grams, b.grams] : [b.grams, a.grams];
  const step = roundingStep(coarse);
  return coarse / step >= 100 && Math.round(fine / step) * step === coarse;
}

/**
 * Pairs of agreeing amounts, each amount used once: equal amounts first, so that a round figure does not take the
 * place of an exact copy, then the roundings, in the order of `a`.
 */
export function matchAmounts(a: readonly Amount[], b: readonly Amount[]): Array<[Amount, Amount]> {
  const freeA = [...a];
  const freeB = [...b];
  const pairs: Array<[Amount, Amount]> = [];
  for (const agree of [(x: Amount, y: Amount) => x.grams === y.grams, amountsAgree]) {
    for (const amountA of [...freeA]) {
      const index = freeB.findIndex((amountB) => agree(amountA, amountB));
      if (index < 0) continue;
      pairs.push([amountA, freeB[index]!]);
      freeB.splice(index, 1);
      freeA.splice(freeA.indexOf(amountA), 1);
    }
  }
  return pairs;
}
