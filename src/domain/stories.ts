import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, SIMHASH_BANDS, simhashBands } from './fingerprint.js';

/**
 * Stories: the reports of one event, whoever published them and in whichever language.
 *
 * Two articles report one story when
 * - their SimHash fingerprints are near (`near_duplicate`: a release reposted with another lead or footer, a revised
 *   version), or
 * - they state the same facts (`shared_facts`: the Russian and Kazakh versions of one police release, an outlet
 *   retelling it): numbers with their units, dates, and proper names compared in a common Latin skeleton, so that
 *   `Шымкент`, `Шымкентте` and `Şımkənt` agree.
 * Either way, two texts that give different seized quantities are different events, however alike the rest: two
 * heroin seizures in one city on one day differ in their kilograms and people, not in their wording.
 */

/** What a copy of the article in another language would state too; every list holds distinct keys. */
export interface StoryFacts {
  /** Seized amounts in grams (`3000` for 3 kg, 3 кг, 3 kq, 3 келі, 3000 граммов). */
  quantities: string[];
  /** Other numbers (ages, counts, article numbers), years left out: nearly every text has one. */
  numbers: string[];
  /** Day and month, `dd-mm`: the year is often left out. */
  dates: string[];
  /** Name keys of capitalised words inside a sentence. */
  names: string[];
  /** Name keys of capitalised words opening a sentence: names only when the other text has them inside one. */
  leadingWords: string[];
}

export interface StoryEvidence {
  simhash: bigint | null;
  facts: StoryFacts;
  publishedAt: Date | null;
}

export type StoryMatch =
  | { same: true; rule: 'near_duplicate'; distance: number }
  | { same: true; rule: 'shared_facts'; shared: string[] }
  | { same: false; reason: string };

/** Copies of one release appear within a day or two of each other; a week-old text with equal facts is news again. */
export const STORY_WINDOW_DAYS = 3;
/**
 * Fewer shared facts than this is coincidence. An amount or a date is telling, so three facts with one of them
 * suffice (`3,5 kg`, `18-09`, `Shymkent`); with ages and counts only, a city and two numbers are shared by
 * unrelated reports of one day (a fire on the 7th floor with 20 residents; 7 years for a ministry official), so four
 * are needed.
 */
export const MIN_SHARED_FACTS = { withAmountOrDate: 3, otherwise: 4 } as const;
/** At least this share of the numbers of the text with fewer numbers must appear in the other. */
export const MIN_NUMBER_AGREEMENT = 0.5;

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ў: 'u',
  ҝ: 'g',
  ј: 'y',
  ҹ: 'j',
  җ: 'zh',
};

const LATIN_TO_ASCII: Readonly<Record<string, string>> = {
  ə: 'a',
  ä: 'a',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  ş: 'sh',
  ç: 'ch',
  ğ: 'g',
  ň: 'n',
  ý: 'y',
  ž: 'zh',
  q: 'k',
  x: 'kh',
  w: 'v',
  é: 'e',
  ñ: 'n',
};

