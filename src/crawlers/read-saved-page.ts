import pino from 'pino';
import type { CandidateArticle } from '../db/articles-repo.js';
import type { CrawlStats } from '../db/runs-repo.js';
import { canonicalizeUrl } from '../domain/canonical-url.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { createCrawlSession, finishCrawlSession, recordFailure } from './crawl-session.js';
import { decodeHtml } from './extract/decode-html.js';
import { sharedExtractor } from './extract/isolated-extractor.js';
import { MemoryCrawlPorts } from './memory-crawl-ports.js';
import { crawlRequest } from './routes/crawl-request.js';
import type { FetchedPage, Fetcher } from './routes/fetched-page.js';
import { routePage } from './routes/route-page.js';

const silent = pino({ level: 'silent' });

export interface SavedPage {
  bytes: Buffer;
  url: string;
  contentType?: string | null;
  httpStatus?: number;
  /** When the page was fetched or saved: its parser version is the one valid then, in the source's zone. */
  pageDate: Date;
}

/**
 * One article page fetched elsewhere (saved to a file, or fetched for an analyst), read exactly as a crawl
 * reads it: the page gate, then the article handler with the source's parser version and time zone.
 * Redirect stubs are not followed. Returns the candidate the crawl would store, or the failure.
 */
export async function readSavedPage(
  source: SourceConfig,
  page: SavedPage,
  options: { isolatedExtraction?: boolean } = {},
): Promise<{ candidate: CandidateArticle | undefined; stats: CrawlStats }> {
  const ports = new MemoryCrawlPorts(
    new Set(),
    options.isolatedExtraction
      ? (input, timeoutMs) => sharedExtractor().extract(input, timeoutMs)
      : undefined,
  );
  const session = createCrawlSession(source, {
    log: silent,
    referenceTime: page.pageDate,
    ports,
    pageDateOf: () => page.pageDate,
  });
  const fetched: FetchedPage = {
    request: crawlRequest(page.url, 'ARTICLE', { canonical: canonicalizeUrl(page.url) }),
    loadedUrl: page.url,
    bytes: page.bytes,
    html: decodeHtml(page.bytes, page.contentType ?? undefined, { maxBytes: source.limits.maxPageBytes })
      .html,
    httpStatus: page.httpStatus ?? 200,
    contentType: page.contentType ?? null,
    headers: {},
    retryCount: 0,
  };
  const fetcher: Fetcher = { enqueue: async () => {}, allowedByRobots: async () => true };
  await routePage(session, fetched, fetcher).catch((error: unknown) =>
    recordFailure(session, page.url, error),
  );
  const stats = await finishCrawlSession(session);
  return { candidate: ports.candidates[0], stats };
}
