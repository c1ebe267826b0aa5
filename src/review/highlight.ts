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

/** A glossary term found in the original, with its English (shown on hover, for the analyst writing English). */
export interface GlossarySpan {
  start: number;
  end: number;
  english: string;
}

/**
 * The original text with the relevance terms marked and the glossary's terms underlined with their English as a
 * tooltip. Where both cover the same words, the term's mark carries the English.
 */
export function highlightOriginal(
  text: string,
  terms: readonly string[],
  glossary: readonly GlossarySpan[],
): SafeHtml {
  type Span = { start: number; end: number; english?: string; term: boolean };
  const termSpans: Span[] = findTermSpans(text, terms)
    .filter(([start, end]) => end > start)
    .map(([start, end]) => ({ start, end, term: true }));
  const spans: Span[] = [...termSpans];
  for (const hit of glossary) {
    const overlapping = termSpans.find((span) => span.start < hit.end && hit.start < span.end);
    if (overlapping) overlapping.english ??= hit.english;
    else if (!spans.some((span) => span.start < hit.end && hit.start < span.end)) {
      spans.push({ start: hit.start, end: hit.end, english: hit.english, term: false });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    const title = span.english ? ` title="${escapeHtml(span.english)}"` : '';
    const open = span.term ? `<mark${title}>` : `<mark class="glossary"${title}>`;
    out += `${escapeHtml(text.slice(cursor, span.start))}${open}${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    cursor = span.end;
  }
  return new SafeHtml(out + escapeHtml(text.slice(cursor)));
}