const APOSTROPHES = /['ʻʼ‘’`´]/gu;

/** Lower-case Latin spelling shared by the region's scripts: Russian, Kazakh and Azerbaijani `Баку`/`Bakı` → `baku`/`baki`. */
export function toCommonLatin(text: string): string {
  return Array.from(text.normalize('NFC').toLowerCase().replace(APOSTROPHES, ''))
    .map((char) => CYRILLIC_TO_LATIN[char] ?? LATIN_TO_ASCII[char] ?? char)
    .join('');
}

/**
 * A name's key: first letter (any vowel as `V`, since `Е`/`Ye` and `Ə`/`А` open one name) and the next three
 * consonants. Vowels and endings differ between languages and cases (`Шымкенте`, `Şımkənt`, `Shymkent`); the
 * consonant frame does not.
 */
export function nameKey(word: string): string | undefined {
  const latin = toCommonLatin(word)
    .replace(/[^a-z]/g, '')
    .replace(/shch|sh/g, 's')
    .replace(/ch|ts/g, 'c')
    .replace(/d?zh|dj/g, 'j')
    // Russian х stands for Kazakh қ and х, Uzbek and Azerbaijani x, English kh: `Казахстан`, `Қазақстан`.
    .replace(/kh|h/g, 'k');
  const first = latin[0];
  if (!first) return undefined;
  const frame = `${/[aeiouy]/.test(first) ? 'V' : first}${latin.slice(1).replace(/[aeiouy]/g, '')}`;
  const key = frame.replace(/(.)\1+/g, '$1').slice(0, 4);
  return key.length >= 3 ? key : undefined;
}

/** Month-name stems in the common Latin spelling, index 0 = January; Kazakh has its own names. */
const MONTH_STEMS: readonly string[][] = [
  ['yanvar', 'ianvar', 'january', 'kantar'],
  ['fevral', 'february', 'akpan'],
  ['mart', 'march', 'nauryz'],
  ['aprel', 'april', 'sauir'],
  ['may', 'mai', 'mamyr'],
  ['iyun', 'june', 'mausym'],
  ['iyul', 'july', 'shilde'],
  ['avgust', 'avkust', 'august', 'tamyz'],
  ['sentyabr', 'sentabr', 'september', 'kyrkuyek'],
  ['oktyabr', 'oktabr', 'october', 'kazan'],
  ['noyabr', 'november', 'karasha'],
  ['dekabr', 'december', 'zheltoksan'],
];
const monthAlternation = MONTH_STEMS.flat().join('|');
const monthOf = (word: string): number =>
  MONTH_STEMS.findIndex((stems) => stems.some((stem) => word.startsWith(stem)));

const NUMBER = String.raw`(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,](\d+))?`;
/** `20-sentyabr` (Uzbek), `20-nji sentýabrda` (Turkmen), `20 сентября`, `20 қыркүйекте`. */
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:-[a-z]{1,4})?[\s-]+(${monthAlternation})[a-z]*`, 'g');
/** `September 20` (English), `sentyabrın 20-də` (Azerbaijani); not `September 20.5` or a time `20:30`. */
const MONTH_DAY = new RegExp(
  String.raw`\b(${monthAlternation})[a-z]*\s+(\d{1,2})(?:-[a-z]{1,4})?\b(?![.,:]\d)`,
  'g',
);
const NUMERIC_DATE = /\b(\d{1,2})[./](\d{1,2})[./](?:\d{4}|\d{2})\b/g;
const ISO_DATE = /\b(?:19|20)\d{2}-(\d{2})-(\d{2})\b/g;
/** `1 кг 240 г`, written `1,24 kg` by another outlet: one amount. */
const KILOS_AND_GRAMS =
  /\b(\d+)\s?(?:kg|kk|kilo(?!met)[a-z]*|keli[a-z]*)\s+(\d{1,3})\s?(?:[gk]ramm?[a-z]*|gr|g)\b/g;
const QUANTITY = new RegExp(
  String.raw`${NUMBER}\s?(kg|kk|kilo(?!met)[a-z]*|keli[a-z]*|[gk]ramm?[a-z]*|gr|g|tonn[a-z]*|t)\b`,
  'g',
);
const GRAMS_PER_UNIT: ReadonlyArray<[RegExp, number]> = [
  [/^(kg|kk|kilo|keli)/, 1000],
  [/^(g|gr|[gk]ram)/, 1],
  [/^(t|tonn)/, 1_000_000],
];
const PLAIN_NUMBER = new RegExp(NUMBER, 'g');
const YEAR = /^(19|20)\d\d$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function dateKey(day: number, month: number): string | undefined {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? `${pad(day)}-${pad(month)}` : undefined;
}

function numberValue(whole: string, fraction: string | undefined): number {
  return Number(`${whole.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}`);
}

/** Collects what `read` makes of each match and blanks the match, so that its digits are not read again. */
function takeMatches(text: string, pattern: RegExp, read: (groups: string[]) => string | undefined) {
  const found: string[] = [];
  const rest = text.replace(pattern, (match: string, ...args: unknown[]) => {
    const value = read(args.slice(0, -2) as string[]);
    if (value !== undefined) found.push(value);
    return ' '.repeat(match.length);
  });
  return { found, rest };
}

function readNumbers(latin: string): Pick<StoryFacts, 'quantities' | 'numbers' | 'dates'> {
  const dayMonth = takeMatches(latin, DAY_MONTH, ([day, month]) => dateKey(Number(day), monthOf(month!) + 1));
  const monthDay = takeMatches(dayMonth.rest, MONTH_DAY, ([month, day]) =>
    dateKey(Number(day), monthOf(month!) + 1),
  );
  const numeric = takeMatches(monthDay.rest, NUMERIC_DATE, ([day, month]) =>
    dateKey(Number(day), Number(month)),
  );
  const iso = takeMatches(numeric.rest, ISO_DATE, ([month, day]) => dateKey(Number(day), Number(month)));
  const kilosAndGrams = takeMatches(iso.rest, KILOS_AND_GRAMS, ([kilos, grams]) =>
    String(Number(kilos) * 1000 + Number(grams)),
  );
  const quantities = takeMatches(kilosAndGrams.rest, QUANTITY, ([whole, fraction, unit]) => {
    const grams = GRAMS_PER_UNIT.find(([pattern]) => pattern.test(unit!))?.[1];
    return grams === undefined ? undefined : String(Math.round(numberValue(whole!, fraction) * grams));
  });
  const numbers = takeMatches(quantities.rest, PLAIN_NUMBER, ([whole, fraction]) => {
    const value = numberValue(whole!, fraction);
    return YEAR.test(whole!) || value < 2 ? undefined : String(value);
  });
  return {
    dates: distinct([...dayMonth.found, ...monthDay.found, ...numeric.found, ...iso.found]),
    quantities: distinct([...kilosAndGrams.found, ...quantities.found]),
    numbers: distinct(numbers.found),
  };
}

const WORD = /[\p{L}'ʻʼ‘’]+/gu;
// Quotation marks are left out: they open names (`«Дәрмек»`, `"Hydra"`) far more often than sentences.
const SENTENCE_END = /(?:^|[.!?…:;()[\]|*#\n–—])\s*$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

function readNames(text: string): Pick<StoryFacts, 'names' | 'leadingWords'> {
  const names: string[] = [];
  const leadingWords: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const key = CAPITALISED.test(match[0]) ? nameKey(match[0]) : undefined;
    if (!key) continue;
    const opensSentence = SENTENCE_END.test(text.slice(Math.max(0, match.index - 3), match.index));
    (opensSentence ? leadingWords : names).push(key);
  }
  const nameSet = new Set(names);
  return { names: distinct(names), leadingWords: distinct(leadingWords.filter((key) => !nameSet.has(key))) };
}

const distinct = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * Links and their labels are the outlet's, not the event's: a channel's `[Подписаться](https://t.me/…02_bot)`
 * footer would otherwise give every post of the channel a shared name and number.
 */
const MARKDOWN_LINK = /\[[^\]]*\]\([^)]*\)/g;
const LINK = /\b(?:https?:\/\/|www\.|t\.me\/)\S+/giu;

