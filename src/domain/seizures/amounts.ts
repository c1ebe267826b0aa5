import type { CountUnit, GlossaryTerms, SubstanceId } from '../drug-glossary.js';
import type { TermMatch } from '../text/term-set.js';
import type { Token } from '../text/tokens.js';

/**
 * Amounts in a sentence and the substance each one is of.
 *
 * An amount is a number (digits, `12 000`, `1,5`, `12,000` in English, a number word: `полтора`, `seven`,
 * `yarım`) with an optional multiplier (`тыс.`, `мың`, `min`, `млн`) and
 * - a mass unit, possibly followed by a smaller one (`1 тонна 320 кг`, `52 kq 400 qram`, `6 kilogram 850 gram`),
 *   normalised to grams; a written-out unit alone counts once (`полкило`, `более тонны кокаина`); or
 * - a counted unit (`12 000 таблеток`), possibly after a pieces word and around the substance (`5 000 дана
 *   трамадол таблеткасы`, `12,000 tramadol tablets`, `20 ta tabletka`).
 * Its substance is the first one named after it, before the next list item begins (`2 кг наркотика — героин`,
 * `650 грамм маводи мухаддир (чарс)`), or the one named before it when a weight word or a bracket ties them
 * (`героин массой 1,5 кг`, `heroin (2 kg)`). An amount per piece (`по 0,5 г каждый`, `150 mg capsules`) and a year
 * (`2025 г.`) are not amounts.
 */
export interface Amount {
  grams?: number;
  count?: number;
  unit?: CountUnit;
  substance?: SubstanceId;
  /** Token index of the substance mention the amount belongs to: a count and a mass of one mention merge. */
  substanceAt?: number;
  start: number;
  end: number;
}

/** The words an amount's search for its substance may pass over: generic words, adjectives, brackets. */
const RIGHT_WINDOW = 4;
/** How far back a weight word (`массой`) sends the search for the substance. */
const LEFT_WINDOW = 15;
const PASSABLE_PUNCTUATION = new Set(['(', ')', '«', '»', '"', '“', '”', '„', '—', '–', '-', ':']);
const YEAR = /^(19|20)\d\d$/;

export interface SentenceView {
  tokens: readonly Token[];
  start: number;
  end: number;
  terms: GlossaryTerms;
  thousandsComma: boolean;
  /** Substance mentions of the sentence by the token they start at. */
  substances: ReadonlyMap<number, TermMatch<{ id: SubstanceId; unit: CountUnit | undefined }>>;
}

function numberValue(raw: string, thousandsComma: boolean): number {
  const groups = raw.split(/[.,]/);
  if (groups.length === 1) return Number(raw);
  // `12,000` in English, `1.200.000` anywhere: thousands; otherwise the last separator is the decimal one.
  const thousands = (thousandsComma && /^\d{1,3}(,\d{3})+$/.test(raw)) || /^\d{1,3}(\.\d{3}){2,}$/.test(raw);
  if (thousands) return Number(raw.replace(/[.,]/g, ''));
  const last = groups.pop()!;
  return Number(`${groups.join('')}.${last}`);
}

/** A number at `index` (digits with thousands groups, or a number word) and a multiplier after it. */
function readNumber(view: SentenceView, index: number): { value: number; end: number } | undefined {
  const { tokens, terms } = view;
  const token = tokens[index]!;
  let value: number;
  let end = index + 1;
  if (token.kind === 'number') {
    let raw = token.raw;
    // `12 000`, `1 200 000`: groups of three digits after a single space.
    while (
      /^\d+$/.test(raw) &&
      raw.length <= (end === index + 1 ? 3 : Number.POSITIVE_INFINITY) &&
      tokens[end]?.kind === 'number' &&
      /^\d{3}([.,]\d+)?$/.test(tokens[end]!.raw) &&
      /^[ \u00a0\u202f]$/.test(tokens[end]!.gap)
    ) {
      raw = `${raw}${tokens[end]!.raw}`;
      end++;
    }
    value = numberValue(raw, view.thousandsComma);
  } else {
    const word = terms.numberWords.matchAt(tokens, index);
    if (!word) return undefined;
    value = word.value;
    end = word.end;
    // `half a ton`
    if (tokens[end]?.folded === 'a' || tokens[end]?.folded === 'an') end++;
  }
  const multiplier = terms.multipliers.matchAt(tokens, end);
  if (multiplier) {
    value *= multiplier.value;
    end = multiplier.end;
    if (tokens[end]?.raw === '.') end++;
  }
  return Number.isFinite(value) && value > 0 ? { value, end } : undefined;
}

