import { escapeHtml, SafeHtml } from './html.js';

const letter = '[\\p{L}\\p{M}\\p{N}]';

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A lexicon term (`наркотик*`, `уголовн* дел*`) as a pattern over the original text. */
function termPattern(term: string): string {
  const words = term
    .trim()
    .split(/\s+/)
    .map((word) =>
      word.endsWith('*')
        ? `${escapeRegExp(word.slice(0, -1))}${letter}*`
        : `${escapeRegExp(word)}(?!${letter})`,
    );
  return `(?<!${letter})${words.join('\\s+')}`;
}

/** Non-overlapping [start, end) spans of the terms in the text, in order. */
export function findTermSpans(text: string, terms: readonly string[]): Array<[number, number]> {
  const usable = [
    ...new Set(terms.map((term) => term.trim()).filter((term) => term.replace(/\*/g, '') !== '')),
  ];
  if (usable.length === 0) return [];
  // Longer terms first so that a phrase wins over its first word.
  usable.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(usable.map(termPattern).join('|'), 'giu');
  return Array.from(text.matchAll(pattern), (match) => [match.index, match.index + match[0].length]);
}

/**
 * Escaped text with the matched terms wrapped in <mark>: the text is cut at the spans found in the raw
 * text and every piece is escaped, so a match can never split an entity or produce markup.
 */
export function highlightTerms(text: string, terms: readonly string[]): SafeHtml {
  let out = '';
  let cursor = 0;
  for (const [start, end] of findTermSpans(text, terms)) {
    if (end === start) continue;
    out += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  return new SafeHtml(out + escapeHtml(text.slice(cursor)));
}
