import { loadDrugGlossary } from '../config/drug-glossary.js';
import { loadEnglishGlossary } from '../config/english-glossary.js';
import type { AppConfig } from '../config/env.js';
import type { Actor } from '../db/audit-repo.js';
import type { Database, Queryable } from '../db/database.js';
import { type ReviewAction, reviewItem } from '../db/item-actions-repo.js';
import { getItem, type ReviewItem, type ReviewOutcome } from '../db/items-repo.js';
import { type EnglishReport, findEnglishReport } from '../db/stories-repo.js';
import type { DrugGlossary } from '../domain/drug-glossary.js';
import { defaultEnglish, type EnglishCandidate } from '../domain/english/default-english.js';
import type { EnglishGlossary } from '../domain/english/glossary.js';
import { findGlossaryHits } from '../domain/english/glossary-hits.js';
import { suggestEnglish } from '../domain/english/suggest.js';
import { extractSeizureFacts, seizureFactsSchema } from '../domain/seizure-facts.js';
import { type Language, languageSchema } from '../domain/types.js';
import { createTranslator } from '../translation/create-translator.js';
import type { Translator } from '../translation/translator.js';
import type { GlossarySpan } from './highlight.js';

/**
 * English for the item page and for approval: what the analyst can take with one key instead of translating —
 * the item itself when it is English, its story's English report, a translation (when the deployment has an
 * engine), a suggestion made from the item's own facts. The server works out every option itself when one is
 * accepted; nothing the browser sends back is taken as the text.
 */

export interface EnglishSupport {
  /** The glossary of agencies, drugs and event words (suggestions, highlights in the original). */
  glossary?: EnglishGlossary | undefined;
  drugs?: DrugGlossary | undefined;
  /** A translation engine, when the deployment configured one (HARVEST_TRANSLATOR). */
  translator?: Translator | undefined;
}

/** The glossaries from `config/glossary/`, and the translator of the configuration (usually none). */
export function loadEnglishSupport(config: Pick<AppConfig, 'translator'>): EnglishSupport {
  const glossary = loadEnglishGlossary();
  return { glossary, drugs: loadDrugGlossary(), translator: createTranslator(config.translator, glossary) };
}

export type EnglishChoice = 'own' | 'report' | 'template';

export interface EnglishOption {
  choice: EnglishChoice;
  candidate: EnglishCandidate;
  /** The English report's source, for the page. */
  sourceId?: string;
}

function languageOf(item: ReviewItem): Language | undefined {
  const parsed = languageSchema.safeParse(item.lang);
  return parsed.success ? parsed.data : undefined;
}

/** The site a report comes from, as the release's readers know it (nmdk.gov.az). */
function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A suggestion from the item's event, place, agency and amounts; undefined when too little is known. */
export function templateSuggestion(
  support: EnglishSupport,
  item: ReviewItem,
): { title: string; body: string } | undefined {
  const lang = languageOf(item);
  if (!support.glossary || !lang || !item.body?.trim()) return undefined;
  const stored = seizureFactsSchema.safeParse(item.facts);
  const facts = stored.success
    ? stored.data
    : support.drugs
      ? extractSeizureFacts({ title: item.title ?? undefined, text: item.body, lang }, support.drugs)
      : undefined;
  const suggestion = suggestEnglish(
    {
      title: item.title ?? undefined,
      body: item.body,
      lang,
      facts,
      publishedAt: item.published_at ?? undefined,
      sourceName: siteOf(item.url),
      country: item.country,
    },
    support.glossary,
    { timeZone: item.timezone ?? 'UTC' },
  );
  return suggestion && { title: suggestion.title, body: suggestion.body };
}

/** The glossary's terms in the original title and body, for highlighting. */
export function glossarySpans(
  support: EnglishSupport,
  item: ReviewItem,
): { title: GlossarySpan[]; body: GlossarySpan[] } {
  const lang = languageOf(item);
  if (!support.glossary || !lang) return { title: [], body: [] };
  const spans = (text: string | null) =>
    text
      ? findGlossaryHits(text, lang, support.glossary!).map(({ start, end, english }) => ({
          start,
          end,
          english,
        }))
      : [];
  return { title: spans(item.title), body: spans(item.body) };
}

function reportCandidate(report: EnglishReport): EnglishCandidate | undefined {
  return defaultEnglish({ lang: null, title: null, body: null, url: '' }, { storyReport: report });
}

/** Every English the item could take now, best first (a translation only on request: it costs an engine call). */
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
  const suggestion = item.lang === 'eng' ? undefined : templateSuggestion(support, item);
  const generated = suggestion ? defaultEnglish({ ...item, lang: null }, { suggestion }) : undefined;
  if (generated) options.push({ choice: 'template', candidate: generated });
  return options;
}

/** The item's title and body through the configured engine; undefined without one (or for English items). */
export async function machineTranslation(
  support: EnglishSupport,
  item: ReviewItem,
): Promise<EnglishCandidate | undefined> {
  const lang = languageOf(item);
  if (!support.translator || !lang || lang === 'eng' || !item.title?.trim() || !item.body?.trim()) {
    return undefined;
  }
  const [title, body] = await support.translator.translate([item.title, item.body], lang, 'eng');
  if (!title?.trim() || !body?.trim()) return undefined;
  return defaultEnglish(
    { ...item, lang: null },
    { translation: { title, body, engine: support.translator.name } },
  );
}

/**
 * What an approved item without English gets: the item's own English, else its story's English report, else a
 * translation when an engine is configured (an engine that fails is passed over), else the suggestion.
 */
export async function englishForApproval(
  db: Queryable,
  support: EnglishSupport,
  item: ReviewItem,
): Promise<EnglishCandidate | undefined> {
  if (item.title_en || item.body_en) return undefined;
  const options = await englishOptions(db, support, item);
  const best = options.find((option) => option.choice !== 'template');
  if (best) return best.candidate;
  const translated = await machineTranslation(support, item).catch(() => undefined);
  return translated ?? options[0]?.candidate;
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