function withoutLinks(text: string): string {
  return text.replace(MARKDOWN_LINK, ' ').replace(LINK, ' ');
}

/**
 * The facts of an article. Names come from the body, since English and Russian headlines capitalise words that
 * are not names; numbers and dates from the title too. A title-only item gives its names from the title.
 */
export function storyFacts(title: string, body: string): StoryFacts {
  const [cleanTitle, cleanBody] = [withoutLinks(title), withoutLinks(body)];
  const latin = toCommonLatin(`${cleanTitle}\n${cleanBody}`);
  return { ...readNumbers(latin), ...readNames(cleanBody.trim() === '' ? cleanTitle : cleanBody) };
}

const intersect = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => b.includes(x));

function sharedNames(a: StoryFacts, b: StoryFacts): string[] {
  return distinct([
    ...intersect(a.names, b.names),
    ...intersect(a.leadingWords, b.names),
    ...intersect(a.names, b.leadingWords),
  ]);
}

/** A single digit (two suspects, 3 cars) is shared by unrelated texts all the time; it cannot tie two alone. */
const beyondSingleDigit = (fact: string): boolean => !/^\d$/.test(fact);

const numericFacts = (facts: StoryFacts): string[] => [
  ...facts.quantities.map((q) => `${q} g`),
  ...facts.numbers,
  ...facts.dates.map((d) => `date ${d}`),
];

