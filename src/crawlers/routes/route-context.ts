import type { CrawlSession } from '../crawl-session.js';
import type { FetchedPage, Fetcher } from './fetched-page.js';

/** A handler's whole context, as Crawlee hands a router's handlers theirs. */
export interface RouteContext {
  session: CrawlSession;
  page: FetchedPage;
  fetcher: Fetcher;
}
