import { foldText } from './fold.js';
import type { Token } from './tokens.js';

/**
 * Glossary terms matched against tokens. Term syntax:
 * - words are folded like the text and matched whole; a trailing `*` makes a word a stem (`героин*`);
 * - several words (separated by spaces or hyphens) must follow one another, hyphens between them allowed
 *   (`маков* солом*`, `альфа-pvp`);
 * - `#` stands for any number (`за # месяц*`);
 * - a term in «guillemets» matches only between quotation marks (`«соль»`).
 * Where several terms start at one token, the longest match wins.
 */

type WordPattern = { kind: 'exact'; text: string } | { kind: 'stem'; text: string } | { kind: 'number' };

interface CompiledTerm<V> {
  term: string;
  words: WordPattern[];
  quoted: boolean;
  value: V;
}

export interface TermMatch<V> {
  term: string;
  value: V;
  /** Token index of the first word and one past the last. */
  start: number;
  end: number;
}

const OPENING_QUOTES = new Set(['«', '"', '„', '“', "'", '‘']);
const CLOSING_QUOTES = new Set(['»', '"', '“', '”', "'", '’']);
const JOINERS = new Set(['-', '‐', '–']);

function compileWord(word: string): WordPattern {
  if (word === '#') return { kind: 'number' };
  return word.endsWith('*') && word.length > 1
    ? { kind: 'stem', text: foldText(word.slice(0, -1)) }
    : { kind: 'exact', text: foldText(word) };
}

/** Terms split into words; `undefined` for a term that has no word left (only quotes or hyphens). */
function compileTerm<V>(term: string, value: V): CompiledTerm<V> | undefined {
  const trimmed = term.trim();
  const quoted = trimmed.startsWith('«') && trimmed.endsWith('»');
  const inner = quoted ? trimmed.slice(1, -1) : trimmed;
  const words = inner
    .split(/[\s\-‐–]+/u)
    .filter((word) => word !== '')
    .map(compileWord);
  return words.length > 0 ? { term: trimmed, words, quoted, value } : undefined;
}

/** The bucket of a word pattern: its first two folded characters (the whole of a one-letter word), `#` for numbers. */
const keyOfPattern = (pattern: WordPattern): string =>
  pattern.kind === 'number' ? '#' : pattern.text.slice(0, 2);

function wordMatches(pattern: WordPattern, token: Token | undefined): boolean {
  if (!token) return false;
  if (pattern.kind === 'number') return token.kind === 'number';
  if (token.kind !== 'word') return false;
  return pattern.kind === 'exact' ? token.folded === pattern.text : token.folded.startsWith(pattern.text);
}

/** The index after the term's words starting at `start`, or -1. */
function matchWords(words: readonly WordPattern[], tokens: readonly Token[], start: number): number {
  let index = start;
  for (let w = 0; w < words.length; w++) {
    if (w > 0 && JOINERS.has(tokens[index]?.raw ?? '') && tokens[index + 1]) index++;
    if (!wordMatches(words[w]!, tokens[index])) return -1;
    index++;
  }
  return index;
}

function isQuoted(tokens: readonly Token[], start: number, end: number): boolean {
  return OPENING_QUOTES.has(tokens[start - 1]?.raw ?? '') && CLOSING_QUOTES.has(tokens[end]?.raw ?? '');
}

export class TermSet<V> {
  private readonly buckets = new Map<string, CompiledTerm<V>[]>();
  readonly size: number;

  constructor(entries: Iterable<readonly [term: string, value: V]>) {
    let size = 0;
    for (const [term, value] of entries) {
      const compiled = compileTerm(term, value);
      if (!compiled) continue;
      size++;
      const key = keyOfPattern(compiled.words[0]!);
      const bucket = this.buckets.get(key) ?? [];
      bucket.push(compiled);
      this.buckets.set(key, bucket);
    }
    this.size = size;
  }

  /** The longest term starting at token `index`. */
  matchAt(tokens: readonly Token[], index: number): TermMatch<V> | undefined {
    return this.lookUp(tokens, index);
  }

  private lookUp(tokens: readonly Token[], index: number): TermMatch<V> | undefined {
    const token = tokens[index];
    if (!token || token.kind === 'punct') return undefined;
    // A one-letter pattern can only match a one-letter token, whose key is that letter: one bucket is enough.
    const bucket = this.buckets.get(token.key);
    let best: TermMatch<V> | undefined;
    for (const term of bucket ?? []) {
      const end = matchWords(term.words, tokens, index);
      if (end < 0 || (term.quoted && !isQuoted(tokens, index, end))) continue;
      if (!best || end > best.end) best = { term: term.term, value: term.value, start: index, end };
    }
    return best;
  }

  /** Non-overlapping matches from left to right within [from, to). */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): TermMatch<V>[] {
    const found: TermMatch<V>[] = [];
    for (let i = from; i < to; i++) {
      const match = this.matchAt(tokens, i);
      if (match && match.end <= to) {
        found.push(match);
        i = match.end - 1;
      }
    }
    return found;
  }

  /** Whether some term starts at token `index`. */
  has(tokens: readonly Token[], index: number): boolean {
    return this.matchAt(tokens, index) !== undefined;
  }
}
