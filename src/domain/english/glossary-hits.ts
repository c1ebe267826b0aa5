import type { Language } from '../types.js';
import type { EnglishGlossary, EntryKind, GlossaryEntry } from './glossary.js';

/**
 * Glossary hits: where the glossary's terms stand in an original text, with their English, for highlighting
 * (`findGlossaryHits(text, lang, glossary)`) and as the evidence of the event type.
 *
 * Hits never overlap: where two terms cover the same words, the longer one wins (`профилактическая беседа` over
 * `беседа`); at equal length an agency beats an event word. Offsets are UTF-16 offsets into `text` as given,
 * `text.slice(hit.start, hit.end) === hit.text`.
 */

export interface GlossaryHit {
  start: number;
  end: number;
  /** The words as written in the text. */
  text: string;
  english: string;
  kind: EntryKind;
  entry: GlossaryEntry;
}

export interface GlossaryHitOptions {
  /** Only entries of these kinds (default: all). */
  kinds?: readonly EntryKind[];
}

const KIND_PRIORITY: Readonly<Record<string, number>> = {
  agency: 0,
  drug: 1,
  person: 2,
  audience: 3,
  event: 4,
};

function priority(kind: EntryKind): number {
  return KIND_PRIORITY[kind] ?? 5;
}

export function findGlossaryHits(
  text: string,
  lang: Language,
  glossary: EnglishGlossary,
  options: GlossaryHitOptions = {},
): GlossaryHit[] {
  return collectHits(text, lang, glossary, options, false);
}

/**
 * As `findGlossaryHits`, but where two entries match exactly the same words both are kept: an ambiguous word is
 * evidence for both readings (Kyrgyz `кармалды`: drugs seized, or a person detained).
 */
export function findEvidenceHits(text: string, lang: Language, glossary: EnglishGlossary): GlossaryHit[] {
  return collectHits(text, lang, glossary, {}, true);
}

function collectHits(
  text: string,
  lang: Language,
  glossary: EnglishGlossary,
  options: GlossaryHitOptions,
  keepTies: boolean,
): GlossaryHit[] {
  const index = glossary.indexes.get(lang);
  if (text === '' || !index) return [];
  const candidates: GlossaryHit[] = [];
  for (const match of index.find(text)) {
    const entry = glossary.entries[match.ref]!;
    // Topics only say what a report is about: asked for by name, they never hide an event word or an agency.
    if (options.kinds ? !options.kinds.includes(entry.kind) : entry.kind === 'topic') continue;
    candidates.push({
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      english: entry.english,
      kind: entry.kind,
      entry,
    });
  }
  candidates.sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || priority(a.kind) - priority(b.kind),
  );
  return keepLongestFirst(candidates, keepTies);
}

/** Greedy choice of non-overlapping hits: the longest first, then the earliest. */
function keepLongestFirst(sortedByStart: readonly GlossaryHit[], keepTies: boolean): GlossaryHit[] {
  const byLength = [...sortedByStart].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || priority(a.kind) - priority(b.kind),
  );
  const kept: GlossaryHit[] = [];
  for (const hit of byLength) {
    const overlapping = kept.filter((other) => hit.start < other.end && other.start < hit.end);
    const tie = (other: GlossaryHit) =>
      other.start === hit.start && other.end === hit.end && other.entry.id !== hit.entry.id;
    if (overlapping.length === 0 || (keepTies && overlapping.every(tie))) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
