import {
  BEGINNING_LENGTH,
  type CompiledGroup,
  type CompiledLexicon,
  type CompiledTerm,
  type LexiconLanguage,
  normalizeForMatching,
} from './keywords.js';
import type {
  DetectedLanguage,
  Language,
  MatchedTerm,
  RelevanceResult,
  Script,
  TextForAnalysis,
} from './types.js';

/**
 * Scores how relevant a text is to the anti-drug bulletin with a weighted lexicon.
 *
 * score = Σ over matched terms of weight × count × (titleMultiplier in the title, else 1), where count is the
 * number of hits that counted: at most repeatCap per term and the group's maxCount per group.
 * A hit inside a look-alike (наркоз, героиня, закладка книги…) of the language read (or of `any`) never counts;
 * a hit of a group with `near` counts only when a term of one of those groups stands within `nearWindow` words in
 * the same field; where hits overlap, the heavier one stands. `matched` lists every counted term with its lexicon weight,
 * context words and penalties included, so that each decision can be read back from the lexicon.
 */

type Field = MatchedTerm['field'];

interface Hit {
  group: CompiledGroup;
  term: CompiledTerm;
  start: number;
  end: number;
  word: number;
  /** The languages of the look-alikes the hit lies in: it does not count for them (nor for all, with `any`). */
  maskedBy: readonly LexiconLanguage[];
}

function isActive(lang: LexiconLanguage, wanted: DetectedLanguage | undefined): boolean {
  return wanted === undefined || wanted === 'und' || lang === 'any' || lang === wanted;
}

interface WordIndex {
  /** Where each word starts, in reading order. */
  starts: number[];
  /** The first one, two… up to `BEGINNING_LENGTH` UTF-16 units of every word, and '' (see `CompiledTerm.beginning`). */
  beginnings: Set<string>;
}

/** One pass over the words: where they start, for context windows, and how, to rule most terms out cheaply. */
function indexWords(text: string): WordIndex {
  const starts: number[] = [];
  const beginnings = new Set(['']);
  for (const { 0: word, index } of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    starts.push(index);
    for (let length = 1; length <= BEGINNING_LENGTH; length++) beginnings.add(word.slice(0, length));
  }
  return { starts, beginnings };
}

function wordIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** A title or a body, normalised and indexed once however many languages' terms are looked for in it. */
interface PreparedField {
  field: Field;
  text: string;
  words: WordIndex;
  lookalikes: ReadonlyArray<{ start: number; end: number; lang: LexiconLanguage }>;
}

function spans(text: string, words: WordIndex, term: CompiledTerm): Array<[number, number]> {
  // Most terms are absent from any one text: no word begins like them, or, failing that, a substring test
  // spares running (and compiling) their regex.
  if (!words.beginnings.has(term.beginning) || !text.includes(term.literal)) return [];
  return Array.from(text.matchAll(term.pattern), (match) => [match.index, match.index + match[0].length]);
}

function overlaps(start: number, end: number, other: { start: number; end: number }): boolean {
  return start < other.end && other.start < end;
}

function prepareField(raw: string, field: Field, lexicon: CompiledLexicon): PreparedField {
  const text = normalizeForMatching(raw);
  const words = indexWords(text);
  const lookalikes = lexicon.lookalikes.flatMap((entry) =>
    entry.terms.flatMap((term) =>
      spans(text, words, term).map(([start, end]) => ({ start, end, lang: entry.lang })),
    ),
  );
  return { field, text, words, lookalikes };
}

function findHits(prepared: PreparedField, groups: readonly CompiledGroup[]): Hit[] {
  const hits: Hit[] = [];
  for (const group of groups) {
    for (const term of group.terms) {
      for (const [start, end] of spans(prepared.text, prepared.words, term)) {
        const maskedBy = prepared.lookalikes
          .filter((span) => overlaps(start, end, span))
          .map((span) => span.lang);
        hits.push({ group, term, start, end, word: wordIndexAt(prepared.words.starts, start), maskedBy });
      }
    }
  }
  return hits;
}

/** The hits that speak for `lang`: of its groups or `any`, and in none of its look-alikes. */
function hitsFor(hits: readonly Hit[], lang: DetectedLanguage | undefined): Hit[] {
  return hits.filter(
    (hit) => isActive(hit.group.lang, lang) && !hit.maskedBy.some((masking) => isActive(masking, lang)),
  );
}

function hasContext(hit: Hit, hits: readonly Hit[], window: number): boolean {
  return hits.some(
    (other) =>
      other !== hit &&
      hit.group.near.includes(other.group.id) &&
      !overlaps(hit.start, hit.end, other) &&
      Math.abs(other.word - hit.word) <= window,
  );
}

