import { MalformedDiscoveryError } from '../crawl-errors.js';
import { parseFeed } from '../discovery/parse-feed.js';
import { isFeedDocument } from '../discovery/xml-root.js';
import { enqueueArticleLinks } from './enqueue-articles.js';
import type { RouteContext } from './route-context.js';

/** FEED: an RSS 2.0, RSS 1.0 or Atom feed; every item links an article. Anything else is a malformed feed. */
export async function handleFeed(context: RouteContext): Promise<void> {
  const { page } = context;
  if (!isFeedDocument(page.html)) {
    throw new MalformedDiscoveryError('malformed_feed', `not an RSS or Atom feed: ${page.loadedUrl}`);
  }
  await enqueueArticleLinks(context, parseFeed(page.html, page.loadedUrl));
}
