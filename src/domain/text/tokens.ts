import { APOSTROPHE_CLASS_BODY } from './apostrophes.js';
import { foldText } from './fold.js';

/**
 * Text as tokens, for reading facts word by word: words (letters, with apostrophes inside them: `oʻzbek`,
 * `Farg’ona`), numbers (digits with inner dots or commas: `1,5`, `228.1`, `234.4.3`) and single punctuation marks.
 * Every token keeps its place in the text and its folded form (`foldText`).
 */
export interface Token {
  kind: 'word' | 'number' | 'punct';
  raw: string;
  folded: string;
  start: number;
  end: number;
  /** The characters between the previous token and this one. */
  gap: string;
  /** Where glossary terms that may start here are filed: the first two folded letters, `#` for a number. */
  key: string;
}

/** Folded forms of the words seen lately: most words recur from text to text. Emptied when full. */
const foldMemo = new Map<string, string>();
const FOLD_MEMO_SIZE = 50_000;

function foldWord(word: string): string {
  let folded = foldMemo.get(word);
  if (folded === undefined) {
    if (foldMemo.size >= FOLD_MEMO_SIZE) foldMemo.clear();
    folded = foldText(word);
    foldMemo.set(word, folded);
  }
  return folded;
}

const TOKEN = new RegExp(
  `(\\d+(?:[.,]\\d+)*)|([\\p{L}\\p{M}]+(?:[${APOSTROPHE_CLASS_BODY}][\\p{L}\\p{M}]+)*)|(\\S)`,
  'gu',
);

export function tokenize(text: string): Token[] {
  const normalized = text.normalize('NFC');
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of normalized.matchAll(TOKEN)) {
    const [raw, number, word] = match;
    const start = match.index;
    const folded = word ? foldWord(raw) : raw;
    tokens.push({
      kind: number ? 'number' : word ? 'word' : 'punct',
      raw,
      folded,
      start,
      end: start + raw.length,
      gap: normalized.slice(previousEnd, start),
      key: number ? '#' : word ? folded.slice(0, 2) : '',
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}

/** Marks after which `.` does not end a sentence: `ст. 228`, `г. Алматы`, `ч. 3`, `St. Petersburg`. */
const ABBREVIATIONS = new Set([
  'г',
  'гг',
  'ст',
  'ч',
  'п',
  'ул',
  'обл',
  'им',
  'тыс',
  'млн',
  'руб',
  'т',
  'д',
  'пр',
  'св',
  'art',
  'st',
  'no',
  'mr',
  'dr',
  'mln',
]);
const SENTENCE_END = /^[.!?…]$/;

function endsSentence(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  if (next?.gap.includes('\n')) return true;
  if (!SENTENCE_END.test(token.raw)) return false;
  if (!next) return true;
  if (token.raw === '.' && ABBREVIATIONS.has(tokens[index - 1]?.folded ?? '')) return false;
  // A sentence starts with a capital, a digit or an opening quote; `1.5 кг.` and `т.е.` do not end one.
  return /^[\p{Lu}\d«"„“(]/u.test(next.raw) && next.gap !== '';
}

/** Sentences as [start, end) ranges of token indices; a line break always ends one. */
export function splitSentences(tokens: readonly Token[]): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (endsSentence(tokens, i)) {
      sentences.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < tokens.length) sentences.push([start, tokens.length]);
  return sentences;
}