/**
 * Every amount of the text that names fewer must be in the other: a headline may round `3,5 кг` to `3 кг` and a
 * retelling may leave an amount out, but a copy does not change one.
 */
function quantitiesDisagree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.some((amount) => !more.includes(amount));
}

/** Whether two articles report one story, and why (or why not). */
export function compareForStory(a: StoryEvidence, b: StoryEvidence): StoryMatch {
  if (quantitiesDisagree(a.facts.quantities, b.facts.quantities)) {
    return { same: false, reason: 'different quantities' };
  }
  if (a.simhash !== null && b.simhash !== null) {
    const distance = hammingDistance(a.simhash, b.simhash);
    if (distance <= NEAR_DUPLICATE_MAX_DISTANCE) return { same: true, rule: 'near_duplicate', distance };
  }
  if (a.publishedAt && b.publishedAt) {
    const days = Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) / 86_400_000;
    if (days > STORY_WINDOW_DAYS) return { same: false, reason: 'published too far apart' };
  }
  const { dates: da } = a.facts;
  const { dates: db } = b.facts;
  if (da.length > 0 && db.length > 0 && intersect(da, db).length === 0) {
    return { same: false, reason: 'different dates' };
  }
  const numbersA = numericFacts(a.facts);
  const numbersB = numericFacts(b.facts);
  const sharedNumbers = intersect(numbersA, numbersB);
  const names = sharedNames(a.facts, b.facts);
  if (!sharedNumbers.some(beyondSingleDigit)) {
    return { same: false, reason: 'no shared amount, date or number above 9' };
  }
  if (names.length === 0) return { same: false, reason: 'no shared name' };
  const sharesAmountOrDate = sharedNumbers.some((fact) => fact.endsWith(' g') || fact.startsWith('date '));
  const needed = sharesAmountOrDate ? MIN_SHARED_FACTS.withAmountOrDate : MIN_SHARED_FACTS.otherwise;
  if (sharedNumbers.length + names.length < needed) return { same: false, reason: 'too few shared facts' };
  if (sharedNumbers.length / Math.min(numbersA.length, numbersB.length) < MIN_NUMBER_AGREEMENT) {
    return { same: false, reason: 'numbers disagree' };
  }
  return { same: true, rule: 'shared_facts', shared: [...sharedNumbers, ...names.map((n) => `name ${n}`)] };
}

export interface StoryCandidate {
  articleId: number;
  storyId: number;
  evidence: StoryEvidence;
}

export interface StoryChoice {
  storyId: number;
  withArticleId: number;
  match: Extract<StoryMatch, { same: true }>;
}

/** Closest first: the smallest fingerprint distance, then the most shared facts. */
function matchRank(match: Extract<StoryMatch, { same: true }>): number {
  return match.rule === 'near_duplicate' ? match.distance : 100 - match.shared.length;
}

/** The story the article belongs to among the candidates' stories, or undefined for a new story. */
export function chooseStory(
  article: StoryEvidence,
  candidates: readonly StoryCandidate[],
): StoryChoice | undefined {
  let best: StoryChoice | undefined;
  for (const candidate of candidates) {
    const match = compareForStory(article, candidate.evidence);
    if (match.same && (!best || matchRank(match) < matchRank(best.match))) {
      best = { storyId: candidate.storyId, withArticleId: candidate.articleId, match };
    }
  }
  return best;
}

