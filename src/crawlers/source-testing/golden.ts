import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { canonicalizeUrl } from '../../domain/canonical-url.js';
import type { SourceConfig } from '../../sources/source-schema.js';
import { DEFAULT_FIXTURES_ROOT } from '../fixture-server.js';
import { type CrawlRequest, crawlRequest } from '../routes/crawl-request.js';
import { readCandidate, type SourcePageOutput } from './page-output.js';
import { fixtureHostOf, pagesRecordedApart } from './recorded-pages.js';
import { replayRecorded } from './replay-recorded.js';

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
 * Replays the source's crawl over its recorded pages (replay-recorded.ts: the production handlers, each page
 * read with the parser version of its recording date), plus the pages recorded apart (old designs) that its
 * URL pattern admits, and returns what was discovered and stored. A snapshot: it catches change, not error —
 * the hand-written expectations (test/fixtures/expectations/) say what is right.
 */
export async function buildGolden(
  source: SourceConfig,
  sitesRoot = DEFAULT_FIXTURES_ROOT,
): Promise<GoldenFile> {
  const replay = await replayRecorded(source, { sitesRoot });
  // Later listing pages and older channel pages may be missing; the first ones make the recording.
  for (const request of replay.unrecorded.filter(({ url }) => source.discovery.urls.includes(url))) {
    throw new Error(`${source.id}: discovery page ${request.url} has not been recorded`);
  }
  const apart = await replayRecorded(source, {
    sitesRoot,
    requests: pagesApart(source, sitesRoot, new Set(replay.stored.map(({ page }) => page.file))),
  });
  const pages = [...replay.stored, ...apart.stored].map(({ candidate, page }) => {
    const read = readCandidate(source, candidate);
    return {
      url: candidate.url,
      file: page.file,
      recordedAt: page.recordedAt,
      parser: read.parser,
      expected: read.output,
    };
  });
  return {
    source: source.id,
    reconstructed: [...replay.stored, ...apart.stored].some(({ page }) => page.reconstructed),
    discovered: replay.discovered,
    pages,
  };
}

/** Article requests for the pages of the source's hosts recorded at another moment, not reached by discovery. */
function pagesApart(source: SourceConfig, sitesRoot: string, reached: ReadonlySet<string>): CrawlRequest[] {
  const pattern = source.discovery.urlPattern ? new RegExp(source.discovery.urlPattern) : undefined;
  const hosts = new Set(source.discovery.urls.map(fixtureHostOf));
  return [...hosts]
    .flatMap((host) => pagesRecordedApart(host, sitesRoot))
    .filter((page) => !reached.has(page.file) && (!pattern || pattern.test(page.url)))
    .map((page) => crawlRequest(page.url, 'ARTICLE', { canonical: canonicalizeUrl(page.url) }));
}
