import { CharacterClasses } from './character-classes.js';
import { FrancProfile, type FrancRanking } from './franc-ranking.js';
import {
  ALIEN_LETTER,
  alternativeLetterRates,
  francCodeToLanguage,
  francKin,
  type LetteredScript,
  letterRates,
  letterSigns,
  neighbourLetterRates,
  plainLetters,
  rareScriptPriorNats,
  UNUSED_LETTER_RATE,
} from './language-evidence.js';
import { APOSTROPHE_CLASS_BODY } from './text/apostrophes.js';
import {
  type Language,
  type LanguageResult,
  languageCodes,
  type Script,
  type TextForAnalysis,
} from './types.js';

export interface LanguageOptions {
  allowed?: readonly Language[];
  declared?: readonly Language[];
}

/** franc reads no further than this; the letter evidence looks at the same stretch so both weigh alike. */
const SAMPLE_LENGTH = 2048;
/** Fewer letters than this tell nothing reliable about a language. */
const MIN_LETTERS = 5;
/**
 * franc's scores are distances normalised by the text length; this turns a score gap back into
 * log-likelihood units (nats) comparable with the letter evidence: roughly a third of a nat per character.
 */
const FRANC_NATS_PER_CHAR = 0.3;
/** A declared source language is a prior: it decides short, ambiguous texts and yields to clear evidence. */
const DECLARED_PRIOR_NATS = 2;
/** The letters themselves must favour the foreign language by this much: franc alone never drops a text. */
const FOREIGN_LETTER_GATE_NATS = 2;
/**
 * Dropping an article as foreign is costly: a foreign language must explain the text this much better than
 * ours. A neighbour (a language with its own letter table) competes almost on equal terms; any other language
 * franc names only fits the letters by estimating their shares from the text, so it must clear a higher bar.
 */
const NEIGHBOUR_PRIOR_NATS = 8;
const UNKNOWN_FOREIGN_PRIOR_NATS = 16;

const scriptLetter: Readonly<Record<LetteredScript, RegExp>> = {
  Cyrl: /(?=\p{L})\p{Script=Cyrillic}/u,
  Latn: /(?=\p{L})\p{Script=Latin}/u,
  Arab: /(?=\p{L})\p{Script=Arabic}/u,
};
const letteredScripts = Object.keys(scriptLetter) as LetteredScript[];

/** Letters, combining marks and the apostrophes that are part of Uzbek and Turkic words. */
const wordPattern = new RegExp(`[\\p{L}\\p{M}${APOSTROPHE_CLASS_BODY}]+`, 'gu');

/** Each character's index in `letteredScripts` where it is a letter of one of them, else -1. */
const scriptIndexOfLetter = new CharacterClasses((char) =>
  letteredScripts.findIndex((script) => scriptLetter[script].test(char)),
);

/** The script most letters are written in, the first of equals; `Zyyy` without letters. */
export function detectScript(text: string): Script {
  const counts = letteredScripts.map(() => 0);
  scriptIndexOfLetter.forEach(text, (script) => {
    if (script !== -1) counts[script]! += 1;
  });
  const best = counts.indexOf(Math.max(...counts));
  return counts[best]! > 0 ? letteredScripts[best]! : 'Zyyy';
}

