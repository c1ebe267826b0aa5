import type { CandidateArticle } from '../db/articles-repo.js';
import { type CrawlStats, emptyCrawlStats } from '../db/runs-repo.js';
import type { Logger } from '../logger.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { Backlog } from './backlog.js';
import { errorKindOf, errorSummary } from './crawl-errors.js';
import type { ExtractArticleInput, ExtractedArticle } from './extract/extract-article.js';
import type { Validators } from './politeness/fetch-cache.js';
import type { FetchedPage } from './routes/fetched-page.js';

/**
 * Where a crawl keeps what it finds and asks what is known: Postgres for crawls (db-crawl-ports.ts), memory for
 * replays of recorded pages and operators' checks (memory-crawl-ports.ts). Everything else of a crawl — the
 * handlers, the page gate, the parser choice — is the same code whichever ports it runs with.
 */
export interface CrawlPorts {
  /** The canonical URLs among `canonicals` that are not stored yet. */
  unknownUrls(canonicals: readonly string[]): Promise<Set<string>>;
  /** Keeps one candidate (the Postgres port writes them in batches). */
  store(candidate: CandidateArticle): Promise<void>;
  /** Runs the article extractor on one page, within `timeoutMs`. */
  extract(input: ExtractArticleInput, timeoutMs: number): Promise<ExtractedArticle>;
  /** Validators (If-None-Match, If-Modified-Since) to send with a discovery page. */
  conditionalHeaders(url: string): Promise<Record<string, string>>;
  /** Keeps the validators of a crawl's discovery pages for the next crawl. */
  rememberValidators(validators: ReadonlyMap<string, Validators>): Promise<void>;
  /** Told after every handled page (the Postgres port records a heartbeat now and then) and at the end. */
  progress(stats: CrawlStats, final: boolean): Promise<void>;
  /** Waits until every candidate given to `store` is kept. */
  flush(): Promise<void>;
}

/** Watches a crawl without changing it: operators' checks print what discovery found and save fetched pages. */
export interface CrawlObserver {
  page?(page: FetchedPage): void;
  discovered?(pageUrl: string, articleUrls: readonly string[]): void;
}

/** The state of one crawl of one source, handed explicitly to every handler. */
export interface CrawlSession {
  readonly source: SourceConfig;
  /** The crawl_runs row (null for replays and checks). */
  readonly runId: number | null;
  readonly log: Logger;
  readonly stats: CrawlStats;
  /** Article ages are judged against it: now for live crawls, the recording time for replays. */
  readonly referenceTime: Date;
  /** The moment a page is read at, to choose its parser version: the crawl's, or the page's recording time. */
  readonly pageDateOf: (url: string) => Date;
  /** The live site's URL of a fetched URL (a replay serves copies elsewhere); urlPattern is written for those. */
  readonly liveUrlOf: (url: string) => string;
  readonly urlPattern: RegExp | undefined;
  /** Canonical URLs queued for fetching (or stored, for Telegram posts) in this crawl. */
  readonly queued: Set<string>;
  /** Validators of the discovery pages fetched, kept only if the whole crawl succeeds. */
  readonly validators: Map<string, Validators>;
  /** Article pages fetched but not extracted yet. */
  readonly backlog: Backlog;
  readonly ports: CrawlPorts;
  readonly observer: CrawlObserver;
}

export interface CrawlSessionOptions {
  runId?: number | null;
  log: Logger;
  referenceTime: Date;
  ports: CrawlPorts;
  pageDateOf?: (url: string) => Date;
  liveUrlOf?: (url: string) => string;
  observer?: CrawlObserver;
}

// Article pages fetched but not extracted yet, in characters: a few dozen real pages, or one huge one.
const MAX_BACKLOG_CHARS = 8_000_000;

export function createCrawlSession(source: SourceConfig, options: CrawlSessionOptions): CrawlSession {
  return {
    source,
    runId: options.runId ?? null,
    log: options.log,
    stats: emptyCrawlStats(),
    referenceTime: options.referenceTime,
    pageDateOf: options.pageDateOf ?? (() => options.referenceTime),
    liveUrlOf: options.liveUrlOf ?? ((url) => url),
    urlPattern: source.discovery.urlPattern ? new RegExp(source.discovery.urlPattern) : undefined,
    queued: new Set(),
    validators: new Map(),
    backlog: new Backlog(MAX_BACKLOG_CHARS),
    ports: options.ports,
    observer: options.observer ?? {},
  };
}

/** Counts a failed page in the run's errors, with its kind. */
export function recordFailure(session: CrawlSession, url: string, error: unknown): void {
  const kind = errorKindOf(error);
  const message = errorSummary(error);
  session.stats.errors.push({ url, kind, message });
  session.log.warn({ url, kind }, message);
}

/**
 * Ends a crawl: waits for the pages still being extracted and for every candidate to be kept (also when the
 * crawl failed: what it fetched is stored all the same), then keeps the discovery pages' validators if the
 * crawl read everything behind them.
 */
export async function finishCrawlSession(session: CrawlSession): Promise<CrawlStats> {
  try {
    await session.backlog.drain();
  } finally {
    await session.ports.flush();
  }
  // A 304 next time skips every link behind a page: only a crawl that fetched all of them may allow that.
  if (session.stats.errors.length === 0 && session.queued.size < session.source.limits.maxArticles) {
    await session.ports.rememberValidators(session.validators);
  }
  await session.ports.progress(session.stats, true);
  return session.stats;
}

/** Whether a discovered URL may be an article of this source, judged on its live-site form. */
export function matchesUrlPattern(session: CrawlSession, url: string): boolean {
  return !session.urlPattern || session.urlPattern.test(session.liveUrlOf(url));
}
