import type { Period } from '../domain/period.js';
import type { Country, EventCountry } from '../domain/types.js';
import { ENGLISH_MONTHS, HOUSE_ORDER, headingSpellings, shortNameSpellings } from './house-format.js';
import { repairUrl, UnrepairableUrlError } from './repair-url.js';

export interface ReleaseItem {
  country: EventCountry;
  title: string;
  body: string;
  /** Repaired; null when the release printed none. */
  url: string | null;
  /** 1-based position in the release. */
  order: number;
}

export interface CountMismatch {
  country: Country | 'total';
  counted: number;
  stated: number;
}

export interface ParsedRelease {
  number: number | null;
  period: Period | null;
  items: ReleaseItem[];
  /** Items per country as parsed: every member state (0 when absent), `other` only when present. */
  by_country: Partial<Record<EventCountry, number>>;
  /** The document's own figures from its opening count line. */
  summaryCounts: { total: number | null; byCountry: Partial<Record<Country, number>> } | null;
  /** The opening count line and the topics paragraph, without emphasis markup. */
  countsLine: string | null;
  topics: string | null;
  contents: { country: EventCountry; page: number | null }[];
  mismatches: CountMismatch[];
  /** Every repair of the extracted text (URLs, headings, logos), for the import report. */
  repairs: string[];
}

interface Paragraph {
  lines: string[];
}

const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]<>#+\-.!|])/g;

// Escaped characters are parked in the private use area while emphasis markers are removed.
const PARKED = 0xe000;

function stripMarkup(text: string): string {
  return text
    .replace(MARKDOWN_ESCAPE, (_, char: string) => String.fromCharCode(PARKED + char.charCodeAt(0)))
    .replace(/<\/?(?:i|b|em|strong)>/gi, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*?|__/g, '')
    .replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - PARKED))
    .replace(/\s+/g, ' ')
    .trim();
}

function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Extraction leaves lines of no-break spaces where page breaks were.
    const line = raw.replace(/[\u00a0\u2007\u202f]/g, ' ').trimEnd();
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push({ lines: current });
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length > 0) paragraphs.push({ lines: current });
  return paragraphs;
}

const joined = (paragraph: Paragraph) => paragraph.lines.join(' ');

