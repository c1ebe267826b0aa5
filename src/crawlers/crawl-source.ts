import {
  Configuration,
  log as crawleeLog,
  HttpCrawler,
  type HttpCrawlingContext,
  LogLevel,
  MemoryStorage,
  NonRetryableError,
  PlaywrightCrawler,
  type PlaywrightCrawlingContext,
  type RequestOptions,
  type RobotsTxtFile,
} from 'crawlee';
import { chromium } from 'playwright-core';
import type { SourceConfig } from '../config/source-schema.js';
import { filterUnknownUrls } from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import { type CrawlStats, emptyCrawlStats, getRun, recordHeartbeat } from '../db/runs-repo.js';
import { canonicalizeUrl } from '../domain/canonical-url.js';
import type { Logger } from '../logger.js';
import { Backlog } from './backlog.js';
import { CandidateWriter } from './candidate-writer.js';
import type { DiscoveredLink } from './discovery/discovered-link.js';
import { parseFeed } from './discovery/parse-feed.js';
import { parseListing } from './discovery/parse-listing.js';
import { parseSitemap } from './discovery/parse-sitemap.js';
import { parseTelegramChannel, type TelegramPost } from './discovery/parse-telegram.js';
import { findClientRedirect } from './extract/client-redirect.js';
import { decodeHtml } from './extract/decode-html.js';
import { type ExtractedArticle, failedExtraction } from './extract/extract-article.js';
import { ExtractionFailedError, sharedExtractor } from './extract/isolated-extractor.js';
import { settledContent } from './extract/settled-content.js';
import { BACKOFF_STATUSES, backoffDelayMs, retryAfterMs } from './politeness/backoff.js';
import {
  conditionalHeaders,
  NOT_MODIFIED_MIME_TYPE,
  rememberValidators,
  type Validators,
  validatorsOf,
} from './politeness/fetch-cache.js';
import { isTooOldToFetch } from './politeness/max-age.js';

// Our own handlers report every failure through pino; Crawlee's console logger would mix into stdout.
crawleeLog.setLevel(LogLevel.OFF);

export interface CrawlDeps {
  db: Database;
  log: Logger;
  userAgent: string;
  /** Called once new candidates are safely in Postgres, a batch at a time (distributed mode enqueues them). */
  onCandidatesStored?: (articleIds: number[]) => Promise<void>;
  /** Chromium for `crawler: playwright` sources (Debian's by default). */
  chromiumPath?: string;
}

type Label = 'FEED' | 'SITEMAP' | 'LISTING' | 'TELEGRAM' | 'ARTICLE';

/**
 * Crawlee refuses what robots.txt forbids only once it is queued; discovery asks first (Crawlee's answer, from
 * the robots.txt it fetched once per origin), so that a listing page whose new links are all forbidden counts as
 * bringing nothing new and pagination stops there. An unreachable robots.txt allows everything, as for Crawlee.
 */
async function allowedBy(robots: Promise<RobotsTxtFile | undefined>, url: string): Promise<boolean> {
  return (await robots)?.isAllowed(url) ?? true;
}

class RobotsAwareHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  allowedByRobots(url: string): Promise<boolean> {
    return allowedBy(this.getRobotsTxtFileForUrl(url), url);
  }
}

class RobotsAwarePlaywrightCrawler extends PlaywrightCrawler {
  allowedByRobots(url: string): Promise<boolean> {
    return allowedBy(this.getRobotsTxtFileForUrl(url), url);
  }
}

/** What a handler needs of a fetched page, whichever crawler fetched it. */
interface FetchedPage {
  url: string;
  loadedUrl: string;
  label: Label;
  userData: Record<string, unknown>;
  html: string;
  httpStatus: number | null;
  contentType: string | null;
  /** Response headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** How many times Crawlee has retried this request already. */
  retryCount: number;
  addRequests(requests: RequestOptions[]): Promise<unknown>;
}

const FEED_MIME_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'text/plain'];
const HEARTBEAT_EVERY_MS = 2_000;
const MAX_BROWSER_PAGES = 2;
// mvd.ru → мвд.рф and similar stubs chain at most a couple of hops; more is a loop.
const MAX_CLIENT_REDIRECTS = 3;
// Article pages fetched but not extracted yet, in characters: a few dozen real pages, or one huge one.
const MAX_BACKLOG_CHARS = 8_000_000;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const startLabel: Record<SourceConfig['discovery']['strategy'], Label> = {
  rss: 'FEED',
  sitemap: 'SITEMAP',
  listing: 'LISTING',
  telegram: 'TELEGRAM',
};

