import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, simhash64 } from './fingerprint.js';
import { digitsForNumberWords, isCalendarWord, latinCIsJ, withoutDateline } from './story-english.js';
import { type Amount, matchAmounts, readStoryNumbers } from './story-numbers.js';
import { placeOf } from './story-places.js';
import { APOSTROPHE_CLASS_BODY } from './text/apostrophes.js';
import { toCommonLatin } from './text/transliterate.js';
import type { DetectedLanguage } from './types.js';

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
  /** Amounts a word marks as rounded, in grams (`3000` for over 3 kg, более 3 кг, 3 kg dan ortiq). */
  approxQuantities: string[];
  /** Other numbers (ages, counts, article numbers), years left out: nearly every text has one. */
  numbers: string[];
  /** Day and month, `dd-mm`: the year is often left out. */
  dates: string[];
  /** Name keys of capitalised words inside a sentence, and place keys (`@baku`) wherever they stand. */
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

export { toCommonLatin };

/**
 * A name's key: first letter (any vowel as `V`, since `Е`/`Ye` and `Ə`/`А` open one name) and the next three
 * consonants. Vowels and endings differ between languages and cases (`Шымкенте`, `Şımkənt`, `Shymkent`); the
 * consonant frame does not. The velars are one consonant: Russian х stands for Kazakh қ and х, Uzbek and
 * Azerbaijani x and English kh (`Казахстан`, `Қазақстан`), Turkic g and q for Russian к and х and English g, gh
 * and k (`Aşgabat`, `Ашхабад`; `Sumqayıt`, `Sumgait`; `Ghafurov`, `Гафуров`). A Latin `c` is `j` in Azerbaijani
 * (`Gəncə`, Ganja) and `k` or `s` in English (`Colombia`, `Cyprus`).
 */
export function nameKey(word: string, lang?: DetectedLanguage | null): string | undefined {
  const latin = toCommonLatin(word)
    .replace(/[^a-z]/g, '')
    .replace(/c(?!h)(?=([eiy])?)/g, (_c, soft: string | undefined) =>
      latinCIsJ(lang) ? 'j' : soft ? 's' : 'k',
    )
    .replace(/shch|sh/g, 's')
    .replace(/ch|ts/g, 'c')
    .replace(/d?zh|dj/g, 'j')
    .replace(/kh|h|g|q/g, 'k');
  const first = latin[0];
  if (!first) return undefined;
  const frame = `${/[aeiouy]/.test(first) ? 'V' : first}${latin.slice(1).replace(/[aeiouy]/g, '')}`;
  const key = frame.replace(/(.)\1+/g, '$1').slice(0, 4);
  return key.length >= 3 ? key : undefined;
}