function isUpperCaseText(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  return letters.length >= 4 && upper.length / letters.length >= 0.85;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A country heading, tolerating extraction typos such as "KYRGYZ PEPUBLIC" (two edits at most). */
function matchHeading(text: string, repairs: string[]): EventCountry | undefined {
  const candidate = stripMarkup(text).toLocaleUpperCase('en');
  if (!isUpperCaseText(stripMarkup(text)) || candidate.length > 40) return undefined;
  let best: { country: EventCountry; distance: number; spelling: string } | undefined;
  for (const { spelling, country } of headingSpellings()) {
    const distance = levenshtein(candidate, spelling);
    if (distance <= 2 && (!best || distance < best.distance)) best = { country, distance, spelling };
  }
  if (best && best.distance > 0) repairs.push(`heading "${candidate}" read as "${best.spelling}"`);
  return best?.country;
}

const COUNTS_LINE = /^(In the period|В период)\b/i;
const URL_PARAGRAPH = /^<\s*((?:https?:\/\/|www\.)[^<>]*)>$/i;

function urlOf(paragraph: Paragraph): string | undefined {
  return URL_PARAGRAPH.exec(paragraph.lines.join('\n'))?.[1];
}

/** `1-30.09.2025`, `15.09-14.10.2025` or `25.12.2025-24.01.2026`. */
function parsePeriodLine(line: string): Period | undefined {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{4}))?\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(
    line.trim(),
  );
  if (!match) return undefined;
  const [, fromDay, fromMonth, fromYear, toDay, toMonth, toYear] = match;
  const iso = (year: string, month: string, day: string) =>
    `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return {
    from: iso(fromYear ?? toYear ?? '', fromMonth ?? toMonth ?? '', fromDay ?? ''),
    to: iso(toYear ?? '', toMonth ?? '', toDay ?? ''),
  };
}

/** The period from the count line's words, for releases whose title page lost its date line. */
function parsePeriodPhrase(countsLine: string): Period | undefined {
  const months = ENGLISH_MONTHS.join('|');
  const match = new RegExp(`from (\\d{1,2})(?: (${months}))? to (\\d{1,2}) (${months}) (\\d{4})`, 'i').exec(
    countsLine,
  );
  if (!match) return undefined;
  const [, fromDay = '', fromMonthName, toDay = '', toMonthName = '', year = ''] = match;
  const monthNumber = (name: string) =>
    String(ENGLISH_MONTHS.findIndex((month) => month.toLowerCase() === name.toLowerCase()) + 1).padStart(
      2,
      '0',
    );
  return {
    from: `${year}-${monthNumber(fromMonthName ?? toMonthName)}-${fromDay.padStart(2, '0')}`,
    to: `${year}-${monthNumber(toMonthName)}-${toDay.padStart(2, '0')}`,
  };
}

function parseSummaryCounts(countsLine: string): NonNullable<ParsedRelease['summaryCounts']> {
  const total = /(\d+)\s+(?:events?|событи\p{L}*)/iu.exec(countsLine);
  const byCountry: Partial<Record<Country, number>> = {};
  const inParentheses = /\(([^()]*)\)[^()]*$/.exec(countsLine)?.[1] ?? '';
  for (const part of inParentheses.split(',')) {
    const match = /^\s*(.+?)\s*[-–—]\s*(\d+)\s*$/.exec(part);
    if (!match) continue;
    const name = (match[1] ?? '').toLowerCase();
    const country = shortNameSpellings().find(({ spelling }) => spelling.toLowerCase() === name)?.country;
    if (country) byCountry[country] = Number(match[2]);
  }
  return { total: total ? Number(total[1]) : null, byCountry };
}

function parseContentsLine(line: string, repairs: string[]) {
  // Markdown contents are `- [HEADING](#anchor)` lines.
  const plain = line.replace(/^[-*]\s+/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const match = /^(.*?)(?:\s*[\t.…]+\s*|\s{2,}|\s+)(\d{1,3})$/.exec(
    stripMarkup(plain.replace(/\t/g, ' \t ')),
  );
  const name = match ? (match[1] ?? '') : plain;
  const country = matchHeading(name, repairs);
  return country ? { country, page: match ? Number(match[2]) : null } : undefined;
}

interface TitleCandidate {
  title: string;
  logo: string | null;
}

/**
 * A paragraph that can be an item's title: capitals, or a Markdown `###` line. Text glued before a bold title
 * or a mixed-case word ending in a dot before capitals ("Диалог.БОЛЕЕ ТОННЫ…") is an agency logo.
 */
function titleCandidate(paragraph: Paragraph): TitleCandidate | undefined {
  const text = joined(paragraph);
  const bold = /^(.*?)\*\*(.+)\*\*\s*$/.exec(text);
  if (bold) {
    const logo = stripMarkup(bold[1] ?? '');
    return { title: stripMarkup(bold[2] ?? ''), logo: logo === '' ? null : logo };
  }
  const plain = stripMarkup(text);
  if (/^###\s/.test(paragraph.lines[0] ?? '') || isUpperCaseText(plain)) return { title: plain, logo: null };
  const prefixed = /^(\S*\p{Ll}\S*\.)\s*(.+)$/u.exec(plain);
  if (prefixed && isUpperCaseText(prefixed[2] ?? ''))
    return { title: prefixed[2] ?? '', logo: prefixed[1] ?? '' };
  return undefined;
}

const LIST_LINE = /^[-–•]\s/;

/** A body paragraph's lines are one flowing text, except list lines ("- …"), which keep their own line. */
function bodyParagraphText(paragraph: Paragraph): string {
  const lines: string[] = [];
  for (const line of paragraph.lines) {
    if (lines.length > 0 && !LIST_LINE.test(line)) lines[lines.length - 1] += ` ${line}`;
    else lines.push(line);
  }
  return lines.map(stripMarkup).join('\n');
}

const ENDS_SENTENCE = /[.!?:;…]["'”»)\]]*$/;

/** Joins paragraphs that a page break split in the middle of a sentence. */
function joinBrokenParagraphs(paragraphs: string[]): string[] {
  const result: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = result.at(-1);
    if (previous !== undefined && !ENDS_SENTENCE.test(previous) && !LIST_LINE.test(paragraph)) {
      result[result.length - 1] = `${previous} ${paragraph}`;
    } else {
      result.push(paragraph);
    }
  }
  return result;
}

interface Section {
  country: EventCountry;
  paragraphs: Paragraph[];
}

interface ItemDraft {
  country: EventCountry;
  paragraphs: Paragraph[];
  url: string | null;
}

function segmentItems(section: Section): { items: ItemDraft[]; trailing: Paragraph[] } {
  const items: ItemDraft[] = [];
  let pending: Paragraph[] = [];
  let seenBody = false;
  for (const paragraph of section.paragraphs) {
    const url = urlOf(paragraph);
    if (url !== undefined) {
      items.push({ country: section.country, paragraphs: pending, url });
      pending = [];
      seenBody = false;
    } else if (seenBody && titleCandidate(paragraph)) {
      // A new title after body text: the previous item was printed without a source URL.
      items.push({ country: section.country, paragraphs: pending, url: null });
      pending = [paragraph];
      seenBody = false;
    } else {
      if (!titleCandidate(paragraph)) seenBody = true;
      pending.push(paragraph);
    }
  }
  return { items, trailing: pending };
}

function finishItem(draft: ItemDraft, order: number, repairs: string[]): ReleaseItem {
  const leading: TitleCandidate[] = [];
  let index = 0;
  for (; index < draft.paragraphs.length; index += 1) {
    const paragraph = draft.paragraphs[index];
    const candidate = paragraph && titleCandidate(paragraph);
    if (!candidate) break;
    leading.push(candidate);
  }
  const chosen = leading.at(-1);
  const title = chosen?.title ?? '';
  const logos = [...leading.slice(0, -1).map((candidate) => candidate.title), chosen?.logo].filter(
    (logo): logo is string => Boolean(logo),
  );
  for (const logo of logos) repairs.push(`dropped agency logo "${logo}" before "${title}"`);
  const bodyParagraphs = draft.paragraphs.slice(index).map(bodyParagraphText);
  let url: string | null = null;
  if (draft.url !== null) {
    try {
      const repaired = repairUrl(draft.url);
      url = repaired.url;
      for (const repair of repaired.repairs) repairs.push(`URL of "${title}": ${repair}`);
    } catch (error) {
      if (!(error instanceof UnrepairableUrlError)) throw error;
      repairs.push(`URL of "${title}" could not be repaired: ${draft.url}`);
    }
  }
  return {
    country: draft.country,
    title,
    body: joinBrokenParagraphs(bodyParagraphs).join('\n\n'),
    url,
    order,
  };
}

function countByCountry(items: readonly ReleaseItem[]): Partial<Record<EventCountry, number>> {
  const counts: Partial<Record<EventCountry, number>> = Object.fromEntries(HOUSE_ORDER.map((c) => [c, 0]));
  for (const item of items) counts[item.country] = (counts[item.country] ?? 0) + 1;
  return counts;
}

function compareCounts(
  counted: Partial<Record<EventCountry, number>>,
  total: number,
  summary: ParsedRelease['summaryCounts'],
): CountMismatch[] {
  if (!summary) return [];
  const mismatches: CountMismatch[] = HOUSE_ORDER.flatMap((country) => {
    const stated = summary.byCountry[country] ?? 0;
    const found = counted[country] ?? 0;
    return stated === found ? [] : [{ country, counted: found, stated }];
  });
  if (summary.total !== null && summary.total !== total) {
    mismatches.push({ country: 'total', counted: total, stated: summary.total });
  }
  return mismatches;
}

/**
 * Parses a past release in its text form (text extracted from the PDF, or this tool's Markdown export):
 * title page (number, period), contents, the opening count line, the topics paragraph, then per country its
 * items — a capitalised title, the body and the source URL in angle brackets — and the closing address block.
 */
export function parseRelease(text: string): ParsedRelease {
  const repairs: string[] = [];
  const paragraphs = paragraphsOf(text);
  const countsIndex = paragraphs.findIndex((paragraph) => COUNTS_LINE.test(stripMarkup(joined(paragraph))));
  const front = countsIndex >= 0 ? paragraphs.slice(0, countsIndex) : [];
  const frontLines = front.flatMap((paragraph) => paragraph.lines.map(stripMarkup));

  const countsLine = countsIndex >= 0 ? stripMarkup(joined(paragraphs[countsIndex] ?? { lines: [] })) : null;
  const numberLine = frontLines.map((line) => /^(?:#|№)\s*(\d{1,4})$/.exec(line)).find(Boolean);
  const period =
    frontLines.map(parsePeriodLine).find(Boolean) ?? (countsLine ? parsePeriodPhrase(countsLine) : undefined);

  const contentsStart = frontLines.findIndex((line) => /^(CONTENTS|СОДЕРЖАНИЕ)$/i.test(line));
  const contents =
    contentsStart < 0
      ? []
      : front
          .flatMap((paragraph) => paragraph.lines)
          .slice(contentsStart + 1)
          .map((line) => parseContentsLine(line, repairs))
          .filter((entry) => entry !== undefined);

  const sections: Section[] = [];
  const topics: string[] = [];
  for (const paragraph of paragraphs.slice(countsIndex + 1)) {
    const country = paragraph.lines.length <= 2 ? matchHeading(joined(paragraph), repairs) : undefined;
    if (country) sections.push({ country, paragraphs: [] });
    else if (sections.length === 0) topics.push(stripMarkup(joined(paragraph)));
    else sections.at(-1)?.paragraphs.push(paragraph);
  }

  const items: ReleaseItem[] = [];
  sections.forEach((section, sectionIndex) => {
    const { items: drafts, trailing } = segmentItems(section);
    const isLast = sectionIndex === sections.length - 1;
    const trailingIsItem = trailing.length > 0 && titleCandidate(trailing[0] ?? { lines: [] }) !== undefined;
    if (trailingIsItem) drafts.push({ country: section.country, paragraphs: trailing, url: null });
    else if (trailing.length > 0 && !isLast) {
      repairs.push(
        `ignored text without a title in ${section.country}: "${joined(trailing[0] ?? { lines: [] })}"`,
      );
    }
    for (const draft of drafts) items.push(finishItem(draft, items.length + 1, repairs));
  });

  const summaryCounts = countsLine ? parseSummaryCounts(countsLine) : null;
  const by_country = countByCountry(items);
  return {
    number: numberLine ? Number(numberLine[1]) : null,
    period: period ?? null,
    items,
    by_country,
    summaryCounts,
    countsLine,
    topics: topics.length > 0 ? topics.join('\n\n') : null,
    contents,
    mismatches: compareCounts(by_country, items.length, summaryCounts),
    repairs,
  };
}