/**
 * One crawl of one source: discovery pages, then every article URL not stored yet.
 * Each candidate is written to Postgres before anything else hears of it.
 */
export async function crawlSource(source: SourceConfig, runId: number, deps: CrawlDeps): Promise<CrawlStats> {
  const stats = emptyCrawlStats();
  const log = deps.log.child({ source: source.id, runId });
  const urlPattern = source.discovery.urlPattern ? new RegExp(source.discovery.urlPattern) : undefined;
  const queuedArticles = new Set<string>();
  let lastHeartbeat = 0;
  // Replays of recorded sites judge ages against the recording time; live crawls against now.
  const referenceTime = (await getRun(deps.db, runId))?.reference_time ?? new Date();
  // The extraction thread loads its parsers while discovery pages download (a Telegram crawl fetches no article).
  if (source.discovery.strategy !== 'telegram') sharedExtractor().warmUp();
  const candidates = candidateWriter(deps, stats, log);
  const articles = new Backlog(MAX_BACKLOG_CHARS);

  /** Queues the article links not seen before that robots.txt allows; returns how many there were. */
  const enqueueArticles = async (page: FetchedPage, links: DiscoveredLink[]): Promise<number> => {
    const byCanonical = new Map<string, DiscoveredLink>();
    for (const link of links) {
      if (urlPattern && !urlPattern.test(link.url)) continue;
      if (isTooOldToFetch(link.publishedAt, referenceTime, source.limits.maxAgeDays)) continue;
      const canonical = tryCanonicalize(link.url);
      if (canonical && !queuedArticles.has(canonical)) byCanonical.set(canonical, link);
    }
    stats.articlesDiscovered += byCanonical.size;
    const unknown = await filterUnknownUrls(deps.db, [...byCanonical.keys()]);
    stats.alreadyKnown += byCanonical.size - unknown.size;
    const verdicts = await Promise.all(
      [...unknown].map(async (canonical) => ({
        canonical,
        allowed: await crawler.allowedByRobots(byCanonical.get(canonical)!.url),
      })),
    );
    const fetchable = verdicts.filter((verdict) => verdict.allowed).map((verdict) => verdict.canonical);
    stats.robotsBlocked += unknown.size - fetchable.length;
    const budget = Math.max(0, source.limits.maxArticles - queuedArticles.size);
    const toFetch = fetchable.slice(0, budget);
    for (const canonical of toFetch) queuedArticles.add(canonical);
    await page.addRequests(
      toFetch.map((canonical) => {
        const link = byCanonical.get(canonical)!;
        return {
          url: link.url,
          label: 'ARTICLE',
          userData: { canonical, listedAt: link.publishedAt ?? null },
        };
      }),
    );
    return fetchable.length;
  };

  /** A Telegram post is complete on the channel page: it is stored at once, with no article page to fetch. */
  const storeTelegramPosts = async (page: FetchedPage, posts: TelegramPost[]): Promise<number> => {
    const byCanonical = new Map<string, TelegramPost>();
    for (const post of posts) {
      const canonical = urlPattern && !urlPattern.test(post.url) ? undefined : tryCanonicalize(post.url);
      if (canonical && !queuedArticles.has(canonical)) byCanonical.set(canonical, post);
    }
    stats.articlesDiscovered += byCanonical.size;
    const unknown = await filterUnknownUrls(deps.db, [...byCanonical.keys()]);
    stats.alreadyKnown += byCanonical.size - unknown.size;
    const budget = Math.max(0, source.limits.maxArticles - queuedArticles.size);
    for (const canonical of [...unknown].slice(0, budget)) {
      queuedArticles.add(canonical);
      const post = byCanonical.get(canonical)!;
      const publishedAt = post.publishedAt ? new Date(post.publishedAt) : null;
      const validDate = publishedAt && !Number.isNaN(publishedAt.getTime()) ? publishedAt : null;
      await candidates.add({
        sourceId: source.id,
        runId,
        url: post.url,
        canonicalUrl: canonical,
        title: post.title,
        body: post.body,
        publishedAt: validDate?.toISOString() ?? null,
        extraction: {
          missing: validDate ? [] : ['publishedAt'],
          errors: [],
          htmlLang: null,
          loadedUrl: page.loadedUrl,
          listedAt: post.publishedAt,
        },
        page: { html: post.html, httpStatus: page.httpStatus, contentType: page.contentType },
      });
    }
    return unknown.size;
  };

  /** Never rejects: a page the extractor fails on is stored without fields. */
  const extractAndStore = async (page: FetchedPage): Promise<void> => {
    const extracted = await sharedExtractor()
      .extract(
        {
          html: page.html,
          url: page.loadedUrl,
          selectors: source.article,
          timezone: source.timezone,
          now: referenceTime,
        },
        source.limits.timeoutSecs * 1000,
      )
      .catch((error: unknown) => extractionFailure(page, error));
    for (const field of extracted.missing) stats.extractionsMissing[field] += 1;
    await candidates.add({
      sourceId: source.id,
      runId,
      url: page.url,
      canonicalUrl: String(page.userData.canonical),
      title: extracted.title,
      body: extracted.body,
      publishedAt: extracted.publishedAt,
      extraction: {
        missing: extracted.missing,
        errors: extracted.errors,
        htmlLang: extracted.htmlLang,
        loadedUrl: page.loadedUrl,
        listedAt: page.userData.listedAt ?? null,
      },
      page: { html: page.html, httpStatus: page.httpStatus, contentType: page.contentType },
    });
  };

  const handlers: Record<Label, (page: FetchedPage) => Promise<void>> = {
    async FEED(page) {
      await enqueueArticles(page, parseFeed(page.html, page.loadedUrl));
    },
    async SITEMAP(page) {
      const parsed = parseSitemap(page.html, page.loadedUrl);
      await page.addRequests(parsed.sitemaps.map((url) => ({ url, label: 'SITEMAP' })));
      await enqueueArticles(page, parsed.articles);
    },
    async LISTING(page) {
      const pageNumber = Number(page.userData.page ?? 1);
      const { linkSelector, nextPageSelector } = source.discovery;
      if (!linkSelector) throw new NonRetryableError('listing strategy without discovery.linkSelector');
      const listing = parseListing(page.html, page.loadedUrl, { linkSelector, nextPageSelector });
      const newLinks = await enqueueArticles(page, listing.articles);
      // Older pages can only hold older articles: once a page brings nothing new, the rest is known.
      if (listing.nextPage && newLinks > 0 && pageNumber < source.discovery.maxPages) {
        await page.addRequests([
          { url: listing.nextPage, label: 'LISTING', userData: { page: pageNumber + 1 } },
        ]);
      }
    },
    async TELEGRAM(page) {
      const pageNumber = Number(page.userData.page ?? 1);
      const channel = parseTelegramChannel(page.html, page.loadedUrl);
      const newPosts = await storeTelegramPosts(page, channel.posts);
      if (channel.olderPage && newPosts > 0 && pageNumber < source.discovery.maxPages) {
        await page.addRequests([
          { url: channel.olderPage, label: 'TELEGRAM', userData: { page: pageNumber + 1 } },
        ]);
      }
    },
    async ARTICLE(page) {
      stats.articlePagesFetched += 1;
      await articles.add(extractAndStore(page), page.html.length);
    },
  };

  const discoveryValidators = new Map<string, Validators>();
  /** A page that kills or hangs the parser is stored without fields (filed as extraction_failed), once. */
  const extractionFailure = (page: FetchedPage, error: unknown): ExtractedArticle => {
    const kind = error instanceof ExtractionFailedError ? error.kind : 'extraction_error';
    const message = error instanceof Error ? error.message : String(error);
    stats.errors.push({ url: page.url, kind, message });
    log.warn({ url: page.url, kind }, message);
    return failedExtraction(message);
  };

  /** Waits as a 429/503 asks, then fails the attempt so that Crawlee retries it. */
  const backOff = async (page: FetchedPage): Promise<never> => {
    const asked = retryAfterMs(String(page.headers['retry-after'] ?? ''));
    const delay = backoffDelayMs(page.retryCount, asked);
    if (delay === null)
      throw new NonRetryableError(`HTTP ${page.httpStatus}, Retry-After ${asked} ms is too long`);
    log.info({ url: page.url, status: page.httpStatus, delayMs: delay }, 'backing off');
    await new Promise((resolve) => setTimeout(resolve, delay));
    throw new Error(`HTTP ${page.httpStatus} after waiting ${delay} ms`);
  };

  const handlePage = async (page: FetchedPage) => {
    stats.pagesFetched += 1;
    if (page.httpStatus === 304) {
      log.info({ url: page.url }, 'not modified');
      return;
    }
    // Accepted only so that bodiless 304s get through; a real binary download is no page.
    if (page.contentType?.startsWith(NOT_MODIFIED_MIME_TYPE))
      throw new NonRetryableError(`unsupported content type ${page.contentType}`);
    if (page.httpStatus !== null && BACKOFF_STATUSES.includes(page.httpStatus)) await backOff(page);
    if (page.httpStatus !== null && page.httpStatus >= 400)
      throw new NonRetryableError(`HTTP ${page.httpStatus}`);
    const redirect =
      page.label === 'FEED' || page.label === 'SITEMAP'
        ? null
        : findClientRedirect(page.html, page.loadedUrl);
    const hops = Number(page.userData.clientRedirects ?? 0);
    if (redirect && hops >= MAX_CLIENT_REDIRECTS)
      throw new NonRetryableError(`client redirect loop at ${redirect}`);
    if (redirect) {
      const userData = { ...page.userData, clientRedirects: hops + 1 };
      // A key per hop, so that a loop back to a fetched URL reaches the hop limit instead of vanishing.
      const uniqueKey = `${redirect}#client-redirect-${hops + 1}`;
      await page.addRequests([{ url: redirect, uniqueKey, label: page.label, userData }]);
      return;
    }
    await handlers[page.label](page);
    const validators = page.label === 'ARTICLE' ? null : validatorsOf(page.headers);
    if (validators) discoveryValidators.set(page.url, validators);
    if (Date.now() - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
      lastHeartbeat = Date.now();
      await recordHeartbeat(deps.db, runId, stats);
    }
  };

  const common = {
    maxRequestRetries: 2,
    respectRobotsTxtFile: true,
    // 429 is ours to handle (Retry-After, backoff), not a reason for Crawlee to retire the session at once.
    sessionPoolOptions: { blockedStatusCodes: [] },
    sameDomainDelaySecs: source.limits.requestDelayMs / 1000,
    navigationTimeoutSecs: source.limits.timeoutSecs,
    requestHandlerTimeoutSecs: source.limits.timeoutSecs * 2,
    onSkippedRequest: async ({ url, reason }: { url: string; reason: string }) => {
      if (reason === 'robotsTxt') stats.robotsBlocked += 1;
      log.info({ url, reason }, 'skipped');
    },
    failedRequestHandler: async ({ request }: { request: { url: string } }, error: Error) => {
      const kind = classifyError(error);
      const message = error.message.split('\n')[0] ?? String(error);
      stats.errors.push({ url: request.url, kind, message });
      log.warn({ url: request.url, kind }, message);
    },
  };
  // A storage of its own per crawl: runs in one process must not share Crawlee's default request queue.
  const configuration = new Configuration({
    persistStorage: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
  });

  const crawler =
    source.crawler === 'playwright'
      ? new RobotsAwarePlaywrightCrawler(
          {
            ...common,
            maxConcurrency: Math.min(source.limits.maxConcurrency, MAX_BROWSER_PAGES),
            launchContext: {
              launcher: chromium,
              userAgent: deps.userAgent,
              launchOptions: {
                executablePath: deps.chromiumPath ?? '/usr/bin/chromium',
                args: CHROMIUM_ARGS,
              },
            },
            requestHandler: async (context: PlaywrightCrawlingContext) => {
              const { request, response, page } = context;
              await handlePage({
                url: request.url,
                loadedUrl: page.url(),
                label: request.label as Label,
                userData: request.userData,
                html: await settledContent(page, source.limits.timeoutSecs * 1000),
                httpStatus: response?.status() ?? null,
                contentType: (await response?.headerValue('content-type')) ?? null,
                headers: (await response?.allHeaders()) ?? {},
                retryCount: request.retryCount,
                addRequests: (requests) => context.addRequests(requests),
              });
            },
          },
          configuration,
        )
      : new RobotsAwareHttpCrawler(
          {
            ...common,
            maxConcurrency: source.limits.maxConcurrency,
            additionalMimeTypes: [...FEED_MIME_TYPES, NOT_MODIFIED_MIME_TYPE],
            // Hand the raw bytes to decodeHtml, which also honours <meta charset> (Crawlee reads only the header).
            forceResponseEncoding: 'binary',
            // 429/503 reach the handler, which reads Retry-After before retrying.
            ignoreHttpErrorStatusCodes: [...BACKOFF_STATUSES],
            preNavigationHooks: [
              async ({ request }, gotOptions) => {
                const conditional =
                  request.label === 'ARTICLE' ? {} : await conditionalHeaders(deps.db, request.url);
                gotOptions.headers = { ...gotOptions.headers, ...conditional, 'user-agent': deps.userAgent };
              },
            ],
            requestHandler: async (context: HttpCrawlingContext) => {
              const { request, response, body } = context;
              const bytes = typeof body === 'string' ? Buffer.from(body, 'binary') : body;
              if (bytes.length > source.limits.maxPageBytes) {
                throw new NonRetryableError(
                  `page of ${bytes.length} bytes exceeds maxPageBytes ${source.limits.maxPageBytes}`,
                );
              }
              const contentType = String(response.headers['content-type'] ?? '') || null;
              await handlePage({
                url: request.url,
                loadedUrl: request.loadedUrl ?? request.url,
                label: request.label as Label,
                userData: request.userData,
                html: decodeHtml(bytes, contentType ?? undefined).html,
                httpStatus: response.statusCode ?? null,
                contentType,
                headers: response.headers,
                retryCount: request.retryCount,
                addRequests: (requests) => context.addRequests(requests),
              });
            },
          },
          configuration,
        );

  log.info(
    { strategy: source.discovery.strategy, crawler: source.crawler, urls: source.discovery.urls },
    'crawl started',
  );
  try {
    await crawler.run(
      source.discovery.urls.map((url) => ({ url, label: startLabel[source.discovery.strategy] })),
    );
  } finally {
    // What a failing crawl fetched is stored all the same.
    await articles.drain().finally(() => candidates.flush());
  }
  // A 304 next time skips every link behind a page: only a crawl that fetched all of them may allow that.
  if (stats.errors.length === 0 && queuedArticles.size < source.limits.maxArticles) {
    await rememberValidators(deps.db, discoveryValidators);
  }
  await recordHeartbeat(deps.db, runId, stats);
  log.info({ ...stats, errors: stats.errors.length }, 'crawl finished');
  return stats;
}

