import { z } from 'zod';
import {
  type CountUnit,
  countUnitSchema,
  type DrugGlossary,
  type GlossaryTerms,
  type SubstanceId,
  substanceSchema,
} from './drug-glossary.js';
import { type Amount, findAmounts, type SentenceView } from './seizures/amounts.js';
import {
  readArticle,
  readDetained,
  readOperation,
  readPlace,
  type Segment,
} from './seizures/circumstances.js';
import { type AmountFate, fateOfAmount, sentenceContexts } from './seizures/context.js';
import { splitSentences, tokenize } from './text/tokens.js';
import type { DetectedLanguage } from './types.js';

export type { CountUnit, SubstanceId } from './drug-glossary.js';

/**
 * Seizure facts of a report: what was seized and how much, how many people were detained, where, in which
 * operation and under which article — as the analyst would note them for the bulletin.
 *
 * Rules (documented for analysts in the README):
 * - a seizure is a named substance with its amount (grams, or a count with its unit) that the report says was
 *   seized, found, intercepted or taken; a substance said to be seized without an amount is recorded without one;
 * - destroyed or burned drugs are not seizures;
 * - a period's totals ("since the beginning of the year 25 t were seized") are `statistics`, kept apart from the
 *   event's `seizures` so that monthly sums do not count a seizure twice;
 * - an amount of unnamed "drugs" is not recorded (the vocabulary has no entry for it);
 * - the body decides; the headline adds only substances the body gives no amount for (headlines round:
 *   "почти 7 кг" for "6 кг 850 г").
 */
export const seizureSchema = z.object({
  substance: substanceSchema,
  grams: z.number().positive().optional(),
  count: z.number().positive().optional(),
  unit: countUnitSchema.optional(),
});
export type Seizure = z.infer<typeof seizureSchema>;

export const seizureFactsSchema = z.object({
  seizures: z.array(seizureSchema),
  /** A period's totals stated in the report, not the event's seizures. */
  statistics: z.array(seizureSchema).optional(),
  detained: z.number().int().positive().optional(),
  place: z.string().optional(),
  operation: z.string().optional(),
  article: z.string().optional(),
});
export type SeizureFacts = z.infer<typeof seizureFactsSchema>;

export interface SeizureFactsInput {
  title?: string | undefined;
  text: string;
  lang: DetectedLanguage;
}

interface FatedAmount extends Amount {
  fate: AmountFate;
}

/** Grams to at most three decimals (milligrams), so that `0.1 + 0.2` prints as `0.3`. */
const roundGrams = (grams: number) => Math.round(grams * 1000) / 1000;

function toSeizure(amount: Amount): Seizure {
  return {
    substance: amount.substance!,
    ...(amount.grams !== undefined ? { grams: roundGrams(amount.grams) } : {}),
    ...(amount.count !== undefined ? { count: amount.count, unit: amount.unit as CountUnit } : {}),
  };
}

/** A count and a mass of one mention are one seizure: `300 таблеток трамадола общей массой 150 г`. */
function mergeByMention(amounts: readonly FatedAmount[]): FatedAmount[] {
  const merged: FatedAmount[] = [];
  for (const amount of amounts) {
    const partner = merged.find(
      (other) =>
        other.substanceAt !== undefined &&
        other.substanceAt === amount.substanceAt &&
        other.fate === amount.fate &&
        (other.grams === undefined) !== (amount.grams === undefined),
    );
    if (partner) Object.assign(partner, amount.grams !== undefined ? { grams: amount.grams } : amount);
    else merged.push({ ...amount });
  }
  return merged;
}

const sameSeizure = (a: Seizure, b: Seizure) =>
  a.substance === b.substance && a.grams === b.grams && a.count === b.count && a.unit === b.unit;

function distinct(seizures: readonly Seizure[]): Seizure[] {
  return seizures.filter(
    (seizure, index) => seizures.findIndex((other) => sameSeizure(other, seizure)) === index,
  );
}

function segmentOf(text: string): Segment {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(tokens) };
}

