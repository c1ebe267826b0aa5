/**
 * Finding glossary terms in a text while keeping the offsets of the original text (for highlighting).
 *
 * Term syntax (the same as config/keywords.yaml, plus acronyms):
 * - words are matched whole, case-insensitively, with ё/е, Uzbek apostrophes (ʻ ʼ ' ‘ ’) and Turkic dotted/dotless
 *   i (İ ı i) folded together;
 * - a trailing `*` makes a word a stem: `изъят*` matches изъято, изъятие…;
 * - several words form a phrase (any whitespace between them): `ele salyn*`;
 * - a term of two or more letters none of which is lower case is an acronym (`МВД`, `ІІМ`, `DİN`): it is matched
 *   case-sensitively, and may be followed by a lower-case case ending (`ИИМдин`, `DİN-in` and `ІІМ-нің` too);
 * - every other character is literal.
 */

export interface FoldedText {
  /** The text lower-cased and folded character by character (see `foldCharacter`). */
  folded: string;
  /** For each UTF-16 unit of `folded`, the offset in the original text of the unit it came from… */
  starts: readonly number[];
  /** …and the offset just after it. */
  ends: readonly number[];
}

const APOSTROPHES = new Set(['ʻ', 'ʼ', 'ʹ', "'", '‘', '’', '`', '´', '′']);
const DROPPED = new Set(['\u0307', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

/** One original character's folded form ('' when it is dropped). */
function foldCharacter(char: string): string {
  if (APOSTROPHES.has(char)) return "'";
  if (DROPPED.has(char)) return '';
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

const LETTER = '[\\p{L}\\p{M}\\p{N}]';
// An apostrophe belongs to a word only between letters (Uzbek o'zbek), not when it quotes one ('drugs').
const WORD_START = `(?<!${LETTER}|${LETTER}')`;
const WORD_END = `(?!${LETTER}|'${LETTER})`;
const STEM_TAIL = `(?:${LETTER}|'(?=${LETTER}))*`;
// After an acronym: a non-letter, or lower-case letters of a case ending, attached or after a hyphen.
const ACRONYM_END = `(?![\\p{Lu}\\p{N}])(?:-?\\p{Ll}+)?${WORD_END}`;

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An acronym: at least two letters, none of them lower case (`МВД`, `ДКНБ`, `DİN`, `IIV`). */
export function isAcronym(term: string): boolean {
  const letters = [...term].filter((char) => /\p{L}/u.test(char));
  return letters.length >= 2 && !letters.some((char) => /\p{Ll}/u.test(char)) && !term.includes('*');
}

function wordPattern(word: string): string {
  return word.endsWith('*') ? escapeRegExp(word.slice(0, -1)) + STEM_TAIL : escapeRegExp(word);
}

/**
 * The regular-expression source of one term: for acronyms over the original text, for the rest over the folded
 * text. Both are compiled with the `u` flag.
 */
export function termPattern(term: string): { source: string; onOriginal: boolean } {
  const trimmed = term.trim();
  if (isAcronym(trimmed)) {
    return {
      source: `${WORD_START}${escapeRegExp(trimmed.normalize('NFC'))}${ACRONYM_END}`,
      onOriginal: true,
    };
  }
  const words = foldTerm(trimmed).split(/\s+/).filter(Boolean);
  return { source: `${WORD_START}${words.map(wordPattern).join('\\s+')}${WORD_END}`, onOriginal: false };
}

/** A set of terms compiled into two alternations (folded terms, acronyms), longest terms first. */
export interface TermMatcher {
  folded?: RegExp;
  original?: RegExp;
}

export function compileTerms(terms: readonly string[]): TermMatcher {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const folded: string[] = [];
  const original: string[] = [];
  for (const term of sorted) {
    const { source, onOriginal } = termPattern(term);
    (onOriginal ? original : folded).push(source);
  }
  return {
    ...(folded.length > 0 ? { folded: new RegExp(folded.map((s) => `(?:${s})`).join('|'), 'gu') } : {}),
    ...(original.length > 0 ? { original: new RegExp(original.map((s) => `(?:${s})`).join('|'), 'gu') } : {}),
  };
}

export interface Span {
  start: number;
  end: number;
}

/** Every non-overlapping match of the matcher in the text, as spans of the original text. */
export function findSpans(matcher: TermMatcher, text: string, folded: FoldedText): Span[] {
  const spans: Span[] = [];
  if (matcher.folded) {
    for (const match of folded.folded.matchAll(matcher.folded)) {
      if (match[0].length === 0) continue;
      const first = match.index;
      const last = first + match[0].length - 1;
      spans.push({ start: folded.starts[first]!, end: folded.ends[last]! });
    }
  }
  if (matcher.original) {
    for (const match of text.matchAll(matcher.original)) {
      if (match[0].length > 0) spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