/** A stretch of text counts once: the heaviest (then longest) term claims it. */
function dropOverlaps(hits: readonly Hit[]): Hit[] {
  const ranked = [...hits].sort(
    (a, b) => b.group.weight - a.group.weight || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Hit[] = [];
  for (const hit of ranked) {
    if (!kept.some((other) => overlaps(hit.start, hit.end, other))) kept.push(hit);
  }
  return kept;
}

/** Keeps, in reading order, at most `repeatCap` hits of each term and `maxCount` hits of each group. */
function capRepeats(hits: readonly Hit[], lexicon: CompiledLexicon): Hit[] {
  const perGroup = new Map<CompiledGroup, number>();
  const perTerm = new Map<CompiledTerm, number>();
  return [...hits]
    .sort((a, b) => a.start - b.start)
    .filter((hit) => {
      const groupCount = (perGroup.get(hit.group) ?? 0) + 1;
      const termCount = (perTerm.get(hit.term) ?? 0) + 1;
      if (groupCount > hit.group.maxCount || termCount > (hit.group.repeatCap ?? lexicon.repeatCap))
        return false;
      perGroup.set(hit.group, groupCount);
      perTerm.set(hit.term, termCount);
      return true;
    });
}

function countField(
  field: Field,
  allHits: readonly Hit[],
  lexicon: CompiledLexicon,
  lang: DetectedLanguage | undefined,
): MatchedTerm[] {
  const hits = hitsFor(allHits, lang);
  const counted = capRepeats(
    dropOverlaps(
      hits.filter((hit) => hit.group.near.length === 0 || hasContext(hit, hits, lexicon.nearWindow)),
    ),
    lexicon,
  );
  const byTerm = new Map<string, MatchedTerm>();
  for (const hit of counted) {
    const key = `${hit.group.id}\u0000${hit.term.term}`;
    const entry = byTerm.get(key);
    if (entry) entry.count += 1;
    else
      byTerm.set(key, {
        term: hit.term.term,
        lang: hit.group.lang,
        weight: hit.group.weight,
        field,
        count: 1,
      });
  }
  return [...byTerm.values()];
}

export function termContribution(term: MatchedTerm, lexicon: CompiledLexicon): number {
  return term.weight * term.count * (term.field === 'title' ? lexicon.titleMultiplier : 1);
}

/** The hits of each field, in the order of `fields`. */
type FieldHits = ReadonlyArray<readonly Hit[]>;

function verdict(
  fields: readonly PreparedField[],
  hits: FieldHits,
  lexicon: CompiledLexicon,
  lang: DetectedLanguage | undefined,
): RelevanceResult {
  const matched = fields
    .flatMap((prepared, i) => countField(prepared.field, hits[i] ?? [], lexicon, lang))
    .sort((a, b) => termContribution(b, lexicon) - termContribution(a, lexicon));
  const score = matched.reduce((sum, term) => sum + termContribution(term, lexicon), 0);
  return { relevant: score >= lexicon.threshold, score, matched };
}

/**
 * Our languages written in each script. Detection errs between them on short or unusual texts (Kazakh in Latin or
 * Arabic letters, an Uzbek headline taken for English, Kyrgyz for Kazakh): see `scoreRelevance`.
 */
const languagesOfScript: Readonly<Record<Script, readonly Language[]>> = {
  Cyrl: ['rus', 'kaz', 'kir', 'tgk', 'uzb'],
  Latn: ['eng', 'uzb', 'tuk', 'aze', 'kaz'],
  Arab: ['kaz'],
  Zyyy: [],
};

/**
 * Scores a text with its language's groups and the `any` groups; with every group when the language is unknown.
 *
 * When the text is not relevant in its detected language and its script is given, the other languages written in
 * that script get their turn, each only where the text holds one of its own words that suffice alone (esirtki,
 * баңгизат, нашъаманд): such a word is evidence of the language as much as of the topic. The best relevant reading
 * wins; its matched terms carry their language, so the decision still reads back from the lexicon.
 */
export function scoreRelevance(
  input: TextForAnalysis & { lang?: DetectedLanguage; script?: Script },
  lexicon: CompiledLexicon,
): RelevanceResult {
  const fields = [
    prepareField(input.title ?? '', 'title', lexicon),
    prepareField(input.text, 'text', lexicon),
  ];
  const { lang, script } = input;
  const ownGroups = lexicon.groups.filter((group) => isActive(group.lang, lang));
  const ownHits = fields.map((prepared) => findHits(prepared, ownGroups));
  const own = verdict(fields, ownHits, lexicon, lang);
  if (own.relevant || lang === undefined || lang === 'und' || script === undefined) return own;

  let best = own;
  for (const other of languagesOfScript[script]) {
    if (other === lang || !hasOwnStrongWord(fields, lexicon, other)) continue;
    const otherGroups = lexicon.groups.filter((group) => group.lang === other);
    const hits = fields.map((prepared, i) => [...(ownHits[i] ?? []), ...findHits(prepared, otherGroups)]);
    const reading = verdict(fields, hits, lexicon, other);
    if (reading.relevant && (!best.relevant || reading.score > best.score)) best = reading;
  }
  return best;
}

/** Whether a term of `lang`'s own that suffices alone (weight at the threshold, no context needed) is in the text. */
function hasOwnStrongWord(
  fields: readonly PreparedField[],
  lexicon: CompiledLexicon,
  lang: Language,
): boolean {
  const strong = lexicon.groups.filter(
    (group) => group.lang === lang && group.near.length === 0 && group.weight >= lexicon.threshold,
  );
  return fields.some((prepared) => hitsFor(findHits(prepared, strong), lang).length > 0);
}
