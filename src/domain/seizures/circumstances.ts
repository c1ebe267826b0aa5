import type { GlossaryTerms } from '../drug-glossary.js';
import type { TermSet } from '../text/term-set.js';
import type { Token } from '../text/tokens.js';

/**
 * What a report states around its seizures: how many people were detained, the operation's name, the article of
 * the criminal code, and the place. All read from tokens with the glossary's words; each is left out when the text
 * does not state it.
 */

export interface Segment {
  text: string;
  tokens: readonly Token[];
  sentences: ReadonlyArray<readonly [number, number]>;
}

const PERSON_REACH = 3;

/** A word with a capital first letter and lower-case letters after it: in an ALL-CAPS headline no word is a name. */
const isCapitalised = (token: Token | undefined) =>
  token?.kind === 'word' &&
  /^\p{Lu}/u.test(token.raw) &&
  (token.raw.length === 1 || /\p{Ll}/u.test(token.raw));

function wordValue(tokens: readonly Token[], terms: GlossaryTerms, index: number): number | undefined {
  const token = tokens[index]!;
  if (token.kind === 'number') return /^\d+$/.test(token.raw) ? Number(token.raw) : undefined;
  return terms.numberWords.matchAt(tokens, index)?.value;
}

/** `3 человека`, `четыре участника`, `iki nəfər`, `2 адам`, `Two crew members`; not `34-летнего`, `3 кг`. */
function personCountAt(tokens: readonly Token[], terms: GlossaryTerms, index: number): number | undefined {
  const value = wordValue(tokens, terms, index);
  if (value === undefined || !Number.isInteger(value) || value < 1) return undefined;
  let next = index + 1;
  if (tokens[next]?.raw === '-') next++;
  if (terms.ages.has(tokens, next) || terms.massUnits.has(tokens, next)) return undefined;
  for (let i = next; i <= index + PERSON_REACH && tokens[i]?.kind === 'word'; i++) {
    if (terms.persons.has(tokens, i)) return value;
  }
  return undefined;
}

function personCounts(tokens: readonly Token[], terms: GlossaryTerms, start: number, end: number): number[] {
  const counts: number[] = [];
  for (let i = start; i < end; i++) {
    const count = personCountAt(tokens, terms, i);
    if (count !== undefined) counts.push(count);
  }
  return counts;
}

/** A number word right next to a detention word: `Задержаны двое`, `Ҳарду боздошт шуданд`. */
function countBesideDetention(
  tokens: readonly Token[],
  terms: GlossaryTerms,
  at: number,
): number | undefined {
  for (const index of [at - 1, at + 1]) {
    const token = tokens[index];
    if (token?.kind !== 'word') continue;
    const value = terms.numberWords.matchAt(tokens, index)?.value;
    if (value !== undefined && Number.isInteger(value) && value >= 2) return value;
  }
  return undefined;
}

function detainedIn(segment: Segment, terms: GlossaryTerms): number | undefined {
  const { tokens } = segment;
  let found = false;
  let plural = false;
  const counts: number[] = [];
  for (const [start, end] of segment.sentences) {
    const detentions = terms.detention.findAll(tokens, start, end);
    // "21 couriers have been detained since the beginning of the year": a period's total, not this event's.
    if (detentions.length === 0 || terms.statistics.findAll(tokens, start, end).length > 0) continue;
    found = true;
    counts.push(...personCounts(tokens, terms, start, end));
    for (const word of detentions) {
      const beside = countBesideDetention(tokens, terms, word.start);
      if (beside !== undefined) counts.push(beside);
    }
    if (terms.pluralPronouns.findAll(tokens, start, end).length > 0) plural = true;
  }
  if (!found) return undefined;
  if (counts.length > 0) return Math.max(...counts);
  // "Olar tussag edildi": the people were counted in an earlier sentence ("iki raýatdan …").
  if (plural) {
    const anywhere = personCounts(tokens, terms, 0, tokens.length);
    return anywhere.length > 0 ? Math.max(...anywhere) : undefined;
  }
  return 1;
}

/** People detained, from the body, else from the title. */
export function readDetained(segments: readonly Segment[], terms: GlossaryTerms): number | undefined {
  for (const segment of segments) {
    const detained = detainedIn(segment, terms);
    if (detained !== undefined) return detained;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Operation

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '«': '»', '“': '”', '„': '“', '"': '"' };
const OPERATION_REACH = 4;

/** Quoted spans of a sentence as [opening, closing] token indices. */
function quotedSpans(tokens: readonly Token[], start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = start; i < end; i++) {
    const closing = QUOTE_PAIRS[tokens[i]!.raw];
    if (!closing) continue;
    for (let j = i + 1; j < end && j <= i + 8; j++) {
      if (tokens[j]!.raw === closing || (closing === '“' && tokens[j]!.raw === '”')) {
        if (j > i + 1) spans.push([i, j]);
        i = j;
        break;
      }
    }
  }
  return spans;
}

const textBetween = (segment: Segment, first: number, last: number) =>
  segment.text.slice(segment.tokens[first]!.start, segment.tokens[last]!.end).trim();

