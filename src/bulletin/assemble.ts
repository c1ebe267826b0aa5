import type { EnglishState } from '../domain/english/provenance.js';
import type { Period } from '../domain/period.js';
import type { Country, EventCountry } from '../domain/types.js';
import {
  type BulletinLang,
  type CountsLineParts,
  countsLineParts,
  countsLineText,
  HOUSE_ORDER,
} from './house-format.js';
import { generateTopics } from './topics.js';

/** One item as the bulletin prints it. */
export interface BulletinEntry {
  /** bulletin_items.id; null for entries not stored yet. */
  id: number | null;
  articleId: number | null;
  country: EventCountry;
  title: string;
  /** False when the title is still in the article's own language: the release prints English titles. */
  titleIsEnglish: boolean;
  body: string;
  /** False when the body is still the article's own text in another language. */
  bodyIsEnglish?: boolean;
  /** Where the item's English stands (the month at a glance); absent for entries built elsewhere (tests). */
  englishState?: EnglishState;
  /** The story the item reports: a bulletin prints each story once. */
  storyId?: number | null;
  /** The item's kind of event (seizure, prevention …), for the English topics paragraph. */
  eventType?: string | null;
  url: string | null;
  /** Publication date in the source's time zone (YYYY-MM-DD); null when unknown (e.g. imported items). */
  publishedOn: string | null;
  /** That time zone (IANA name); absent or null when the source declared none (the date is then UTC's). */
  publishedZone?: string | null;
  /** The analyst's order within the country; null = by date. */
  position: number | null;
}

export interface BulletinSection {
  country: Country;
  items: BulletinEntry[];
}

export interface Bulletin {
  number: number;
  period: Period;
  lang: BulletinLang;
  /** Countries with items, in print order. */
  sections: BulletinSection[];
  /** Events outside the member states: listed apart, for the analyst to decide. */
  other: BulletinEntry[];
  total: number;
  byCountry: Record<Country, number>;
  countsLine: string;
  /** The generated line's parts, so renderers can italicise the counts; null when the analyst rewrote it. */
  countsLineParts: CountsLineParts | null;
  topics: string;
  countryOrder: readonly Country[];
}

export interface AssembleInput {
  number: number;
  period: Period;
  entries: readonly BulletinEntry[];
  lang: BulletinLang;
  countryOrder?: readonly Country[] | undefined;
  countsLine?: string | null | undefined;
  topics?: string | null | undefined;
}

/** Analyst's order first; the rest by publication date, then by when they were added. */
export function compareEntries(a: BulletinEntry, b: BulletinEntry): number {
  const byPosition = (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER);
  if (byPosition !== 0) return byPosition;
  const byDate = (a.publishedOn ?? '9999').localeCompare(b.publishedOn ?? '9999');
  if (byDate !== 0) return byDate;
  return (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER);
}

/** Groups the entries by country in print order and writes the opening count line. */
export function assembleBulletin(input: AssembleInput): Bulletin {
  // A configured order may name only some states: the others follow in the house order, never among 'other'.
  const configured = input.countryOrder ?? [];
  const countryOrder = [...configured, ...HOUSE_ORDER.filter((country) => !configured.includes(country))];
  const sections = countryOrder
    .map((country) => ({
      country,
      items: input.entries.filter((entry) => entry.country === country).sort(compareEntries),
    }))
    .filter((section) => section.items.length > 0);
  const memberStates = new Set<EventCountry>(countryOrder);
  const other = input.entries.filter((entry) => !memberStates.has(entry.country)).sort(compareEntries);
  const byCountry = Object.fromEntries(
    countryOrder.map((country) => [country, sections.find((s) => s.country === country)?.items.length ?? 0]),
  ) as Record<Country, number>;
  const total = sections.reduce((sum, section) => sum + section.items.length, 0);
  const parts = countsLineParts(
    input.period,
    total,
    sections.map(({ country, items }) => ({ country, count: items.length })),
    input.lang,
  );
  const editedCountsLine = input.countsLine?.trim() ? input.countsLine.trim() : null;
  return {
    number: input.number,
    period: input.period,
    lang: input.lang,
    sections,
    other,
    total,
    byCountry,
    countsLine: editedCountsLine ?? countsLineText(parts),
    countsLineParts: editedCountsLine ? null : parts,
    topics: input.topics?.trim() ? input.topics.trim() : generateTopics(sections, input.lang),
    countryOrder,
  };
}

/** `2025-09` → 1 to 30 September 2025. */
export function periodOfMonth(month: string): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** The calendar date of an instant in a time zone: what "published on" means to the source's readers. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function isInPeriod(isoDate: string, period: Period): boolean {
  return isoDate >= period.from && isoDate <= period.to;
}

/** Instants that can fall in the period in some time zone (UTC−12 … UTC+14): the database pre-filter. */
export function utcWindow(period: Period): { from: Date; to: Date } {
  const day = 86_400_000;
  return {
    from: new Date(Date.parse(`${period.from}T00:00:00Z`) - day),
    to: new Date(Date.parse(`${period.to}T00:00:00Z`) + 2 * day),
  };
}

export interface DatedDraft {
  id: number;
  publishedAt: Date | null;
  timezone: string | null;
}

/** Drafts published in the period by the date in their source's time zone (UTC when the zone is unknown). */
export function selectDraftsInPeriod<T extends DatedDraft>(drafts: readonly T[], period: Period): T[] {
  return drafts.filter(
    (draft) =>
      draft.publishedAt !== null && isInPeriod(localDate(draft.publishedAt, draft.timezone ?? 'UTC'), period),
  );
}
