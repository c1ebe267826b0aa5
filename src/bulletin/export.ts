import { loadEnglishGlossary } from '../config/english-glossary.js';
import {
  type ApprovedDraft,
  type BulletinItemRow,
  type BulletinRow,
  findBulletinByNumber,
  findBulletinByPeriod,
  insertBulletinItems,
  listApprovedDrafts,
  listBulletinItems,
  nextBulletinNumber,
  removeUnapprovedItems,
  upsertBulletin,
} from '../db/bulletins-repo.js';
import type { Database, Queryable } from '../db/database.js';
import { classifyEvent } from '../domain/english/event-type.js';
import type { EnglishGlossary } from '../domain/english/glossary.js';
import {
  type EnglishSource,
  type EnglishState,
  englishState,
  isSuggestion,
} from '../domain/english/provenance.js';
import type { Period } from '../domain/period.js';
import { type Country, countryCodes, type EventCountry, languageSchema } from '../domain/types.js';
import {
  assembleBulletin,
  type Bulletin,
  type BulletinEntry,
  localDate,
  periodOfMonth,
  selectDraftsInPeriod,
  utcWindow,
} from './assemble.js';
import { type BulletinWarning, editorialChecks, looksEnglish } from './checks.js';
import type { BulletinLang } from './house-format.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export const bulletinFormats = ['md', 'html', 'docx', 'pdf'] as const;
export type BulletinFormat = (typeof bulletinFormats)[number];

/** The selector names no bulletin that exists or can be assembled. */
export class BulletinSelectionError extends Error {}

export interface BulletinSelector {
  number?: number | undefined;
  /** `YYYY-MM` or explicit dates. */
  period?: string | Period | undefined;
}

export interface ExportRequest extends BulletinSelector {
  format: BulletinFormat;
  lang?: BulletinLang | undefined;
}

export interface ExportResult {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  warnings: BulletinWarning[];
  bulletin: Bulletin;
}

const CONTENT_TYPES: Record<BulletinFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const memberStates = new Set<string>(countryCodes);

function toPeriod(period: string | Period): Period {
  return typeof period === 'string' ? periodOfMonth(period) : period;
}

/** Finds the bulletin, or creates an assembled one for the period (numbered after the last one). */
async function resolveBulletin(tx: Queryable, selector: BulletinSelector): Promise<BulletinRow> {
  const period = selector.period === undefined ? undefined : toPeriod(selector.period);
  const existing =
    selector.number !== undefined
      ? await findBulletinByNumber(tx, selector.number)
      : period && (await findBulletinByPeriod(tx, period));
  if (existing && period && (existing.period_from !== period.from || existing.period_to !== period.to)) {
    throw new BulletinSelectionError(
      `bulletin #${existing.number} covers ${existing.period_from}…${existing.period_to}, not ${period.from}…${period.to}`,
    );
  }
  if (existing) return existing;
  if (!period)
    throw new BulletinSelectionError(
      `there is no bulletin #${selector.number}: give a period to assemble it`,
    );
  const number = selector.number ?? (await nextBulletinNumber(tx));
  if (number === undefined) {
    throw new BulletinSelectionError('no bulletin exists yet: give the number of the first one');
  }
  return upsertBulletin(tx, { number, period, origin: 'assembled' });
}

/**
 * Brings an assembled bulletin up to date with the review: approved drafts published in its period (in their
 * source's time zone) join it, items whose draft is no longer approved leave. Returns the number of approved
 * drafts that have no date and so belong to no period.
 */
async function syncApprovedDrafts(tx: Queryable, bulletin: BulletinRow): Promise<number> {
  const period = { from: bulletin.period_from, to: bulletin.period_to };
  await removeUnapprovedItems(tx, bulletin.id);
  const drafts = await listApprovedDrafts(tx, utcWindow(period));
  const items = await listBulletinItems(tx, bulletin.id);
  const inPeriod = selectDraftsInPeriod(
    drafts.map((draft) => ({ ...draft, publishedAt: draft.published_at })),
    period,
  );
  const joining = draftsToAdd(inPeriod, items);
  await insertBulletinItems(
    tx,
    bulletin.id,
    joining.map((draft) => ({
      articleId: draft.id,
      country: draft.country && memberStates.has(draft.country) ? draft.country : 'other',
      position: null,
      title: null,
      body: null,
      url: null,
    })),
  );
  return drafts.filter((draft) => draft.published_at === null).length;
}

/**
 * One item per story: an approved draft joins unless it or its story is in the bulletin already; of several
 * approved reports of one new story, the official source's, else the English one, else the earliest.
 */
export function draftsToAdd<T extends ApprovedDraft>(
  drafts: readonly T[],
  items: ReadonlyArray<Pick<BulletinItemRow, 'article_id' | 'story_id'>>,
): T[] {
  const present = new Set(items.map((item) => item.article_id));
  const stories = new Set(items.flatMap((item) => (item.story_id === null ? [] : [item.story_id])));
  const best = new Map<number, T>();
  const alone: T[] = [];
  for (const draft of drafts) {
    if (present.has(draft.id)) continue;
    if (draft.story_id === null) {
      alone.push(draft);
      continue;
    }
    if (stories.has(draft.story_id)) continue;
    const chosen = best.get(draft.story_id);
    if (!chosen || betterReport(draft, chosen)) best.set(draft.story_id, draft);
  }
  return [...alone, ...best.values()].sort((a, b) => a.id - b.id);
}

function betterReport(a: ApprovedDraft, b: ApprovedDraft): boolean {
  if (a.official !== b.official) return a.official;
  if ((a.lang === 'eng') !== (b.lang === 'eng')) return a.lang === 'eng';
  const at = a.published_at?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.published_at?.getTime() ?? Number.POSITIVE_INFINITY;
  return at !== bt ? at < bt : a.id < b.id;
}

