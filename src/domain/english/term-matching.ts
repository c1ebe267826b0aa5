import { isApostrophe, unifyApostrophes } from '../text/apostrophes.js';
import { INVISIBLE_CLASS_BODY } from '../text/letters.js';
/**
 * Finding glossary terms in a text while keeping the offsets of the original text (for highlighting).
 *
 * Term syntax (the same as config/keywords.yaml, plus acronyms):
 * - words are matched whole, case-insensitively, with ё/е, Uzbek apostrophes (ʻ ʼ ' ‘ ’) and Turkic dotted/dotless
 *   i (İ ı i) folded together;
 * - a trailing `*` makes a word a stem: `изъят*` matches изъято, изъятие…;
 * - several words form a phrase: `ele salyn*`; between them the text may have spaces, line breaks or a hyphen
 *   (words joined by a hyphen are two words: `жедел-профилактикалық` = `жедел профилактикалық`);
 * - a term of two or more letters none of which is lower case is an acronym (`МВД`, `ІІМ`, `DİN`, `ГУ МВД`): it
 *   is matched with its case, and its last word may carry a lower-case case ending (`ИИМдин`, `СБНОНдун`).
 *
 * Matching works on words: the text is split into words once, and each word is looked up in an index of the
 * terms' first words (exact words in a map, stems by their first two letters), so a text is scanned once
 * whatever the size of the glossary.
 */

export interface FoldedText {
  /** The text lower-cased and folded character by character (see `foldCharacter`). */
  folded: string;
  /** For each UTF-16 unit of `folded`, the offset in the original text of the unit it came from… */
  starts: readonly number[];
  /** …and the offset just after it. */
  ends: readonly number[];
}

/** The combining dot lower-casing `İ` leaves, and the invisible characters. */
const DROPPED = new RegExp(`^[\\u0307${INVISIBLE_CLASS_BODY}]$`, 'u');

/** One original character's folded form ('' when it is dropped). */
function foldCharacter(char: string): string {
  if (isApostrophe(char)) return "'";
  if (DROPPED.test(char)) return '';
  if (char === 'İ' || char === 'ı' || char === 'I') return 'i';
  const lower = char.toLowerCase();
  return lower === 'ё' ? 'е' : lower;
}

/** Folds a text for case-insensitive matching and remembers where each folded unit came from. */
export function foldWithOffsets(text: string): FoldedText {
  // Offsets refer to the text as given; harvested text is NFC already (extraction normalises it).
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldCharacter(char);
    for (let i = 0; i < piece.length; i++) {
      starts.push(offset);
      ends.push(offset + char.length);
    }
    folded += piece;
    offset += char.length;
  }
  return { folded, starts, ends };
}

/** The folded form of a term (or of any short string). */
export function foldTerm(term: string): string {
  return foldWithOffsets(term.normalize('NFC')).folded;
}

/** An acronym: at least two letters, none of them lower case (`МВД`, `ДКНБ`, `DİN`, `ГУ МВД`). */
export function isAcronym(term: string): boolean {
  const letters = [...term].filter((char) => /\p{L}/u.test(char));
  return letters.length >= 2 && !letters.some((char) => /\p{Ll}/u.test(char)) && !term.includes('*');
}

// A word: letters, marks and digits, with apostrophes inside it (Uzbek o'zbek), not around it ('drugs').
const WORD = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const SEPARATOR = /^\s*-?\s*$/u;
const LOWER_ENDING = /^\p{Ll}+$/u;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

interface CompiledTerm {
  words: readonly string[];
  stems: readonly boolean[];
  acronym: boolean;
  ref: number;
}

function compileTerm(term: string, ref: number): CompiledTerm | undefined {
  const trimmed = term.trim().normalize('NFC');
  const acronym = isAcronym(trimmed);
  const source = acronym ? trimmed : foldTerm(trimmed);
  const words: string[] = [];
  const stems: boolean[] = [];
  for (const part of source.split(/[\s-]+/)) {
    const stem = part.endsWith('*');
    const word = stem ? part.slice(0, -1) : part;
    // Punctuation around a word of a term is ignored, as it is in the text.
    const cleaned = wordsOf(unifyApostrophes(word))
      .map((w) => w.text)
      .join('');
    if (cleaned === '') continue;
    words.push(cleaned);
    stems.push(stem);
  }
  return words.length > 0 ? { words, stems, acronym, ref } : undefined;
}

export interface TermMatch {
  start: number;
  end: number;
  ref: number;
}

const STEM_KEY = 2;

/** Terms indexed by their first word; `ref` says which entry a term belongs to. */
export class TermIndex {
  private readonly exact = new Map<string, CompiledTerm[]>();
  private readonly stems = new Map<string, CompiledTerm[]>();
  private readonly acronyms = new Map<string, CompiledTerm[]>();
  private size = 0;

  add(term: string, ref: number): void {
    const compiled = compileTerm(term, ref);
    if (!compiled) return;
    this.size += 1;
    const first = compiled.words[0]!;
    if (compiled.acronym) push(this.acronyms, [...first].slice(0, 2).join(''), compiled);
    else if (compiled.stems[0]) push(this.stems, first.slice(0, STEM_KEY), compiled);
    else push(this.exact, first, compiled);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Every match of every term (overlapping ones included), as spans of the original text. */
  find(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    const folded = foldWithOffsets(text);
    const words = wordsOf(folded.folded);
    words.forEach((word, index) => {
      const candidates = [
        ...(this.exact.get(word.text) ?? []),
        ...(this.stems.get(word.text.slice(0, STEM_KEY)) ?? []),
      ];
      for (const term of candidates) {
        const last = matchFrom(term, words, index, folded.folded);
        if (last !== undefined) {
          matches.push({
            start: folded.starts[word.start]!,
            end: folded.ends[words[last]!.end - 1]!,
            ref: term.ref,
          });
        }
      }
    });
    if (this.acronyms.size > 0) {
      const raw = wordsOf(text);
      raw.forEach((word, index) => {
        for (const term of this.acronyms.get([...word.text].slice(0, 2).join('')) ?? []) {
          const last = matchFrom(term, raw, index, text);
          if (last !== undefined) matches.push({ start: word.start, end: raw[last]!.end, ref: term.ref });
        }
      });
    }
    return matches;
  }
}

function push(map: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

function wordMatches(term: CompiledTerm, position: number, word: string, isLast: boolean): boolean {
  const expected = term.words[position]!;
  if (term.stems[position]) return word.startsWith(expected);
  if (word === expected) return true;
  // An acronym's last word may carry a lower-case case ending: ИИМдин, СБНОНдун.
  return (
    term.acronym && isLast && word.startsWith(expected) && LOWER_ENDING.test(word.slice(expected.length))
  );
}

/** The index of the text's last word of the term when it matches from `first`, else undefined. */
function matchFrom(
  term: CompiledTerm,
  words: readonly Word[],
  first: number,
  text: string,
): number | undefined {
  const count = term.words.length;
  if (first + count > words.length) return undefined;
  for (let k = 0; k < count; k++) {
    const word = words[first + k]!;
    if (!wordMatches(term, k, word.text, k === count - 1)) return undefined;
    if (k > 0 && !SEPARATOR.test(text.slice(words[first + k - 1]!.end, word.start))) return undefined;
  }
  return first + count - 1;
}