export function detectLanguage(input: TextForAnalysis, options: LanguageOptions = {}): LanguageResult {
  const sample = prepareSample(input);
  const script = detectScript(sample);
  if (script === 'Zyyy') return undetermined(script, 0);
  const candidates = languageCodes.filter((lang) => letterRates[script][lang] !== undefined);
  const letters = countLetters(sample, script);
  if (letters.total < MIN_LETTERS) return undetermined(script, 0);

  const letterFit = new Map(candidates.map((lang) => [lang, languageLetterFit(letters, script, lang)]));
  const prior = (lang: Language): number =>
    (rareScriptPriorNats[script][lang] ?? 0) + (options.declared?.includes(lang) ? DECLARED_PRIOR_NATS : 0);
  const franc = new FrancProfile(sample);
  const francFit = francLogLikelihoods(sample, franc.rank(candidates.flatMap(francCodesOf)));
  const scored = candidates.map((lang) => ({
    lang,
    score: francFitOf(francFit, lang) + letterFit.get(lang)! + prior(lang),
  }));

  // `allowed` narrows the choice, but a clearly better language outside it means the text is not one of them.
  const allowed = scored.filter(({ lang }) => options.allowed?.includes(lang) ?? true);
  const best = allowed.reduce<(typeof scored)[number] | undefined>(
    (a, b) => (a && a.score >= b.score ? a : b),
    undefined,
  );
  if (!best) return undetermined(script, 0);
  const excludedMargin = Math.max(...scored.map(({ score }) => score)) - best.score - NEIGHBOUR_PRIOR_NATS;
  const foreignMargin = Math.max(
    excludedMargin,
    foreignLanguageMargin(sample, franc, script, letters, candidates, letterFit, prior),
  );
  if (foreignMargin > 0) return undetermined(script, logistic(foreignMargin));
  return {
    lang: best.lang,
    script,
    confidence: softmaxShare(
      allowed.map(({ score }) => score),
      best.score,
    ),
  };
}

/** Title and body read as one text, without links; lookalike letters typed from the other keyboard are mended. */
function prepareSample(input: TextForAnalysis): string {
  const joined = input.title ? `${input.title}\n${input.text}` : input.text;
  // Links are written in Latin letters whatever the language around them: they would outvote a short text.
  const withoutLinks = joined.replace(/(?:https?:\/\/|www\.)[^\s)\]]+/giu, ' ');
  return mendLookalikes(withoutLinks.normalize('NFC').slice(0, SAMPLE_LENGTH));
}

/**
 * Kazakh pages often type Latin i for і and ə for ә inside Cyrillic words, and Azerbaijani pages Cyrillic ә
 * for ə inside Latin ones; read them as the letter meant.
 */
function mendLookalikes(text: string): string {
  return text
    .replace(
      /(?<=\p{Script=Cyrillic})[iIəƏ]|[iIəƏ](?=\p{Script=Cyrillic})/gu,
      (ch) => cyrillicLookalike[ch] ?? ch,
    )
    .replace(/(?<=\p{Script=Latin})[әӘ]|[әӘ](?=\p{Script=Latin})/gu, (ch) => (ch === 'ә' ? 'ə' : 'Ə'));
}

const cyrillicLookalike: Readonly<Record<string, string>> = { i: 'і', I: 'І', ə: 'ә', Ə: 'Ә' };

interface LetterCounts {
  total: number;
  /** Occurrences of marked letters (and of the alien class); plain letters are total minus their sum. */
  marked: Map<string, number>;
}

