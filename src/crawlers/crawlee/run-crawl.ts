import { totalmem } from 'node:os';
import {
  Configuration,
  log as crawleeLog,
  type HttpCrawlingContext,
  LogLevel,
  MemoryStorage,
  type PlaywrightCrawlingContext,
  type Request,
  type RequestProvider,
} from 'crawlee';
import { chromium } from 'playwright-core';
import type { CrawlStats } from '../../db/runs-repo.js';
import { isRetryable, PageTooLargeError } from '../crawl-errors.js';
import { type CrawlSession, finishCrawlSession, recordFailure } from '../crawl-session.js';
import { decodeHtml } from '../extract/decode-html.js';
import { settledContent } from '../extract/settled-content.js';
import { BACKOFF_STATUSES } from '../politeness/backoff.js';
import { type CrawlRequest, parseCrawlRequest, startRequests } from '../routes/crawl-request.js';
import type { FetchedPage, Fetcher } from '../routes/fetched-page.js';
import { routePage } from '../routes/route-page.js';
import { BoundedHttpCrawler } from './bounded-http-crawler.js';
import { CHROMIUM_ARGS, RobotsAwarePlaywrightCrawler } from './browser-crawler.js';
import { MemoryRequestManager } from './memory-request-manager.js';

// Our own handlers report every failure through pino; Crawlee's console logger would mix into stdout.
crawleeLog.setLevel(LogLevel.OFF);

export interface CrawlerDeps {
  userAgent: string;
  /** Chromium for `crawler: playwright` sources (Debian's by default). */
  chromiumPath?: string | undefined;
}

const MAX_BROWSER_PAGES = 2;

/**
 * Runs one crawl session with Crawlee: the discovery URLs first, then whatever the handlers queue. This file
 * only wires Crawlee to the handlers (routes/): its context becomes a FetchedPage, its queue the Fetcher,
 * and a failure Crawlee gives up on is recorded with its kind.
 */
export async function runCrawl(session: CrawlSession, deps: CrawlerDeps): Promise<CrawlStats> {
  const crawler =
    session.source.crawler === 'playwright' ? browserCrawler(session, deps) : httpCrawler(session, deps);
  const { discovery, crawler: kind } = session.source;
  session.log.info({ strategy: discovery.strategy, crawler: kind, urls: discovery.urls }, 'crawl started');
  try {
    await crawler.run(startRequests(discovery).map(toCrawleeRequest));
  } catch (error) {
    // What a failing crawl fetched is stored all the same.
    await session.backlog.drain().finally(() => session.ports.flush());
    throw error;
  }
  const stats = await finishCrawlSession(session);
  session.log.info({ ...stats, errors: stats.errors.length }, 'crawl finished');
  return stats;
}

function toCrawleeRequest(request: CrawlRequest) {
  return { url: request.url, label: request.label, userData: request.userData, uniqueKey: request.uniqueKey };
}

/** Options both crawlers share: politeness, timeouts, robots.txt, and how failures are retried and recorded. */
function commonOptions(session: CrawlSession) {
  const { limits } = session.source;
  return {
    // Crawlee 3.18 types `requestManager` but its option check refuses it; `requestQueue` takes any object that
    // fetches and adds requests, and the crawler then uses it as its request manager.
    requestQueue: new MemoryRequestManager() as unknown as RequestProvider,
    maxRequestRetries: 2,
    respectRobotsTxtFile: true,
    // 429 is ours to handle (Retry-After, backoff), not a reason for Crawlee to retire the session at once.
    sessionPoolOptions: { blockedStatusCodes: [] },
    sameDomainDelaySecs: limits.requestDelayMs / 1000,
    // The source's politeness sets the concurrency: from the first request, not after Crawlee's ramp-up.
    minConcurrency: Math.min(
      limits.maxConcurrency,
      session.source.crawler === 'playwright' ? MAX_BROWSER_PAGES : limits.maxConcurrency,
    ),
    navigationTimeoutSecs: limits.timeoutSecs,
    requestHandlerTimeoutSecs: limits.timeoutSecs * 2,
    onSkippedRequest: async ({ url, reason }: { url: string; reason: string }) => {
      if (reason === 'robotsTxt') session.stats.robotsBlocked += 1;
      session.log.info({ url, reason }, 'skipped');
    },
    // Our failures say whether another attempt may help; Crawlee's own NonRetryableError is honoured as well.
    errorHandler: async ({ request }: { request: Request }, error: Error) => {
      if (!isRetryable(error)) request.noRetry = true;
    },
    failedRequestHandler: async ({ request }: { request: Request }, error: Error) => {
      recordFailure(session, request.url, error);
    },
  };
}

