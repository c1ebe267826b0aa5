import {
  HttpStatusError,
  MalformedDiscoveryError,
  PageTooLargeError,
  RedirectLoopError,
} from '../crawl-errors.js';
import type { CrawlSession } from '../crawl-session.js';
import { findClientRedirect } from '../extract/client-redirect.js';
import { BACKOFF_STATUSES, backoffDelayMs, retryAfterMs } from '../politeness/backoff.js';
import type { RequestOf } from './crawl-request.js';
import type { FetchedPage } from './fetched-page.js';
import { storeNotHtml } from './handle-article.js';
import { notTextReason } from './page-content.js';
import type { RouteContext } from './route-context.js';

// mvd.ru → мвд.рф and similar stubs chain at most a couple of hops; more is a loop.
export const MAX_CLIENT_REDIRECTS = 3;

/** What the gate decided: hand the page to its label's handler, or it is dealt with. */
export type GateVerdict = 'handle' | 'done';

/**
 * What every fetched page passes before its handler: the HTTP status (304 = unchanged, 429/503 = wait and
 * retry, 4xx/5xx = a failure of its kind), the size limit, bodies that are no text (an article is stored as
 * `not_html`, a discovery page fails), and client-side redirects (followed as a new request of the same label,
 * at most MAX_CLIENT_REDIRECTS hops). Throws the typed failures of crawl-errors.ts.
 */
export async function gatePage({ session, page, fetcher }: RouteContext): Promise<GateVerdict> {
  const status = page.httpStatus;
  if (status !== null && BACKOFF_STATUSES.includes(status)) await backOff(session, page);
  if (status !== null && status >= 400) throw new HttpStatusError(status);
  if (status === 304) {
    session.log.info({ url: page.request.url }, 'not modified');
    return 'done';
  }
  const limit = session.source.limits.maxPageBytes;
  if (page.bytes.length > limit) {
    throw new PageTooLargeError(`page of ${page.bytes.length} bytes exceeds maxPageBytes ${limit}`);
  }
  const notText = notTextReason(page);
  if (notText && page.request.label === 'ARTICLE') {
    await storeNotHtml(session, page as FetchedPage & { request: RequestOf<'ARTICLE'> }, notText);
    return 'done';
  }
  if (notText) throw new MalformedDiscoveryError('not_html', `${notText} at ${page.loadedUrl}`);
  return followClientRedirect({ session, page, fetcher });
}

/** Waits as a 429/503 asks, then fails the attempt so that it is retried; a wait beyond the cap is not retried. */
async function backOff(session: CrawlSession, page: FetchedPage): Promise<never> {
  const status = page.httpStatus ?? 0;
  const asked = retryAfterMs(String(page.headers['retry-after'] ?? ''));
  const delay = backoffDelayMs(page.retryCount, asked);
  if (delay === null) throw new HttpStatusError(status, `Retry-After ${asked} ms is too long`, false);
  session.log.info({ url: page.request.url, status, delayMs: delay }, 'backing off');
  await new Promise((resolve) => setTimeout(resolve, delay));
  throw new HttpStatusError(status, `after waiting ${delay} ms`, true);
}

/** A stub page that sends readers on (meta refresh, a location script) is followed, not read. */
async function followClientRedirect({ page, fetcher }: RouteContext): Promise<GateVerdict> {
  const { request } = page;
  if (request.label === 'FEED' || request.label === 'SITEMAP') return 'handle';
  const target = findClientRedirect(page.html, page.loadedUrl);
  if (!target) return 'handle';
  const hops = request.userData.clientRedirects;
  if (hops >= MAX_CLIENT_REDIRECTS) throw new RedirectLoopError(target);
  // A key per hop, so that a loop back to a fetched URL reaches the hop limit instead of vanishing.
  await fetcher.enqueue([
    {
      ...request,
      url: target,
      uniqueKey: `${target}#client-redirect-${hops + 1}`,
      userData: { ...request.userData, clientRedirects: hops + 1 },
    } as typeof request,
  ]);
  return 'done';
}
