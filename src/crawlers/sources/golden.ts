import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SourceConfig } from '../../config/source-schema.js';
import { decodeHtml } from '../extract/decode-html.js';
import { DEFAULT_FIXTURES_ROOT } from '../fixture-server.js';
import {
  discoverItems,
  parseArticlePage,
  parseTelegramPost,
  type SourcePageOutput,
} from './parse-source-page.js';
import {
  findRecordedPage,
  fixtureHostOf,
  pagesRecordedApart,
  type RecordedPage,
  readRecordedPage,
} from './recorded-pages.js';

export const DEFAULT_GOLDEN_ROOT = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'golden',
);

export interface GoldenPage {
  url: string;
  /** The recorded page under test/fixtures/sites/ (for a Telegram post: its channel page). */
  file: string;
  recordedAt: string;
  parser: string;
  expected: SourcePageOutput;
}

/** What a source's discovery and parser must produce from its recorded pages. */
export interface GoldenFile {
  source: string;
  /** True while any of its pages is reconstructed by hand rather than recorded from the live site. */
  reconstructed: boolean;
  /** Article URLs found on the first discovery pages, in page order. */
  discovered: string[];
  pages: GoldenPage[];
}

export interface GoldenRoots {
  sites?: string;
  golden?: string;
}

export function goldenPath(sourceId: string, root = DEFAULT_GOLDEN_ROOT): string {
  return join(root, `${sourceId}.golden.json`);
}

export function readGolden(sourceId: string, root = DEFAULT_GOLDEN_ROOT): GoldenFile | undefined {
  const path = goldenPath(sourceId, root);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GoldenFile) : undefined;
}

export function writeGolden(golden: GoldenFile, root = DEFAULT_GOLDEN_ROOT): string {
  const path = goldenPath(golden.source, root);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(golden, null, 2)}\n`);
  return path;
}

/**
 * Runs the source's discovery over its recorded discovery pages and its parser (the version valid at each
 * page's recording date) over every recorded article found there, plus the pages recorded apart (old designs).
 */
export function buildGolden(source: SourceConfig, sitesRoot = DEFAULT_FIXTURES_ROOT): GoldenFile {
  const discovered: string[] = [];
  const pages: GoldenPage[] = [];
  const recorded: RecordedPage[] = [];
  const pattern = source.discovery.urlPattern ? new RegExp(source.discovery.urlPattern) : undefined;
  for (const url of source.discovery.urls) {
    const listing = findRecordedPage(url, sitesRoot);
    if (!listing) throw new Error(`${source.id}: discovery page ${url} has not been recorded`);
    recorded.push(listing);
    const items = discoverItems(source, decodeHtml(readRecordedPage(listing, sitesRoot)).html, url);
    for (const post of items.posts) {
      discovered.push(post.url);
      const parsed = parseTelegramPost(source, post);
      pages.push({ url: post.url, file: listing.file, recordedAt: listing.recordedAt, ...golden(parsed) });
    }
    for (const link of items.links) {
      discovered.push(link.url);
      const page = findRecordedPage(link.url, sitesRoot);
      if (page) recorded.push(page);
    }
  }
  const hosts = new Set(source.discovery.urls.map(fixtureHostOf));
  for (const host of hosts) {
    for (const page of pagesRecordedApart(host, sitesRoot)) {
      const known = recorded.some((other) => other.file === page.file);
      if (!known && (!pattern || pattern.test(page.url))) recorded.push(page);
    }
  }
  const articles = recorded.filter((page) => !source.discovery.urls.includes(page.url));
  for (const page of uniqueByFile(articles)) {
    const html = decodeHtml(readRecordedPage(page, sitesRoot)).html;
    const parsed = parseArticlePage(source, { html, url: page.url, pageDate: new Date(page.recordedAt) });
    pages.push({ url: page.url, file: page.file, recordedAt: page.recordedAt, ...golden(parsed) });
  }
  return {
    source: source.id,
    reconstructed: recorded.some((page) => page.reconstructed),
    discovered,
    pages,
  };
}

function golden(parsed: { parser: string; output: SourcePageOutput }) {
  return { parser: parsed.parser, expected: parsed.output };
}

function uniqueByFile(pages: RecordedPage[]): RecordedPage[] {
  return pages.filter((page, index) => pages.findIndex((other) => other.file === page.file) === index);
}
