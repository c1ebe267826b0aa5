import type { Actor } from '../db/audit-repo.js';
import type { Database, Queryable } from '../db/database.js';
import { type ReviewAction, reviewItem } from '../db/item-actions-repo.js';
import { getItem, type ReviewItem, type ReviewOutcome } from '../db/items-repo.js';
import { type EnglishReport, findEnglishReport } from '../db/stories-repo.js';
import { defaultEnglish, type EnglishCandidate } from '../domain/english/default-english.js';

/**
 * English for the item page: what the analyst can take with one key instead of translating. The server works out
 * every option itself when one is accepted; nothing the browser sends back is taken as the text.
 */

/** A suggestion generated from the item's own facts (the glossary's templates); absent where none can be made. */
export type SuggestEnglish = (item: {
  title: string | null;
  body: string | null;
  lang: string | null;
  publishedAt: Date | null;
  sourceId: string;
}) => { title: string; body: string } | undefined;

export interface EnglishSupport {
  suggest?: SuggestEnglish | undefined;
}

export type EnglishChoice = 'own' | 'report' | 'template';

export interface EnglishOption {
  choice: EnglishChoice;
  candidate: EnglishCandidate;
  /** The English report's source, for the page. */
  sourceId?: string;
}

function reportCandidate(report: EnglishReport): EnglishCandidate | undefined {
  return defaultEnglish({ lang: null, title: null, body: null, url: '' }, { storyReport: report });
}

/** Every English the item could take now, best first. */
export async function englishOptions(
  db: Queryable,
  support: EnglishSupport,
  item: ReviewItem,
): Promise<EnglishOption[]> {
  const options: EnglishOption[] = [];
  const own = item.lang === 'eng' ? defaultEnglish(item) : undefined;
  if (own) options.push({ choice: 'own', candidate: own });
  const report = item.story_id === null ? undefined : await findEnglishReport(db, item.story_id);
  const fromReport = report && report.id !== item.id ? reportCandidate(report) : undefined;
  if (report && fromReport)
    options.push({ choice: 'report', candidate: fromReport, sourceId: report.sourceId });
  const suggestion = support.suggest?.({
    title: item.title,
    body: item.body,
    lang: item.lang,
    publishedAt: item.published_at,
    sourceId: item.source_id,
  });
  const generated = suggestion ? defaultEnglish(item, { suggestion }) : undefined;
  if (generated && generated.source === 'template')
    options.push({ choice: 'template', candidate: generated });
  return options;
}

/** What an approved item without English gets: the best option there is. */
export async function englishForApproval(
  db: Queryable,
  support: EnglishSupport,
  item: ReviewItem,
): Promise<EnglishCandidate | undefined> {
  if (item.title_en || item.body_en) return undefined;
  return (await englishOptions(db, support, item))[0]?.candidate;
}

/**
 * Approve, reject or rescue from the workspace (item page, queue keys, bulk actions): an item approved without
 * English gets the best it has, marked for review unless it comes from an English report.
 */
export async function reviewWithEnglish(
  deps: { db: Database; english: EnglishSupport },
  id: number,
  action: ReviewAction,
  actor: Actor,
  options: { reason?: string | undefined; expectedVersion?: number | undefined } = {},
): Promise<ReviewOutcome> {
  const item = action === 'approve' ? await getItem(deps.db, id) : undefined;
  const fillEnglish = item ? await englishForApproval(deps.db, deps.english, item) : undefined;
  return reviewItem(deps.db, id, action, actor, { ...options, fillEnglish });
}