/** English `Operation Kanal-2025`: the capitalised name right after the word, with its hyphenated parts. */
function nameAfter(segment: Segment, at: number): string | undefined {
  const { tokens } = segment;
  if (!isCapitalised(tokens[at])) return undefined;
  let last = at;
  while (
    tokens[last + 1] &&
    tokens[last + 1]!.gap === '' &&
    tokens[last + 1]!.raw !== '.' &&
    /^[-\p{L}\d]/u.test(tokens[last + 1]!.raw)
  ) {
    last++;
  }
  return textBetween(segment, at, last);
}

function operationIn(segment: Segment, terms: GlossaryTerms): string | undefined {
  const { tokens } = segment;
  for (const [start, end] of segment.sentences) {
    const spans = quotedSpans(tokens, start, end);
    for (const word of terms.operation.findAll(tokens, start, end)) {
      const near = spans.find(
        ([open, close]) =>
          (close < word.start && word.start - close <= OPERATION_REACH - 1) ||
          (open >= word.end && open - word.end <= OPERATION_REACH - 1),
      );
      if (near) return textBetween(segment, near[0] + 1, near[1] - 1);
      const named = nameAfter(segment, word.end);
      if (named && terms.lang === 'eng') return named;
    }
  }
  return undefined;
}

export function readOperation(segments: readonly Segment[], terms: GlossaryTerms): string | undefined {
  for (const segment of segments) {
    const operation = operationIn(segment, terms);
    if (operation) return operation;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Article of the criminal code

/** A cited article: `ст. 228.1`, `моддаи 200`, `234.4.3-cü maddəsi`, `297-бабы`, `292-nji maddasy`. */
function articleAt(tokens: readonly Token[], terms: GlossaryTerms, index: number): string | undefined {
  const token = tokens[index]!;
  if (token.kind !== 'number') return undefined;
  let before = index - 1;
  if (tokens[before]?.raw === '.') before--;
  const cited = before >= 0 && terms.articleBefore.has(tokens, before);
  let after = index + 1;
  if (tokens[after]?.raw === '-') after++;
  // A case ending written after the hyphen: `-cü`, `-ci`, `-nji`, `-и`.
  if (
    tokens[after]?.kind === 'word' &&
    tokens[after]!.folded.length <= 4 &&
    !terms.articleAfter.has(tokens, after)
  ) {
    after++;
  }
  if (!cited && !terms.articleAfter.has(tokens, after)) return undefined;
  for (let i = index + 1; i <= index + 3; i++) if (terms.articleNotAfter.has(tokens, i)) return undefined;
  return token.raw;
}

export function readArticle(segments: readonly Segment[], terms: GlossaryTerms): string | undefined {
  const cited = segments.flatMap((segment) =>
    segment.tokens.flatMap((_, index) => articleAt(segment.tokens, terms, index) ?? []),
  );
  // General-part articles (attempt, complicity) come with the offence and have fewer than three digits.
  return cited.find((article) => Number.parseInt(article, 10) >= 100) ?? cited[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Place

const MAX_NAME_WORDS = 3;

const sentenceStarts = (segment: Segment) => new Set(segment.sentences.map(([start]) => start));

/**
 * Capitalised words just before `at` (`Юнусабадском` районе, `Shamsiddin Shohin` district, `Astara` gömrük
 * postunda: one lower-case word may come between). A capitalised word opening a sentence belongs to the name only
 * when it is the whole name (`Сузак районунун`), not before another one (`Полицейлер Іле ауданында`).
 */
function nameBefore(tokens: readonly Token[], at: number, starts: ReadonlySet<number>): number | undefined {
  let end = at;
  if (tokens[at - 1]?.kind === 'word' && !isCapitalised(tokens[at - 1]) && isCapitalised(tokens[at - 2]))
    end--;
  let first: number | undefined;
  for (let i = end - 1; i >= 0 && end - i <= MAX_NAME_WORDS; i--) {
    const token = tokens[i]!;
    if (isCapitalised(token)) {
      if (starts.has(i) && first !== undefined) break;
      first = i;
    } else if (!(token.raw === '-' && first !== undefined)) break;
    if (starts.has(i)) break;
  }
  return first;
}

/** Capitalised words or a quoted name just after `at`: шаҳри `Хуҷанд`, посту `«Хоргос»`. */
function nameAfterUnit(tokens: readonly Token[], at: number): number | undefined {
  let index = at;
  // One lower-case word may come between: `пункте пропуска «Гулистан»`.
  if (
    !isCapitalised(tokens[index]) &&
    !QUOTE_PAIRS[tokens[index]?.raw ?? ''] &&
    tokens[index]?.kind === 'word'
  )
    index++;
  if (tokens[index]?.raw === '.') index++;
  const opening = tokens[index]?.raw ?? '';
  if (QUOTE_PAIRS[opening]) {
    const close = tokens.findIndex((token, i) => i > index && token.raw === QUOTE_PAIRS[opening]);
    return close > index ? close : undefined;
  }
  if (!isCapitalised(tokens[index])) return undefined;
  return nameEnd(tokens, index);
}

/** The last token of a name starting at `first`: more capitalised words, hyphenated parts (`Кара-Балта`). */
function nameEnd(tokens: readonly Token[], first: number): number {
  let last = first;
  while (
    last + 1 < tokens.length &&
    last - first < MAX_NAME_WORDS - 1 &&
    (isCapitalised(tokens[last + 1]) || (tokens[last + 1]!.raw === '-' && isCapitalised(tokens[last + 2])))
  ) {
    last += tokens[last + 1]!.raw === '-' ? 2 : 1;
  }
  return last;
}

interface Found {
  first: number;
  last: number;
}

interface PlaceUnits {
  after: TermSet<true>;
  before: TermSet<true>;
  institutions: TermSet<true>;
}

function placesWithUnits(segment: Segment, units: PlaceUnits): Found[] {
  const { after, before, institutions } = units;
  const { tokens } = segment;
  const starts = sentenceStarts(segment);
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // The unit before the name first: Tajik `шаҳри Хуҷанд` is not the Uzbek `… shahri` after a name.
    const unitBefore = before.matchAt(tokens, i);
    const last = unitBefore && !isCapitalised(tokens[i]) ? nameAfterUnit(tokens, unitBefore.end) : undefined;
    if (last !== undefined) {
      found.push({ first: i, last });
      i = last;
      continue;
    }
    const unitAfter = after.matchAt(tokens, i);
    const institution = unitAfter && institutions.has(tokens, unitAfter.end);
    const first = unitAfter && !institution ? nameBefore(tokens, i, starts) : undefined;
    if (unitAfter && first !== undefined) {
      found.push({ first, last: unitAfter.end - 1 });
      i = unitAfter.end - 1;
    }
  }
  return found;
}

/** The first place found; of a chain (`Toshkent shahrining Yunusobod tumanida`), its last, narrowest link. */
function placeWithUnits(segment: Segment, units: PlaceUnits): string | undefined {
  const found = placesWithUnits(segment, units);
  let chosen = found[0];
  for (const next of found.slice(1)) {
    if (!chosen || next.first - chosen.last > 1) break;
    chosen = next;
  }
  return chosen ? textBetween(segment, chosen.first, chosen.last) : undefined;
}

const LOCATIVE_PREPOSITIONS = new Set(['в', 'во', 'in', 'дар']);
const TURKIC: ReadonlySet<string> = new Set(['kaz', 'kir', 'uzb', 'tuk', 'aze']);
/** Turkic locative endings: Bakıda, Алматыда, Бишкекте, Toshkentda, Aşgabatda, Шымкентте. */
const TURKIC_LOCATIVE = /(?:da|de|ta|te|да|де|та|те)$/u;

/**
 * Whether a word opening a sentence is a name: no lower-case word of the texts starts like it
 * (`Mekdeplerde` is not, the body has `mekdeplerinde`; `Sumqayıtda` is).
 */
function nameAtStart(token: Token, segments: readonly Segment[]): boolean {
  const stem = token.folded.slice(0, 5);
  return !segments.some((segment) =>
    segment.tokens.some(
      (other) => other.kind === 'word' && !isCapitalised(other) && other.folded.startsWith(stem),
    ),
  );
}

/** `В Шымкенте`, `in Tashkent`, `дар Душанбе`, `Bakıda`: a capitalised word in the locative. */
function locativePlace(segment: Segment, terms: GlossaryTerms, all: readonly Segment[]): string | undefined {
  const { tokens } = segment;
  const starts = sentenceStarts(segment);
  for (let i = 1; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i]) || terms.operation.has(tokens, i)) continue;
    if (LOCATIVE_PREPOSITIONS.has(tokens[i - 1]!.folded)) return textBetween(segment, i, nameEnd(tokens, i));
  }
  if (!TURKIC.has(terms.lang)) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isCapitalised(token) || token.folded.length <= 4 || !TURKIC_LOCATIVE.test(token.folded)) continue;
    if (!starts.has(i) || nameAtStart(token, all)) return token.raw;
  }
  return undefined;
}

/**
 * The place of the event as the text writes it: a town, district or post with its unit word (body, then title),
 * else a locative in the title (`В Шымкенте`, `Bakıda`), else a region, else a locative in the body.
 */
export function readPlace(
  segments: { title?: Segment; body: Segment },
  terms: GlossaryTerms,
): string | undefined {
  const { title, body } = segments;
  const inOrder = title ? [body, title] : [body];
  const institutions = terms.placeInstitutions;
  const specific = { after: terms.placeSpecificAfter, before: terms.placeSpecificBefore, institutions };
  const region = { after: terms.placeRegionAfter, before: terms.placeRegionBefore, institutions };
  for (const segment of inOrder) {
    const place = placeWithUnits(segment, specific);
    if (place) return place;
  }
  const titlePlace = title ? locativePlace(title, terms, inOrder) : undefined;
  if (titlePlace) return titlePlace;
  for (const segment of inOrder) {
    const place = placeWithUnits(segment, region);
    if (place) return place;
  }
  return locativePlace(body, terms, inOrder);
}
