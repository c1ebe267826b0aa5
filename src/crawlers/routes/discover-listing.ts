import { SourceConfigError } from '../crawl-errors.js';
import { parseListing } from '../discovery/parse-listing.js';
import { crawlRequest, type RequestOf } from './crawl-request.js';
import { enqueueArticleLinks } from './enqueue-articles.js';
import type { RouteContext } from './route-context.js';

/**
 * LISTING: a section page whose `linkSelector` links articles, and whose `nextPageSelector` leads to older
 * ones. Older pages can only hold older articles: once a page brings nothing new, the rest is known.
 */
export async function handleListing(context: RouteContext & { page: { request: RequestOf<'LISTING'> } }) {
  const { session, page, fetcher } = context;
  const { linkSelector, nextPageSelector, maxPages } = session.source.discovery;
  // The source schema requires it for listings; a configuration that skipped the schema fails here, every time.
  if (!linkSelector) throw new SourceConfigError('listing strategy without discovery.linkSelector');
  const listing = parseListing(page.html, page.loadedUrl, { linkSelector, nextPageSelector });
  const newLinks = await enqueueArticleLinks(context, listing.articles);
  const pageNumber = page.request.userData.page;
  if (listing.nextPage && newLinks > 0 && pageNumber < maxPages) {
    await fetcher.enqueue([crawlRequest(listing.nextPage, 'LISTING', { page: pageNumber + 1 })]);
  }
}
