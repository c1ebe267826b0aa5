import type { DetectedLanguage, FilterReason } from './types.js';

export interface FateInput {
  /** The URL answered with no page of text (binary, a PDF, an image): nothing to read at all. */
  notHtml?: boolean;
  title: string | null;
  body: string | null;
  lang: DetectedLanguage;
  publishedAt: Date | null;
  relevant: boolean;
  maxAgeDays: number;
  now: Date;
}

export type Fate = { status: 'new'; reason: null } | { status: 'filtered'; reason: FilterReason };

const MIN_BODY_CHARS = 40;
const DAY_MS = 86_400_000;

/**
 * The keep/filter decision. Checks run from the most basic failure to the editorial one, so the stored
 * reason is the first thing an analyst would have to fix to rescue the item.
 */
export function decideFate(input: FateInput): Fate {
  if (input.notHtml) return { status: 'filtered', reason: 'not_html' };
  if (!input.title?.trim() || (input.body ?? '').trim().length < MIN_BODY_CHARS) {
    return { status: 'filtered', reason: 'extraction_failed' };
  }
  if (input.lang === 'und') return { status: 'filtered', reason: 'wrong_language' };
  if (input.publishedAt && input.now.getTime() - input.publishedAt.getTime() > input.maxAgeDays * DAY_MS) {
    return { status: 'filtered', reason: 'too_old' };
  }
  if (!input.relevant) return { status: 'filtered', reason: 'not_relevant' };
  return { status: 'new', reason: null };
}
