import type { CandidateArticle } from '../../db/articles-repo.js';
import { detectLanguage } from '../../domain/language.js';
import type { DetectedLanguage } from '../../domain/types.js';
import type { SourceConfig } from '../../sources/source-schema.js';

/** What a source's crawl makes of one page: the fields of its golden file and of `harvest sources test`. */
export interface SourcePageOutput {
  title: string | null;
  /** UTC, as stored. */
  published_at: string | null;
  /** The same moment on the source's wall clock, with its offset: what the page itself shows. */
  published_local: string | null;
  body: string | null;
  language: DetectedLanguage;
}

/** A candidate as the crawl stored it, read for people: fields, parser version, what is missing. */
export interface ReadCandidate {
  output: SourcePageOutput;
  /** `2/2` = the second of two parser versions (the current one); `telegram` for channel posts. */
  parser: string;
  /** Index of the parser version in the source's versions, oldest first (0 for Telegram posts). */
  parserIndex: number;
  missing: string[];
  errors: string[];
}

interface StoredParser {
  version?: number;
  of?: number;
  kind?: string;
}

export function readCandidate(source: SourceConfig, candidate: CandidateArticle): ReadCandidate {
  const { title, body, publishedAt, extraction } = candidate;
  const language = body
    ? detectLanguage({ title: title ?? undefined, text: body }, { declared: source.languages })
    : null;
  const parser = (extraction.parser ?? {}) as StoredParser;
  return {
    output: {
      title,
      published_at: publishedAt,
      published_local: publishedAt ? formatInZone(new Date(publishedAt), source.timezone) : null,
      body,
      language: language?.lang ?? 'und',
    },
    parser: parser.kind ?? `${parser.version ?? '?'}/${parser.of ?? '?'}`,
    parserIndex: (parser.version ?? 1) - 1,
    missing: stringsOf(extraction.missing),
    errors: stringsOf(extraction.errors),
  };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** `2025-09-18T10:15:00+05:00`: the wall-clock time in `timezone` with its offset. */
export function formatInZone(date: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}
