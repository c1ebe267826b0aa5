import type { CrawlSession } from '../crawl-session.js';
import { validatorsOf } from '../politeness/fetch-cache.js';
import type { Label, RequestOf } from './crawl-request.js';
import { handleFeed } from './discover-feed.js';
import { handleListing } from './discover-listing.js';
import { handleSitemap } from './discover-sitemap.js';
import { handleTelegram } from './discover-telegram.js';
import type { FetchedPage, Fetcher } from './fetched-page.js';
import { handleArticle } from './handle-article.js';
import { gatePage } from './page-gate.js';
import type { RouteContext } from './route-context.js';

type Handler<L extends Label> = (
  context: RouteContext & { page: { request: RequestOf<L> } },
) => Promise<void>;

/** The router: one module-level handler per label, as Crawlee's `router.addHandler(label, handler)`. */
export const routes: { [L in Label]: Handler<L> } = {
  FEED: handleFeed,
  SITEMAP: handleSitemap,
  LISTING: handleListing,
  TELEGRAM: handleTelegram,
  ARTICLE: handleArticle,
};

/**
 * Everything a crawl does with one fetched page — production crawls, replays of recorded pages and operators'
 * checks alike: the page gate, then its label's handler; a discovery page's validators are kept for the next
 * conditional GET. Throws the page's failure (crawl-errors.ts) for the caller to record or retry.
 */
export async function routePage(session: CrawlSession, page: FetchedPage, fetcher: Fetcher): Promise<void> {
  session.observer.page?.(page);
  const context: RouteContext = { session, page, fetcher };
  if ((await gatePage(context)) === 'handle') await dispatch(context);
  // Counted once the page was read (or answered "unchanged"): a run where none was has failed.
  session.stats.pagesFetched += 1;
  const { label, url } = page.request;
  const validators = label === 'ARTICLE' ? null : validatorsOf(page.headers);
  if (validators) session.validators.set(url, validators);
  await session.ports.progress(session.stats, false);
}

function dispatch(context: RouteContext): Promise<void> {
  const handler = routes[context.page.request.label] as Handler<Label>;
  return handler(context as RouteContext & { page: { request: RequestOf<Label> } });
}