export interface StoryMember {
  id: number;
  official: boolean;
  publishedAt: Date | null;
}

/** The item an analyst cites: the ministry's or agency's own report when there is one, else the earliest. */
export function choosePrimary(members: readonly StoryMember[]): number | undefined {
  const time = (member: StoryMember) => member.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...members].sort(
    (a, b) => Number(b.official) - Number(a.official) || time(a) - time(b) || a.id - b.id,
  )[0]?.id;
}

/** Band keys for an index lookup: band `i` with value `v` is `i * 256 + v`, so one integer array holds all eight. */
export function simhashBandKeys(simhash: bigint): number[] {
  return simhashBands(simhash, SIMHASH_BANDS).map((value, band) => band * 256 + value);
}

const FACT_PREFIXES = {
  quantities: 'q:',
  numbers: 'n:',
  dates: 'd:',
  names: 'p:',
  leadingWords: 'l:',
} as const satisfies Record<keyof StoryFacts, string>;

/** Facts as prefixed keys for storage: `q:3000`, `n:34`, `d:20-09`, `p:Vlmt`, `l:smkn`. */
export function factKeys(facts: StoryFacts): string[] {
  return Object.entries(FACT_PREFIXES).flatMap(([field, prefix]) =>
    facts[field as keyof StoryFacts].map((value) => `${prefix}${value}`),
  );
}

/**
 * The keys a copy must share with this article, for the candidate lookup: an amount, a date or a number above 9
 * (a shared single digit never ties two articles, and would make half the window a candidate).
 */
export function numericFactKeys(facts: StoryFacts): string[] {
  return factKeys({
    ...facts,
    numbers: facts.numbers.filter(beyondSingleDigit),
    names: [],
    leadingWords: [],
  });
}

const MS_PER_DAY = 86_400_000;
const dayNumber = (date: Date): number => Math.floor(date.getTime() / MS_PER_DAY);

/**
 * A member's numeric fact keys with the day it was published (`n:228@20419`; `n:228@` undated), for the
 * candidate lookup: a number as common as `228` (the drug article of the criminal code) is shared by every drug
 * report ever stored, but by few of the days around one.
 */
export function datedFactKeys(numericKeys: readonly string[], publishedAt: Date | null): string[] {
  const day = publishedAt ? String(dayNumber(publishedAt)) : '';
  return numericKeys.map((key) => `${key}@${day}`);
}

/**
 * How far back an undated draft looks for its story: as old as the news sources are crawled for by default
 * (`limits.maxAgeDays`); it may report anything of that span.
 */
export const UNDATED_LOOKBACK_DAYS = 45;

/**
 * The dated keys a draft looks up: its numeric facts on every day from `first` to `last` widened by the story
 * window, and undated. Two times at most STORY_WINDOW_DAYS apart fall on days at most that many apart, so no
 * member within the window is missed; the exact window is checked on what the lookup finds.
 */
export function datedFactQueryKeys(numericKeys: readonly string[], first: Date, last = first): string[] {
  const from = dayNumber(first) - STORY_WINDOW_DAYS;
  const days = Array.from({ length: dayNumber(last) + STORY_WINDOW_DAYS - from + 1 }, (_, offset) =>
    String(from + offset),
  );
  return numericKeys.flatMap((key) => [...days.map((day) => `${key}@${day}`), `${key}@`]);
}

export function factsFromKeys(keys: readonly string[]): StoryFacts {
  const facts: StoryFacts = { quantities: [], numbers: [], dates: [], names: [], leadingWords: [] };
  for (const key of keys) {
    const field = (Object.keys(FACT_PREFIXES) as Array<keyof StoryFacts>).find((name) =>
      key.startsWith(FACT_PREFIXES[name]),
    );
    if (field) facts[field].push(key.slice(2));
  }
  return facts;
}
