import type { Language } from '../types.js';
import type { EnglishGlossary, EntryKind } from './glossary.js';
import { findGlossaryHits } from './glossary-hits.js';

/**
 * Applying the glossary around a machine translator (pure). Agency names and (once the drug glossary is added with
 * `extendGlossary`) drug names must come out as the release writes them, whatever the engine makes of them:
 *
 * 1. `protectTerms` replaces each such term of the original with a marker `⟦G1⟧`, `⟦G2⟧`… (a token engines copy
 *    through, as they do numbers and brackets) and remembers its English;
 * 2. `restoreTerms` puts the English term where the marker came out, tolerating the spacing and bracket changes an
 *    engine makes (`[[ G 1 ]]`), and reports markers that were lost;
 * 3. for a text whose markers were lost, `inlineEnglishTerms` gives the fallback: the original with the English
 *    terms written in place, to be translated once more (engines keep Latin names in a Cyrillic sentence).
 */

export const PROTECTED_KINDS: readonly EntryKind[] = ['agency', 'drug'];

export interface ProtectedText {
  text: string;
  terms: ReadonlyArray<{ marker: string; english: string }>;
}

export function protectTerms(
  text: string,
  lang: Language,
  glossary: EnglishGlossary,
  kinds: readonly EntryKind[] = PROTECTED_KINDS,
): ProtectedText {
  const hits = findGlossaryHits(text, lang, glossary, { kinds });
  const terms: Array<{ marker: string; english: string }> = [];
  let out = '';
  let cursor = 0;
  for (const hit of hits) {
    const marker = `⟦G${terms.length + 1}⟧`;
    const english = hit.entry.agency?.short ?? hit.english;
    terms.push({ marker, english });
    out += text.slice(cursor, hit.start) + marker;
    cursor = hit.end;
  }
  return { text: out + text.slice(cursor), terms };
}

const MARKER = /[⟦[]{1,2}\s*G\s*(\d+)\s*[⟧\]]{1,2}/gu;

export function restoreTerms(
  translated: string,
  protectedText: ProtectedText,
): { text: string; lost: number } {
  const found = new Set<number>();
  const text = translated.replace(MARKER, (whole, digits: string) => {
    const index = Number(digits) - 1;
    const term = protectedText.terms[index];
    if (!term) return whole;
    found.add(index);
    return term.english;
  });
  return { text, lost: protectedText.terms.length - found.size };
}

export function inlineEnglishTerms(
  text: string,
  lang: Language,
  glossary: EnglishGlossary,
  kinds: readonly EntryKind[] = PROTECTED_KINDS,
): string {
  const hits = findGlossaryHits(text, lang, glossary, { kinds });
  let out = '';
  let cursor = 0;
  for (const hit of hits) {
    out += text.slice(cursor, hit.start) + (hit.entry.agency?.short ?? hit.english);
    cursor = hit.end;
  }
  return out + text.slice(cursor);
}