/** Stores the crawl's candidates in batches, counting and enqueueing the new ones and recording failures. */
function candidateWriter(deps: CrawlDeps, stats: CrawlStats, log: Logger): CandidateWriter {
  return new CandidateWriter({
    db: deps.db,
    onStored: async (articleIds) => {
      stats.candidatesStored += articleIds.length;
      // The articles are safe in Postgres already: if the queue is down, recovery enqueues them later.
      await deps.onCandidatesStored?.(articleIds).catch((error: unknown) => {
        log.warn({ articleIds, err: error }, 'stored candidates not enqueued');
      });
    },
    onFailed: (candidate, error) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      stats.errors.push({ url: candidate.url, kind: classifyError(failure), message: failure.message });
      log.warn({ url: candidate.url, err: failure }, 'candidate not stored');
    },
  });
}

function tryCanonicalize(url: string): string | undefined {
  try {
    return canonicalizeUrl(url);
  } catch {
    return undefined;
  }
}

function classifyError(error: Error): string {
  const message = error.message;
  const http = /HTTP (\d{3})|^(\d{3}) - /.exec(message);
  if (http) return `http_${http[1] ?? http[2]}`;
  if (/timed? ?out|ETIMEDOUT/i.test(message)) return 'timeout';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|net::ERR_/.test(message))
    return 'unreachable';
  if (/maxPageBytes/.test(message)) return 'too_large';
  return 'error';
}
