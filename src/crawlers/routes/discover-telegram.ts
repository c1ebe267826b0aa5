import type { CandidateArticle } from '../../db/articles-repo.js';
import { type CrawlSession, matchesUrlPattern } from '../crawl-session.js';
import { parseTelegramChannel, type TelegramPost } from '../discovery/parse-telegram.js';
import { crawlRequest, type RequestOf } from './crawl-request.js';
import { tryCanonicalize } from './enqueue-articles.js';
import type { FetchedPage } from './fetched-page.js';
import type { RouteContext } from './route-context.js';

/**
 * TELEGRAM: a channel's public preview (t.me/s/<channel>). A post is complete on that page, so it is stored at
 * once, with no page of its own to fetch; the preview of older posts is followed while posts are new.
 */
export async function handleTelegram(context: RouteContext & { page: { request: RequestOf<'TELEGRAM'> } }) {
  const { session, page, fetcher } = context;
  const channel = parseTelegramChannel(page.html, page.loadedUrl);
  const newPosts = await storeTelegramPosts(session, page, channel.posts);
  const pageNumber = page.request.userData.page;
  if (channel.olderPage && newPosts > 0 && pageNumber < session.source.discovery.maxPages) {
    await fetcher.enqueue([crawlRequest(channel.olderPage, 'TELEGRAM', { page: pageNumber + 1 })]);
  }
}

/** Stores the posts not stored before (within `maxArticles`); returns how many were new. */
async function storeTelegramPosts(
  session: CrawlSession,
  page: FetchedPage,
  posts: readonly TelegramPost[],
): Promise<number> {
  const { stats, source } = session;
  const byCanonical = new Map<string, TelegramPost>();
  for (const post of posts) {
    const canonical = matchesUrlPattern(session, post.url) ? tryCanonicalize(post.url) : undefined;
    if (canonical && !session.queued.has(canonical)) byCanonical.set(canonical, post);
  }
  stats.articlesDiscovered += byCanonical.size;
  session.observer.discovered?.(
    page.request.url,
    [...byCanonical.values()].map((post) => post.url),
  );
  const unknown = await session.ports.unknownUrls([...byCanonical.keys()]);
  stats.alreadyKnown += byCanonical.size - unknown.size;
  const budget = Math.max(0, source.limits.maxArticles - session.queued.size);
  for (const canonical of [...unknown].slice(0, budget)) {
    session.queued.add(canonical);
    await session.ports.store(telegramCandidate(session, page, byCanonical.get(canonical)!, canonical));
  }
  return unknown.size;
}

/** A post as a candidate: its own markup is its page; its time is Telegram's, or missing. */
function telegramCandidate(
  session: CrawlSession,
  page: FetchedPage,
  post: TelegramPost,
  canonical: string,
): CandidateArticle {
  const time = post.publishedAt ? Date.parse(post.publishedAt) : Number.NaN;
  const publishedAt = Number.isNaN(time) ? null : new Date(time).toISOString();
  return {
    sourceId: session.source.id,
    runId: session.runId,
    url: post.url,
    canonicalUrl: canonical,
    title: post.title,
    body: post.body,
    publishedAt,
    extraction: {
      missing: publishedAt ? [] : ['publishedAt'],
      errors: [],
      htmlLang: null,
      loadedUrl: page.loadedUrl,
      listedAt: post.publishedAt,
      parser: TELEGRAM_PARSER,
    },
    page: { html: post.html, httpStatus: page.httpStatus, contentType: page.contentType },
  };
}

/** The parser a Telegram post is read with: the channel reader, the only version of a Telegram source. */
export const TELEGRAM_PARSER = { version: 1, of: 1, kind: 'telegram' } as const;