/** Substance mentions by the token they start at, without the look-alikes (`героиня`). */
function substanceMentions(tokens: Segment['tokens'], terms: GlossaryTerms): SentenceView['substances'] {
  const notSubstances = terms.notSubstances.findAll(tokens);
  return new Map(
    terms.substances
      .findAll(tokens)
      .filter((match) => !notSubstances.some((not) => not.start === match.start && not.end >= match.end))
      .map((match) => [match.start, match]),
  );
}

function amountsOf(segment: Segment, terms: GlossaryTerms): FatedAmount[] {
  const substances = substanceMentions(segment.tokens, terms);
  const contexts = sentenceContexts(segment.tokens, terms, segment.sentences);
  return segment.sentences.flatMap(([start, end], index) => {
    const view: SentenceView = {
      tokens: segment.tokens,
      start,
      end,
      terms,
      thousandsComma: terms.lang === 'eng',
      substances,
    };
    return findAmounts(view).map((amount) => ({
      ...amount,
      fate: fateOfAmount(contexts[index]!, terms.lang, amount.start, amount.end),
    }));
  });
}

/** Body seizures, then the headline's for substances the body has no amount of. */
function combine(body: readonly Seizure[], title: readonly Seizure[]): Seizure[] {
  const inBody = new Set(body.map((seizure) => seizure.substance));
  return distinct([...body, ...title.filter((seizure) => !inBody.has(seizure.substance))]);
}

const withFate = (amounts: readonly FatedAmount[], fate: AmountFate) =>
  mergeByMention(amounts.filter((amount) => amount.fate === fate)).map(toSeizure);

/**
 * Substances said to be seized without any amount anywhere in the text (`изъяли героин`): the mention must stand
 * next to a seizure word that is not a detention word.
 */
function seizedWithoutAmount(
  segment: Segment,
  terms: GlossaryTerms,
  known: ReadonlySet<SubstanceId>,
): Seizure[] {
  const { tokens } = segment;
  const found: Seizure[] = [];
  for (const [at, mention] of substanceMentions(tokens, terms)) {
    if (known.has(mention.value.id) || found.some((seizure) => seizure.substance === mention.value.id))
      continue;
    const near = [at - 2, at - 1, mention.end, mention.end + 1].some(
      (index) => terms.seizure.has(tokens, index) && !terms.detention.has(tokens, index),
    );
    if (near) found.push({ substance: mention.value.id });
  }
  return found;
}

/** Seizure facts of one report (title optional). Pure; the glossary comes from `config/glossary/drugs.yaml`. */
export function extractSeizureFacts(input: SeizureFactsInput, glossary: DrugGlossary): SeizureFacts {
  const terms = glossary.forLanguage(input.lang);
  const body = segmentOf(input.text);
  const title = input.title?.trim() ? segmentOf(input.title) : undefined;
  const bodyAmounts = amountsOf(body, terms);
  const titleAmounts = title ? amountsOf(title, terms) : [];
  const seizures = combine(withFate(bodyAmounts, 'seizure'), withFate(titleAmounts, 'seizure'));
  const statistics = combine(withFate(bodyAmounts, 'statistics'), withFate(titleAmounts, 'statistics'));
  const mentioned = new Set([...bodyAmounts, ...titleAmounts].map((amount) => amount.substance!));
  seizures.push(...seizedWithoutAmount(body, terms, mentioned));
  const segments = title ? [body, title] : [body];
  const detained = readDetained(segments, terms);
  const place = readPlace({ body, ...(title ? { title } : {}) }, terms);
  const operation = readOperation(segments, terms);
  const article = readArticle(segments, terms);
  return {
    seizures,
    ...(statistics.length > 0 ? { statistics } : {}),
    ...(detained !== undefined ? { detained } : {}),
    ...(place ? { place } : {}),
    ...(operation ? { operation } : {}),
    ...(article ? { article } : {}),
  };
}

/** Whether the facts hold anything worth storing. */
export function hasFacts(facts: SeizureFacts): boolean {
  return (
    facts.seizures.length > 0 ||
    (facts.statistics?.length ?? 0) > 0 ||
    facts.detained !== undefined ||
    facts.operation !== undefined ||
    facts.article !== undefined
  );
}
