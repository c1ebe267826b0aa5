import { z } from 'zod';

/**
 * Where an English title or body came from. The release is English; the harvest is mostly not, and no translation
 * model runs here, so the English of an item comes from an English report of the same story, from a suggestion
 * generated from the item's own facts, from a translation engine a deployment may plug in, or from the analyst.
 */
export const englishSourceSchema = z
  .string()
  .regex(
    /^(english-report|template|analyst|machine:[a-z0-9._-]+)$/,
    'not a known provenance of English text',
  );
export type EnglishSource = 'english-report' | 'template' | 'analyst' | `machine:${string}`;

export const isEnglishSource = (value: unknown): value is EnglishSource =>
  englishSourceSchema.safeParse(value).success;

/** A suggestion is generated text a person still has to look at before it goes out. */
export function isSuggestion(source: EnglishSource | null): boolean {
  return source === 'template' || (source?.startsWith('machine:') ?? false);
}

/** The English of one item as stored: each field with its provenance, and whether an analyst has reviewed it. */
export interface ItemEnglish {
  title: string | null;
  titleSource: EnglishSource | null;
  body: string | null;
  bodySource: EnglishSource | null;
  /** The English report the text was taken from (provenance `english-report`). */
  reportUrl?: string | null;
  reviewed: boolean;
}

/**
 * The month at a glance: `report` (an English report's text), `accepted` (a suggestion an analyst accepted),
 * `analyst` (written or corrected by hand), `suggestion` (generated and not reviewed yet) or `missing`.
 */
export type EnglishState = 'report' | 'accepted' | 'analyst' | 'suggestion' | 'missing';

export const englishStateLabels: Readonly<Record<EnglishState, string>> = {
  report: 'from an English report',
  accepted: 'accepted suggestion',
  analyst: "analyst's English",
  suggestion: 'suggestion, not reviewed',
  missing: 'no English yet',
};

export function englishState(english: ItemEnglish): EnglishState {
  const title = english.title?.trim() ? english.titleSource : null;
  const body = english.body?.trim() ? english.bodySource : null;
  if (!title || !body) return 'missing';
  if (!english.reviewed && (isSuggestion(title) || isSuggestion(body))) return 'suggestion';
  if (title === 'analyst' || body === 'analyst') return 'analyst';
  if (isSuggestion(title) || isSuggestion(body)) return 'accepted';
  return 'report';
}

/** Every state, in the order the bulletin page counts them. */
export const englishStates: readonly EnglishState[] = [
  'report',
  'accepted',
  'analyst',
  'suggestion',
  'missing',
];

/** How many items of each state, and how many still need English (missing or unreviewed). */
export function countEnglishStates(states: readonly EnglishState[]): {
  counts: Record<EnglishState, number>;
  needWork: number;
} {
  const counts = Object.fromEntries(englishStates.map((state) => [state, 0])) as Record<EnglishState, number>;
  for (const state of states) counts[state] += 1;
  return { counts, needWork: counts.missing + counts.suggestion };
}
