import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * What a person reading a recorded page sees on it — title, date with time and zone, the first and last
 * sentence of the body, the language — written by hand (or, for the generated demo sites, from the
 * generator's own data), never from the parser's output: test/fixtures/expectations/<source-id>.expected.json.
 */
export const DEFAULT_EXPECTATIONS_ROOT = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'expectations',
);

const expectedPageSchema = z.strictObject({
  /** The recorded page, from the repository root (for a Telegram post: its channel page). */
  file: z.string().startsWith('test/fixtures/sites/'),
  /** The article's URL on the live site (for a Telegram post: the post's t.me URL). */
  url: z.url(),
  title: z.string().min(1),
  /**
   * The publication time the page shows, on the source's wall clock with its offset
   * (`2025-09-21T21:05:00+04:00`); a page that shows a date only is written as that date (`2025-09-21`).
   */
  published_local: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
  timezone: z.string().min(1),
  lang: z.enum(['rus', 'kaz', 'kir', 'uzb', 'tgk', 'tuk', 'aze', 'eng']),
  body_first: z.string().min(1),
  body_last: z.string().min(1),
  /** Index into the source's parser versions, oldest first, of the version that must read this page. */
  parser_version: z.int().nonnegative(),
  /** Set while a known bug makes this page's date fail; the test reports it as an expected failure. */
  known_bug: z.string().min(1).optional(),
  /** Anything a reviewer should know about how the page was read. */
  note: z.string().optional(),
});

export const expectationsSchema = z.strictObject({
  source: z.string().min(1),
  pages: z.array(expectedPageSchema).min(1),
});

export type ExpectedPage = z.output<typeof expectedPageSchema>;
export type Expectations = z.output<typeof expectationsSchema>;

export function expectationsPath(sourceId: string, root = DEFAULT_EXPECTATIONS_ROOT): string {
  return join(root, `${sourceId}.expected.json`);
}

export function readExpectations(
  sourceId: string,
  root = DEFAULT_EXPECTATIONS_ROOT,
): Expectations | undefined {
  const path = expectationsPath(sourceId, root);
  return existsSync(path) ? expectationsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

export function writeExpectations(expectations: Expectations, root = DEFAULT_EXPECTATIONS_ROOT): string {
  const path = expectationsPath(expectations.source, root);
  writeFileSync(path, `${JSON.stringify(expectationsSchema.parse(expectations), null, 2)}\n`);
  return path;
}

/** Whitespace as a reader sees it: runs of spaces, no-break spaces and line breaks are one space. */
export function readerText(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

// A sentence ends at . ! ? or … (with closing quotes or brackets after it) followed by a space and a capital,
// a digit, an opening quote or a dash.
const SENTENCE_END = /(?<=[.!?…][»"”’)]*)\s+(?=[\p{Lu}\p{N}«"“„—–-])/u;

/** The first sentence of a paragraph as printed. */
export function firstSentence(paragraph: string): string {
  return readerText(paragraph).split(SENTENCE_END)[0] ?? '';
}

/** The last sentence of a paragraph as printed. */
export function lastSentence(paragraph: string): string {
  return readerText(paragraph).split(SENTENCE_END).at(-1) ?? '';
}