const skipDot = (tokens: readonly Token[], index: number) => (tokens[index]?.raw === '.' ? index + 1 : index);

/** A mass amount starting with the number read: its grams and where it ends. */
function readMass(
  view: SentenceView,
  number: { value: number; end: number },
  numberToken: Token,
): { grams: number; end: number } | undefined {
  const { tokens, terms } = view;
  // `5-килограммовая партия`, `a 5-kg package`.
  const at = tokens[number.end]?.raw === '-' && tokens[number.end]?.gap === '' ? number.end + 1 : number.end;
  const unit = terms.massUnits.matchAt(tokens, at);
  if (!unit || unit.value.implicit) return undefined;
  // `2025 г.`: a year, not grams.
  if (YEAR.test(numberToken.raw) && unit.value.grams === 1 && tokens[at]!.folded.length <= 2) {
    return undefined;
  }
  let grams = number.value * unit.value.grams;
  let end = skipDot(tokens, unit.end);
  // `1 тонна 320 кг`, `52 кг 400 г`: a smaller unit right after.
  const next = tokens[end];
  if (next?.kind === 'number') {
    const smaller = terms.massUnits.matchAt(tokens, end + 1);
    if (smaller && !smaller.value.implicit && smaller.value.grams < unit.value.grams) {
      grams += Number(next.raw.replace(',', '.')) * smaller.value.grams;
      end = skipDot(tokens, smaller.end);
    }
  }
  return { grams, end };
}

/** A counted amount after the number: `таблеток`, `дана … капсуласы`, `tramadol tablets`. */
function readCount(
  view: SentenceView,
  number: { value: number; end: number },
): Omit<Amount, 'start'> | undefined {
  const { tokens, terms } = view;
  let at = number.end;
  const pieces = terms.pieces.matchAt(tokens, at);
  if (pieces) at = pieces.end;
  const unit = terms.countUnits.matchAt(tokens, at);
  if (unit) return { count: number.value, unit: unit.value, end: unit.end };
  const substance = view.substances.get(at);
  if (!substance) return undefined;
  const after = terms.countUnits.matchAt(tokens, substance.end);
  // `12,000 tramadol tablets`; `300 psychotropic tablets` names its form; `200 dona tramadol` counts pieces.
  if (!pieces && !after && !substance.value.unit) return undefined;
  return {
    count: number.value,
    unit: after?.value ?? substance.value.unit ?? 'pieces',
    substance: substance.value.id,
    substanceAt: at,
    end: after?.end ?? substance.end,
  };
}

/** A written-out unit without a number: `полкило`, `тонна` (then only with a substance after it). */
function readImplicit(view: SentenceView, index: number): Amount | undefined {
  const { tokens, terms } = view;
  const previous = tokens[index - 1];
  if (previous?.kind === 'number' || (previous && terms.numberWords.has(tokens, index - 1))) return undefined;
  const unit = terms.massUnits.matchAt(tokens, index);
  if (!unit) return undefined;
  if (unit.value.implicit) return { grams: unit.value.grams, start: index, end: unit.end };
  if (!terms.implicitMass.has(tokens, index)) return undefined;
  return { grams: unit.value.grams, start: index, end: unit.end };
}

/** Whether the amount ending at `end` is per piece: `… 1 грамма каждый`, `150 mg capsules`. */
function perPiece(view: SentenceView, end: number): boolean {
  return view.terms.each.has(view.tokens, end) || view.terms.countUnits.has(view.tokens, end);
}