// Crawlee samples the system (it spawns `ps` for memory) every second per crawler, to autoscale; our crawls run at
// their source's fixed concurrency, and a cycle runs many crawls at once: a sample every 10 s is plenty, and the
// memory it may use is stated (a quarter of the machine's, its default) instead of measured with `ps` per crawl.
const SYSTEM_INFO_EVERY_MS = 10_000;
const CRAWLEE_MEMORY_MB = Math.round(totalmem() / 4 / 2 ** 20);

/** A storage of its own per crawl: runs in one process must not share Crawlee's default request queue. */
function ownStorage(): Configuration {
  return new Configuration({
    persistStorage: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    systemInfoIntervalMillis: SYSTEM_INFO_EVERY_MS,
    memoryMbytes: CRAWLEE_MEMORY_MB,
  });
}

function fetcherOf(
  crawler: { allowedByRobots(url: string): Promise<boolean> },
  addRequests: (requests: ReturnType<typeof toCrawleeRequest>[]) => Promise<unknown>,
): Fetcher {
  return {
    enqueue: async (requests) => {
      if (requests.length > 0) await addRequests(requests.map(toCrawleeRequest));
    },
    allowedByRobots: (url) => crawler.allowedByRobots(url),
  };
}

function httpCrawler(session: CrawlSession, deps: CrawlerDeps): BoundedHttpCrawler {
  const { limits } = session.source;
  const crawler: BoundedHttpCrawler = new BoundedHttpCrawler(
    {
      ...commonOptions(session),
      maxConcurrency: limits.maxConcurrency,
      // 429/503 reach the handler, which reads Retry-After before retrying.
      ignoreHttpErrorStatusCodes: [...BACKOFF_STATUSES],
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          const conditional =
            request.label === 'ARTICLE' ? {} : await session.ports.conditionalHeaders(request.url);
          gotOptions.headers = { ...gotOptions.headers, ...conditional, 'user-agent': deps.userAgent };
          // We announce ourselves (User-Agent): no browser-like headers to generate for every request.
          gotOptions.useHeaderGenerator = false;
        },
      ],
      requestHandler: async (context: HttpCrawlingContext) => {
        const { request, response, body } = context;
        const bytes = typeof body === 'string' ? Buffer.from(body, 'binary') : body;
        const contentType = String(response.headers['content-type'] ?? '') || null;
        const page: FetchedPage = {
          request: parseCrawlRequest({ url: request.url, label: request.label, userData: request.userData }),
          loadedUrl: request.loadedUrl ?? request.url,
          bytes,
          html: decodeHtml(bytes, contentType ?? undefined, { maxBytes: limits.maxPageBytes }).html,
          httpStatus: response.statusCode ?? null,
          contentType,
          headers: response.headers,
          retryCount: request.retryCount,
        };
        await routePage(
          session,
          page,
          fetcherOf(crawler, (requests) => context.addRequests(requests)),
        );
      },
    },
    ownStorage(),
    limits.maxPageBytes,
  );
  return crawler;
}

function browserCrawler(session: CrawlSession, deps: CrawlerDeps): RobotsAwarePlaywrightCrawler {
  const { limits } = session.source;
  const crawler: RobotsAwarePlaywrightCrawler = new RobotsAwarePlaywrightCrawler(
    {
      ...commonOptions(session),
      maxConcurrency: Math.min(limits.maxConcurrency, MAX_BROWSER_PAGES),
      launchContext: {
        launcher: chromium,
        userAgent: deps.userAgent,
        launchOptions: { executablePath: deps.chromiumPath ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
      requestHandler: async (context: PlaywrightCrawlingContext) => {
        const { request, response, page } = context;
        const html = await settledContent(page, limits.timeoutSecs * 1000);
        // The browser has read the page already: the limit can only refuse it here.
        if (html.length > limits.maxPageBytes) {
          throw new PageTooLargeError(`rendered page of ${html.length} characters exceeds maxPageBytes`);
        }
        const fetched: FetchedPage = {
          request: parseCrawlRequest({ url: request.url, label: request.label, userData: request.userData }),
          loadedUrl: page.url(),
          bytes: Buffer.from(html),
          html,
          httpStatus: response?.status() ?? null,
          contentType: (await response?.headerValue('content-type')) ?? null,
          headers: (await response?.allHeaders()) ?? {},
          retryCount: request.retryCount,
        };
        await routePage(
          session,
          fetched,
          fetcherOf(crawler, (requests) => context.addRequests(requests)),
        );
      },
    },
    ownStorage(),
  );
  return crawler;
}
