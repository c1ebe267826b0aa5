import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RobotsTxtFile } from 'crawlee';
import pino from 'pino';
import type { CandidateArticle } from '../../db/articles-repo.js';
import type { CrawlStats } from '../../db/runs-repo.js';
import type { SourceConfig } from '../../sources/source-schema.js';
import { createCrawlSession, finishCrawlSession, recordFailure } from '../crawl-session.js';
import { decodeHtml } from '../extract/decode-html.js';
import { DEFAULT_FIXTURES_ROOT, recordedContentType } from '../fixture-server.js';
import { MemoryCrawlPorts } from '../memory-crawl-ports.js';
import { type CrawlRequest, startRequests } from '../routes/crawl-request.js';
import type { FetchedPage, Fetcher } from '../routes/fetched-page.js';
import { routePage } from '../routes/route-page.js';
import {
  findRecordedPage,
  fixtureHostOf,
  type RecordedPage,
  readRecordedPage,
  readSiteMeta,
} from './recorded-pages.js';

/** What a replay of recorded pages produced. */
export interface Replay {
  /** Article URLs discovery found (of the URL pattern, not too old), in the order it found them. */
  discovered: string[];
  /** The candidates the handlers stored, each with the recorded page it came from. */
  stored: Array<{ candidate: CandidateArticle; page: RecordedPage }>;
  /** Recorded discovery pages (feeds, sitemaps, listings, channels) the replay read, as paths under the root. */
  visited: string[];
  /** Requests that had no recorded page (discovery pages among them are a broken recording). */
  unrecorded: CrawlRequest[];
  stats: CrawlStats;
}

export interface ReplayOptions {
  sitesRoot?: string;
  /** Where to start; by default the source's discovery URLs. */
  requests?: CrawlRequest[];
  /** The moment ages are judged against; by default the `asOf` of the first request's recorded site. */
  referenceTime?: Date;
}

const silent = pino({ level: 'silent' });

/**
 * A crawl of a source over its recorded pages, read from disk instead of fetched: the production handlers and
 * page gate (routes/), with memory ports, each page read with the parser version of its recording date. The
 * golden snapshots and the hand-written expectations are checked on what this produces.
 */
export async function replayRecorded(source: SourceConfig, options: ReplayOptions = {}): Promise<Replay> {
  const root = options.sitesRoot ?? DEFAULT_FIXTURES_ROOT;
  const requests = options.requests ?? startRequests(source.discovery);
  const ports = new MemoryCrawlPorts();
  const referenceTime = options.referenceTime ?? siteAsOf(requests[0]?.url, root);
  const discovered: string[] = [];
  const session = createCrawlSession(source, {
    log: silent,
    referenceTime,
    ports,
    pageDateOf: (url) => {
      const recorded = findRecordedPage(url, root);
      return recorded ? new Date(recorded.recordedAt) : referenceTime;
    },
    observer: { discovered: (_page, urls) => discovered.push(...urls) },
  });
  const queue = [...requests];
  const unrecorded: CrawlRequest[] = [];
  const visited: string[] = [];
  const pageOf = new Map<string, RecordedPage>();
  const fetcher: Fetcher = {
    enqueue: async (more) => {
      queue.push(...more);
    },
    allowedByRobots: async (url) => recordedRobots(url, root)?.isAllowed(url) ?? true,
  };
  const seen = new Set<string>();
  for (let request = queue.shift(); request; request = queue.shift()) {
    const key = request.uniqueKey ?? request.url;
    if (seen.has(key)) continue;
    seen.add(key);
    const recorded = findRecordedPage(request.url, root);
    if (!recorded) {
      unrecorded.push(request);
      continue;
    }
    pageOf.set(request.url, recorded);
    if (request.label !== 'ARTICLE') visited.push(recorded.file);
    await routePage(session, recordedFetch(request, recorded, root), fetcher).catch((error: unknown) =>
      recordFailure(session, request.url, error),
    );
  }
  const stats = await finishCrawlSession(session);
  const stored = ports.candidates.map((candidate) => ({
    candidate,
    page: pageOf.get(candidate.url) ?? pageOf.get(String(candidate.extraction.loadedUrl))!,
  }));
  return { discovered, stored, visited, unrecorded, stats };
}

/** A recorded page as the fixture server would answer it: status 200, its content type, its own bytes. */
function recordedFetch(request: CrawlRequest, recorded: RecordedPage, root: string): FetchedPage {
  const bytes = readRecordedPage(recorded, root);
  const contentType = recordedContentType(recorded.file, bytes);
  return {
    request,
    loadedUrl: request.url,
    bytes,
    html: decodeHtml(bytes, contentType).html,
    httpStatus: 200,
    contentType,
    headers: {},
    retryCount: 0,
  };
}

function siteAsOf(url: string | undefined, root: string): Date {
  const asOf = url ? readSiteMeta(fixtureHostOf(url), root)?.asOf : undefined;
  return asOf ? new Date(asOf) : new Date();
}

/** The recorded site's robots.txt, as Crawlee reads it, or undefined when none was recorded. */
function recordedRobots(url: string, root: string): RobotsTxtFile | undefined {
  const file = join(root, fixtureHostOf(url), 'robots.txt');
  return existsSync(file)
    ? RobotsTxtFile.from(new URL('/robots.txt', url).href, readFileSync(file, 'utf8'))
    : undefined;
}