/**
 * What an item prints: its own English (an analyst's, or an imported release's), else its article's English,
 * else — flagged by the editorial checks — the article's own text. An English article is its own English report.
 */
export function entryEnglish(row: BulletinItemRow): {
  title: string;
  body: string;
  titleSource: EnglishSource | null;
  bodySource: EnglishSource | null;
  state: EnglishState;
} {
  const englishArticle = row.article_lang === 'eng';
  const articleReviewed = row.article_english_reviewed_by !== null;
  const field = (
    own: string | null,
    ownSource: EnglishSource | null,
    english: string | null,
    englishSource: EnglishSource | null,
    original: string | null,
  ) => {
    if (own !== null) return { text: own, source: ownSource ?? 'analyst', reviewed: true };
    if (english?.trim()) return { text: english, source: englishSource, reviewed: articleReviewed };
    if (englishArticle && original?.trim()) {
      return { text: original, source: 'english-report' as const, reviewed: true };
    }
    return { text: original ?? '', source: null, reviewed: true };
  };
  const title = field(
    row.title,
    row.title_source,
    row.article_title_en,
    row.article_title_en_source,
    row.article_title,
  );
  const body = field(
    row.body,
    row.body_source,
    row.article_body_en,
    row.article_body_en_source,
    row.article_body,
  );
  const unreviewed = [title, body].some((part) => isSuggestion(part.source) && !part.reviewed);
  return {
    title: title.text,
    body: body.text,
    titleSource: title.source,
    bodySource: body.source,
    state: englishState({
      title: title.text,
      titleSource: title.source,
      body: body.text,
      bodySource: body.source,
      reviewed: !unreviewed,
    }),
  };
}

let glossary: EnglishGlossary | undefined;

/** The kind of event an item reports, from its article's own words (or its English), for the topics paragraph. */
function eventTypeOf(row: BulletinItemRow): string | null {
  const lang = languageSchema.safeParse(row.article_lang ?? 'eng');
  const body = row.article_body ?? row.body;
  if (!lang.success || !body) return null;
  glossary ??= loadEnglishGlossary();
  const { type } = classifyEvent(
    { title: row.article_title ?? row.title ?? undefined, body, lang: lang.data },
    glossary,
  );
  return type === 'other' ? null : type;
}

function toEntry(row: BulletinItemRow): BulletinEntry {
  const english = entryEnglish(row);
  return {
    id: row.id,
    articleId: row.article_id,
    country: (memberStates.has(row.country) ? row.country : 'other') as EventCountry,
    title: english.title,
    // Whoever wrote it, a title in another script is flagged (the analyst may keep it: it stays a warning).
    titleIsEnglish: english.titleSource !== null && looksEnglish(english.title),
    body: english.body,
    bodyIsEnglish: english.bodySource !== null && looksEnglish(english.body),
    englishState: english.state,
    storyId: row.story_id,
    eventType: eventTypeOf(row),
    url: row.url ?? row.article_url,
    publishedOn: row.published_at ? localDate(row.published_at, row.timezone ?? 'UTC') : null,
    publishedZone: row.published_at ? (row.timezone ?? 'UTC') : null,
    position: row.position,
  };
}

export interface LoadedBulletin {
  bulletin: Bulletin;
  warnings: BulletinWarning[];
  origin: BulletinRow['origin'];
  /** The analyst's wording of the opening paragraphs as stored; null where the generated text is used. */
  editedTexts: { countsLine: string | null; topics: string | null };
}

/** The bulletin as it would be exported, with the editorial warnings; what the review UI shows. */
export async function loadBulletin(
  db: Database,
  selector: BulletinSelector & { lang?: BulletinLang | undefined },
): Promise<LoadedBulletin> {
  return db.transaction(async (tx) => {
    const row = await resolveBulletin(tx, selector);
    const undatedDrafts = row.origin === 'assembled' ? await syncApprovedDrafts(tx, row) : 0;
    const entries = (await listBulletinItems(tx, row.id)).map(toEntry);
    const bulletin = assembleBulletin({
      number: row.number,
      period: { from: row.period_from, to: row.period_to },
      entries,
      lang: selector.lang ?? 'en',
      countryOrder: row.country_order?.filter((code): code is Country => memberStates.has(code)),
      countsLine: row.counts_line,
      topics: row.topics,
    });
    return {
      bulletin,
      warnings: editorialChecks(bulletin, { undatedDrafts }),
      origin: row.origin,
      editedTexts: { countsLine: row.counts_line, topics: row.topics },
    };
  });
}

export async function renderBulletin(bulletin: Bulletin, format: BulletinFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(bulletin), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(bulletin), 'utf8');
    case 'docx':
      return renderDocx(bulletin);
    case 'pdf': {
      // Loaded on demand: other formats should not pay for the browser driver.
      const { renderPdf } = await import('./render-pdf.js');
      return renderPdf(bulletin);
    }
  }
}

/** Renders bulletin `number` (or the one of `period`, assembled from approved drafts) for the CLI and the UI. */
export async function exportBulletin(db: Database, request: ExportRequest): Promise<ExportResult> {
  const { bulletin, warnings } = await loadBulletin(db, request);
  const bytes = await renderBulletin(bulletin, request.format);
  return {
    bytes,
    contentType: CONTENT_TYPES[request.format],
    fileName: `caricc-release-${bulletin.number}-${bulletin.period.from.slice(0, 7)}-${bulletin.lang}.${request.format}`,
    warnings,
    bulletin,
  };
}