function amountAt(view: SentenceView, index: number): Amount | undefined {
  const token = view.tokens[index]!;
  const number = readNumber(view, index);
  if (!number) return readImplicit(view, index);
  const mass = readMass(view, number, token);
  if (mass) return perPiece(view, mass.end) ? undefined : { grams: mass.grams, start: index, end: mass.end };
  const count = readCount(view, number);
  return count ? { ...count, start: index } : undefined;
}

const isSeed = (view: SentenceView, at: number, end: number) =>
  view.terms.seeds.has(view.tokens, at - 1) || view.terms.seeds.has(view.tokens, end);

/** Substances that name a class: a named one right after them is the one meant (`синтетический наркотик мефедрон`). */
const CLASSES: ReadonlySet<SubstanceId> = new Set(['synthetic drugs', 'psychotropic tablets']);

/** The mention at `at`, or the named substance right after a class name there (quotes and a dash between). */
function narrowed(view: SentenceView, at: number): number {
  const mention = view.substances.get(at)!;
  if (!CLASSES.has(mention.value.id)) return at;
  for (let i = mention.end; i < Math.min(view.end, mention.end + 3); i++) {
    const next = view.substances.get(i);
    if (next) return CLASSES.has(next.value.id) ? at : i;
    if (!PASSABLE_PUNCTUATION.has(view.tokens[i]!.raw)) break;
  }
  return at;
}

/** The substance named right after the amount, before the next item of a list. */
function substanceAfter(view: SentenceView, from: number): number | undefined {
  const { tokens, terms } = view;
  let passed = 0;
  for (let i = from; i < view.end && passed <= RIGHT_WINDOW; i++) {
    const substance = view.substances.get(i);
    if (substance) return isSeed(view, i, substance.end) ? undefined : narrowed(view, i);
    const token = tokens[i]!;
    if (token.kind === 'number') return undefined;
    if (token.kind === 'punct' && !PASSABLE_PUNCTUATION.has(token.raw)) return undefined;
    if (
      terms.listBreaks.has(tokens, i) ||
      terms.massUnits.has(tokens, i) ||
      terms.countUnits.has(tokens, i)
    ) {
      return undefined;
    }
    if (terms.seeds.has(tokens, i)) return undefined;
    passed++;
  }
  return undefined;
}

/** Whether a weight word or an opening bracket stands just before the amount (`массой 1,5 кг`, `(2 kg)`). */
function tiedToTheLeft(view: SentenceView, start: number): boolean {
  for (let i = start - 1; i >= Math.max(view.start, start - 3); i--) {
    if (view.tokens[i]!.raw === '(' || view.terms.weight.has(view.tokens, i)) return true;
  }
  return false;
}

function substanceBefore(view: SentenceView, start: number): number | undefined {
  for (let i = start - 1; i >= Math.max(view.start, start - LEFT_WINDOW); i--) {
    if (view.substances.has(i)) return i;
  }
  return undefined;
}

/** The substance of the amount, found around it as described above. */
function attachSubstance(view: SentenceView, amount: Amount): Amount {
  if (amount.substance) return amount;
  const at = tiedToTheLeft(view, amount.start)
    ? (substanceBefore(view, amount.start) ?? substanceAfter(view, amount.end))
    : substanceAfter(view, amount.end);
  if (at === undefined) return amount;
  const mention = view.substances.get(at)!;
  const unit = amount.count !== undefined ? (amount.unit ?? mention.value.unit ?? 'pieces') : undefined;
  return { ...amount, substance: mention.value.id, substanceAt: at, ...(unit ? { unit } : {}) };
}

/** Every amount of the sentence with its substance (amounts without one are left out). */
export function findAmounts(view: SentenceView): Amount[] {
  const amounts: Amount[] = [];
  for (let i = view.start; i < view.end; i++) {
    const amount = amountAt(view, i);
    if (!amount) continue;
    const attached = attachSubstance(view, amount);
    if (attached.substance) amounts.push(attached);
    i = amount.end - 1;
  }
  return amounts;
}
