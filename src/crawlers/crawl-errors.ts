import { ExtractionFailedError } from './extract/isolated-extractor.js';

/**
 * Why a page of a crawl failed, as stored in a run's `stats.errors[].kind` and read by source health.
 * Failures are told apart by their class, never by the words of their message. The handlers do not depend on
 * Crawlee: its adapter marks a failure that is not `retryable` as `noRetry` (what Crawlee's NonRetryableError
 * does), so the same classes serve crawls, replays of recorded pages and the operators' checks.
 */
export type CrawlErrorKind =
  | `http_${number}`
  | 'timeout'
  | 'unreachable'
  | 'too_large'
  | 'redirect_loop'
  | 'not_html'
  | 'malformed_feed'
  | 'malformed_sitemap'
  | 'invalid_request'
  | 'source_config'
  | ExtractionFailedError['kind']
  | 'error';

/** A failure of one page of a crawl, with its kind and whether another attempt may succeed. */
export abstract class CrawlFailure extends Error {
  abstract readonly kind: CrawlErrorKind;
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * An HTTP status. 4xx will not change on a retry (the page is left for the next crawl); 5xx, and 429/503
 * after waiting as the server asked, are tried again.
 */
export class HttpStatusError extends CrawlFailure {
  readonly kind: CrawlErrorKind;
  constructor(
    readonly status: number,
    detail = '',
    retryable = status >= 500,
  ) {
    super(`HTTP ${status}${detail ? `, ${detail}` : ''}`, retryable);
    this.kind = `http_${status}`;
  }
}

/** The page is larger than the source's `maxPageBytes`: reading stopped there (or never started). */
export class PageTooLargeError extends CrawlFailure {
  readonly kind = 'too_large' satisfies CrawlErrorKind;
  constructor(message: string) {
    super(message, false);
  }
}

/** Client-side redirects (meta refresh, script) that go round in circles. */
export class RedirectLoopError extends CrawlFailure {
  readonly kind = 'redirect_loop' satisfies CrawlErrorKind;
  constructor(readonly target: string) {
    super(`client redirect loop at ${target}`, false);
  }
}

/** A discovery page (feed, sitemap, listing, channel) whose content is no page: binary, or the wrong format. */
export class MalformedDiscoveryError extends CrawlFailure {
  constructor(
    readonly kind: 'malformed_feed' | 'malformed_sitemap' | 'not_html',
    message: string,
  ) {
    super(message, false);
  }
}

/** The host did not answer in time (connection, headers or body). */
export class PageTimeoutError extends CrawlFailure {
  readonly kind = 'timeout' satisfies CrawlErrorKind;
  constructor(message: string) {
    super(message, true);
  }
}

/** The host cannot be reached at all (DNS, refused connection, network error of the browser). */
export class UnreachableError extends CrawlFailure {
  readonly kind = 'unreachable' satisfies CrawlErrorKind;
  constructor(message: string) {
    super(message, true);
  }
}

/** A request whose label or data the router does not accept: a bug, not a fault of the site. */
export class InvalidRequestError extends CrawlFailure {
  readonly kind = 'invalid_request' satisfies CrawlErrorKind;
  constructor(message: string) {
    super(message, false);
  }
}

/** The source's configuration cannot serve this page (e.g. a listing without a link selector). */
export class SourceConfigError extends CrawlFailure {
  readonly kind = 'source_config' satisfies CrawlErrorKind;
  constructor(message: string) {
    super(message, false);
  }
}

/** Error codes of Node's sockets and DNS, and of got (Crawlee's HTTP client), that mean "no such host here". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const REDIRECT_LOOP_CODES = new Set(['ERR_TOO_MANY_REDIRECTS']);

/**
 * The kind of a failure: ours carry it; errors of Node and got carry a `code`; Crawlee's and Playwright's
 * timeouts are instances of classes named TimeoutError (Crawlee tells them apart the same way).
 */
export function errorKindOf(error: unknown): CrawlErrorKind {
  if (error instanceof CrawlFailure || error instanceof ExtractionFailedError) return error.kind;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (TIMEOUT_CODES.has(code)) return 'timeout';
    if (UNREACHABLE_CODES.has(code)) return 'unreachable';
    if (REDIRECT_LOOP_CODES.has(code)) return 'redirect_loop';
  }
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? errorKindOf(cause) : 'error';
}

/** The first line of an error's message: stack traces and response dumps stay out of the run's stats. */
export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** Whether Crawlee may try the page again: our failures say so; others (network faults) may be retried. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof CrawlFailure) || error.retryable;
}