const WORD = new RegExp(`[\\p{L}${APOSTROPHE_CLASS_BODY}]+`, 'gu');
// Quotation marks are left out: they open names (`«Дәрмек»`, `"Hydra"`) far more often than sentences.
const SENTENCE_END = /(?:^|[.!?…:;()[\]|*#\n–—])\s*$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** Places are names wherever they stand; other capitalised words are keyed by their consonant frame. */
function keyOfWord(word: string, next: string | undefined, lang: DetectedLanguage | null | undefined) {
  const place = placeOf(word, next);
  if (place) return { key: `@${place}`, place: true };
  if (isCalendarWord(word)) return undefined;
  const key = nameKey(word, lang);
  return key ? { key, place: false } : undefined;
}

/** The word after a match when only a hyphen or a space stands between (`Issyk-Kul`, `Jalal-Abad`). */
const NEXT_WORD = new RegExp(`^[ -]([\\p{L}${APOSTROPHE_CLASS_BODY}]+)`, 'u');

function readNames(text: string, lang?: DetectedLanguage | null): Pick<StoryFacts, 'names' | 'leadingWords'> {
  const names: string[] = [];
  const leadingWords: string[] = [];
  for (const match of text.matchAll(WORD)) {
    if (!CAPITALISED.test(match[0])) continue;
    const next = NEXT_WORD.exec(
      text.slice(match.index + match[0].length, match.index + match[0].length + 40),
    );
    const found = keyOfWord(match[0], next?.[1], lang);
    if (!found) continue;
    const opensSentence = SENTENCE_END.test(text.slice(Math.max(0, match.index - 3), match.index));
    (opensSentence && !found.place ? leadingWords : names).push(found.key);
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
 * The facts of an article in its detected language. Names come from the body, since English and Russian headlines
 * capitalise words that are not names; numbers and dates from the title too. A title-only item gives its names
 * from the title. The date of a dateline is the filing day, not a fact of the event.
 */
export function storyFacts(title: string, body: string, lang?: DetectedLanguage | null): StoryFacts {
  const cleanTitle = digitsForNumberWords(withoutLinks(title));
  const cleanBody = digitsForNumberWords(withoutDateline(withoutLinks(body)));
  const latin = toCommonLatin(`${cleanTitle}\n${cleanBody}`);
  return {
    ...readStoryNumbers(latin, lang),
    ...readNames(cleanBody.trim() === '' ? cleanTitle : cleanBody, lang),
  };
}

/** One report as story linking sees it: its text, detected language and publication time. */
export interface StoryReport {
  title: string;
  body: string;
  lang?: DetectedLanguage | null;
  publishedAt: Date | null;
  /** The article's fingerprint when already computed (`simhash64` of title and body); computed otherwise. */
  simhash?: bigint | null;
}

/** What `compareForStory` compares: the pipeline (`src/workers/place-in-stories.ts`) and `npm run eval` build it here. */
export function storyEvidenceOf(report: StoryReport): StoryEvidence {
  const hasContent = report.title.trim() !== '' || report.body.trim() !== '';
  const simhash =
    report.simhash !== undefined
      ? report.simhash
      : hasContent
        ? simhash64(`${report.title}\n${report.body}`)
        : null;
  return {
    simhash,
    facts: storyFacts(report.title, report.body, report.lang),
    publishedAt: report.publishedAt,
  };
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
/** A single digit never ties two articles (and would make half the window a candidate). */
export const beyondSingleDigit = (fact: string): boolean => !/^\d$/.test(fact);

const amountsOf = (facts: StoryFacts): Amount[] => [
  ...facts.quantities.map((grams) => ({ grams: Number(grams), approximate: false })),
  ...facts.approxQuantities.map((grams) => ({ grams: Number(grams), approximate: true })),
];

const amountLabel = (amount: Amount): string => `${amount.approximate ? '~' : ''}${amount.grams} g`;

/**
 * Every amount of the text that names fewer must agree with one of the other (`amountsAgree`): a headline may round
 * `3,5 кг` to `3 кг`, an English version may write "over 3 kg" and a retelling may leave an amount out, but a copy
 * does not change one.
 */
function quantitiesDisagree(a: readonly Amount[], b: readonly Amount[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return matchAmounts(fewer, more).length < fewer.length;
}

/** Whether two articles report one story, and why (or why not). */
export function compareForStory(a: StoryEvidence, b: StoryEvidence): StoryMatch {
  const [amountsA, amountsB] = [amountsOf(a.facts), amountsOf(b.facts)];
  if (quantitiesDisagree(amountsA, amountsB)) {
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
  const sharedDates = intersect(da, db);
  if (da.length > 0 && db.length > 0 && sharedDates.length === 0) {
    return { same: false, reason: 'different dates' };
  }
  const sharedAmounts = matchAmounts(amountsA, amountsB).map(([x, y]) =>
    x.grams === y.grams && x.approximate === y.approximate
      ? amountLabel(x)
      : `${amountLabel(x)} ≈ ${amountLabel(y)}`,
  );
  const sharedNumbers = [
    ...sharedAmounts,
    ...intersect(a.facts.numbers, b.facts.numbers),
    ...sharedDates.map((d) => `date ${d}`),
  ];
  const numericCount = (facts: StoryFacts, amounts: readonly Amount[]) =>
    amounts.length + facts.numbers.length + facts.dates.length;
  const names = sharedNames(a.facts, b.facts);
  if (!sharedNumbers.some(beyondSingleDigit)) {
    return { same: false, reason: 'no shared amount, date or number above 9' };
  }
  if (names.length === 0) return { same: false, reason: 'no shared name' };
  const sharesAmountOrDate = sharedAmounts.length > 0 || sharedDates.length > 0;
  const needed = sharesAmountOrDate ? MIN_SHARED_FACTS.withAmountOrDate : MIN_SHARED_FACTS.otherwise;
  if (sharedNumbers.length + names.length < needed) return { same: false, reason: 'too few shared facts' };
  const fewer = Math.min(numericCount(a.facts, amountsA), numericCount(b.facts, amountsB));
  if (sharedNumbers.length / fewer < MIN_NUMBER_AGREEMENT) {
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