/** What may stand between a sentence's start (the text's, or after . ! ? … : ; or a line break) and its first word. */
const sentenceStart = /(?:^|[.!?…:;\n])[\s"'«»“”„‘’()[\]—–-]*$/u;
const titleCase = /^\p{Lu}\p{Ll}/u;
/**
 * A capitalised word inside a sentence is mostly a name, and a name is often spelt in the letters of the language it
 * comes from rather than of the text around it (Qashqadaryo in an English report, Қарағанды in a Russian one), while
 * Turkic writers spell foreign names their own way (Virciniyada): its letters count, but for half — unless the
 * names outweigh the other words.
 */
const NAME_WEIGHT = 0.5;

/** The distinct words of the sample, lower-cased: names apart (see NAME_WEIGHT), a word used both ways not a name. */
function evidenceWords(sample: string): { words: string[]; names: string[] } {
  const words = new Set<string>();
  const names = new Set<string>();
  for (const { 0: word, index } of sample.matchAll(wordPattern)) {
    const isName = titleCase.test(word) && !sentenceStart.test(sample.slice(Math.max(0, index - 8), index));
    (isName ? names : words).add(word.replaceAll('İ', 'i').toLowerCase());
  }
  return { words: [...words], names: [...names].filter((name) => !words.has(name)) };
}

/**
 * Counts each distinct word once: a name or a word repeated down the text would otherwise weigh as if every
 * repetition were fresh evidence.
 */
function countLetters(sample: string, script: LetteredScript): LetterCounts {
  const { words, names } = evidenceWords(sample);
  const joinedWords = words.join(' ');
  const joinedNames = names.join(' ');
  // In a title-case headline, or a text of little more than names, the names are the evidence there is.
  const nameWeight = joinedNames.length > joinedWords.length ? 1 : NAME_WEIGHT;
  const counts: LetterCounts = { total: 0, marked: new Map() };
  tallyLetters(joinedWords, script, 1, counts);
  tallyLetters(joinedNames, script, nameWeight, counts);
  return counts;
}

/** Adds the letters and signs of `words` (distinct words joined by spaces), each counted `weight` times. */
function tallyLetters(words: string, script: LetteredScript, weight: number, counts: LetterCounts): void {
  // Each distinct letter is told marked, plain or alien once; counting by letter first keeps the classes in the
  // order their first letters appear.
  const occurrences = new Map<number, number>();
  const scriptIndex = letteredScripts.indexOf(script);
  scriptIndexOfLetter.forEach(words, (letterScript, codePoint, index) => {
    // A separating ъ is counted as its own sign below.
    if (letterScript !== scriptIndex || isSeparatingHardSign(words, index)) return;
    occurrences.set(codePoint, (occurrences.get(codePoint) ?? 0) + 1);
  });
  const add = (letterClass: string, count: number): void => {
    counts.marked.set(letterClass, (counts.marked.get(letterClass) ?? 0) + count * weight);
  };
  for (const [codePoint, count] of occurrences) {
    const letter = String.fromCodePoint(codePoint);
    counts.total += count * weight;
    if (markedLetters[script].has(letter)) add(letter, count);
    else if (!plainLetters[script].test(letter)) add(ALIEN_LETTER, count);
  }
  for (const [sign, pattern] of Object.entries(letterSigns[script])) {
    const count = words.match(pattern)?.length ?? 0;
    counts.total += count * weight;
    if (count > 0) add(sign, count);
  }
}

function isSeparatingHardSign(words: string, index: number): boolean {
  return words[index] === 'ъ' && /[еёюя]/.test(words[index + 1] ?? '');
}

/** Every letter some letter table marks in the script, plus the alien class. */
const markedLetters: Readonly<Record<LetteredScript, ReadonlySet<string>>> = Object.fromEntries(
  letteredScripts.map((script) => {
    const tables = [
      ...Object.values(letterRates[script]),
      ...Object.values(alternativeLetterRates[script]),
      ...Object.values(neighbourLetterRates[script]),
    ];
    const letters = tables.flatMap((rates) => Object.keys(rates ?? {}));
    return [script, new Set([...letters, ...Object.keys(letterSigns[script]), ALIEN_LETTER])];
  }),
) as unknown as Record<LetteredScript, ReadonlySet<string>>;

/** The letter fit of one of our languages: the better of its spellings' tables (Kazakh Latin of 2018 or 2021). */
function languageLetterFit(letters: LetterCounts, script: LetteredScript, lang: Language): number {
  const main = letterLogLikelihood(letters, script, letterRates[script][lang]!);
  const alternative = alternativeLetterRates[script][lang];
  return alternative ? Math.max(main, letterLogLikelihood(letters, script, alternative)) : main;
}

/** Multinomial log-likelihood of the marked-letter counts under a language's letter rates. */
function letterLogLikelihood(
  letters: LetterCounts,
  script: LetteredScript,
  rates: Readonly<Record<string, number>>,
): number {
  const rateOf = (letterClass: string): number => rates[letterClass] ?? UNUSED_LETTER_RATE;
  let markedTotal = 0;
  let markedRate = 0;
  let logLikelihood = 0;
  for (const letterClass of markedLetters[script]) {
    const count = letters.marked.get(letterClass) ?? 0;
    markedTotal += count;
    markedRate += rateOf(letterClass);
    if (count > 0) logLikelihood += count * Math.log(rateOf(letterClass));
  }
  return logLikelihood + (letters.total - markedTotal) * Math.log(1 - markedRate);
}

/**
 * The letter fit of a language without a letter table: each class at its observed share, less the BIC price
 * of estimating those shares from the text itself (½·ln n per class) when `estimated`; without that price it
 * is the best fit any table could reach.
 */
function observedLetterLogLikelihood(letters: LetterCounts, estimated: boolean): number {
  let markedTotal = 0;
  let logLikelihood = 0;
  for (const count of letters.marked.values()) {
    markedTotal += count;
    logLikelihood += count * Math.log(count / letters.total);
  }
  const plain = letters.total - markedTotal;
  if (plain > 0) logLikelihood += plain * Math.log(plain / letters.total);
  return estimated ? logLikelihood - 0.5 * Math.log(letters.total) * letters.marked.size : logLikelihood;
}

/** franc's verdict per franc code as log-likelihoods relative to its best language. */
function francLogLikelihoods(sample: string, ranked: FrancRanking): Map<string, number> {
  const scale = Math.min(sample.length, SAMPLE_LENGTH) * FRANC_NATS_PER_CHAR;
  return new Map(ranked.map(([code, score]) => [code, (score - 1) * scale]));
}

/**
 * franc's log-likelihood of one of our languages. A language franc has no model for in this script takes its
 * kin's best score, or franc's best when no kin is there: franc cannot speak against a language it does not know.
 */
function francFitOf(francFit: ReadonlyMap<string, number>, lang: Language): number {
  const bestOf = (codes: readonly string[]): number | undefined => {
    const scores = codes.flatMap((code) => francFit.get(code) ?? []);
    return scores.length > 0 ? Math.max(...scores) : undefined;
  };
  return bestOf(francCodesOf(lang)) ?? bestOf(francKin[lang] ?? []) ?? 0;
}

/**
 * How much better a foreign language explains the text than the best of ours, after its prior; positive means
 * "not one of ours". Asked only when franc's unrestricted favourite is foreign. The competitors are the
 * script's neighbours (with their own letter tables) and franc's favourite; each must also win on letters
 * alone, which keeps franc's Russian→Bulgarian and English→Scots slips on short texts from mattering.
 */
function foreignLanguageMargin(
  sample: string,
  franc: FrancProfile,
  script: LetteredScript,
  letters: LetterCounts,
  candidates: readonly Language[],
  letterFit: ReadonlyMap<Language, number>,
  prior: (lang: Language) => number,
): number {
  const bestOursLetters = Math.max(...letterFit.values());
  const winsOnLetters = (fit: number): boolean => fit - bestOursLetters >= FOREIGN_LETTER_GATE_NATS;
  const neighbours = Object.entries(neighbourLetterRates[script])
    .map(([code, rates]) => ({ code, fit: letterLogLikelihood(letters, script, rates) }))
    .filter(({ fit }) => winsOnLetters(fit));
  const unknownFit = observedLetterLogLikelihood(letters, true);
  // Letters first: franc's unrestricted ranking costs more than everything else, so it is asked only when needed.
  if (neighbours.length === 0 && !winsOnLetters(unknownFit)) return 0;
  const ranked = franc.rank();
  const favourite = ranked[0]?.[0];
  if (favourite === undefined || favourite === 'und' || francCodeToLanguage[favourite]) return 0;

  const francFit = francLogLikelihoods(sample, ranked);
  const foreignScores = neighbours.map(
    ({ code, fit }) => (francFit.get(code) ?? -Infinity) + fit - NEIGHBOUR_PRIOR_NATS,
  );
  if (!neighbourLetterRates[script][favourite] && winsOnLetters(unknownFit)) {
    foreignScores.push(unknownFit - UNKNOWN_FOREIGN_PRIOR_NATS);
  }
  const ours = Math.max(
    ...candidates.map((lang) => francFitOf(francFit, lang) + letterFit.get(lang)! + prior(lang)),
  );
  return Math.max(...foreignScores) - ours;
}

function francCodesOf(lang: Language): string[] {
  return Object.keys(francCodeToLanguage).filter((code) => francCodeToLanguage[code] === lang);
}

function undetermined(script: Script, confidence: number): LanguageResult {
  return { lang: 'und', script, confidence };
}

/** The probability share of `value` among `values` read as log-likelihoods. */
function softmaxShare(values: readonly number[], value: number): number {
  const top = Math.max(...values);
  const sum = values.reduce((acc, v) => acc + Math.exp(v - top), 0);
  return Math.exp(value - top) / sum;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
