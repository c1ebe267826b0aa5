import type { CandidateArticle } from '../../db/articles-repo.js';
import type { SourceConfig } from '../../sources/source-schema.js';
import type { CrawlSession } from '../crawl-session.js';
import type { ExtractArticleInput, ExtractedArticle } from '../extract/extract-article.js';
import { failedExtraction } from '../extract/extract-article.js';
import { ExtractionFailedError } from '../extract/isolated-extractor.js';
import type { RequestOf } from './crawl-request.js';
import type { FetchedPage } from './fetched-page.js';
import type { RouteContext } from './route-context.js';
import { type SelectedParser, selectParser } from './select-parser.js';

/** How one article page is read: the extractor's input with the parser version of the page's date. */
export interface ArticleReading {
  input: ExtractArticleInput;
  parser: SelectedParser;
}

/**
 * The parser version valid on `pageDate` (the crawl's time, or the page's recording time) in the source's
 * zone, and the extractor input for it: its selectors first, the generic extractor for each field they miss.
 */
export function articleReading(
  source: Pick<SourceConfig, 'article' | 'parsers' | 'timezone'>,
  page: { html: string; url: string; pageDate: Date; now: Date },
): ArticleReading {
  const parser = selectParser(source, page.pageDate);
  return {
    input: {
      html: page.html,
      url: page.url,
      selectors: parser.selectors,
      timezone: source.timezone,
      now: page.now,
    },
    parser,
  };
}

/** ARTICLE: extracts the page (on the extraction thread, meanwhile the next page downloads) and stores it. */
export async function handleArticle({
  session,
  page,
}: RouteContext & { page: { request: RequestOf<'ARTICLE'> } }) {
  session.stats.articlePagesFetched += 1;
  await session.backlog.add(extractAndStore(session, page), page.html.length);
}

/** Never rejects: a page the extractor fails on is stored without fields (filed as extraction_failed), once. */
async function extractAndStore(session: CrawlSession, page: FetchedPage & { request: RequestOf<'ARTICLE'> }) {
  const reading = articleReading(session.source, {
    html: page.html,
    url: page.loadedUrl,
    pageDate: session.pageDateOf(page.request.url),
    now: session.referenceTime,
  });
  const extracted = await session.ports
    .extract(reading.input, session.source.limits.timeoutSecs * 1000)
    .catch((error: unknown) => extractionFailure(session, page, error));
  for (const field of extracted.missing) session.stats.extractionsMissing[field] += 1;
  await session.ports.store(articleCandidate(session, page, extracted, reading.parser));
}

function extractionFailure(session: CrawlSession, page: FetchedPage, error: unknown): ExtractedArticle {
  const failure =
    error instanceof ExtractionFailedError
      ? error
      : new ExtractionFailedError('extraction_error', error instanceof Error ? error.message : String(error));
  session.stats.errors.push({ url: page.request.url, kind: failure.kind, message: failure.message });
  session.log.warn({ url: page.request.url, kind: failure.kind }, failure.message);
  return failedExtraction(failure.message);
}

function articleCandidate(
  session: CrawlSession,
  page: FetchedPage & { request: RequestOf<'ARTICLE'> },
  extracted: ExtractedArticle,
  parser: SelectedParser,
): CandidateArticle {
  return {
    sourceId: session.source.id,
    runId: session.runId,
    url: page.request.url,
    canonicalUrl: page.request.userData.canonical,
    title: extracted.title,
    body: extracted.body,
    publishedAt: extracted.publishedAt,
    extraction: {
      missing: extracted.missing,
      errors: extracted.errors,
      htmlLang: extracted.htmlLang,
      loadedUrl: page.loadedUrl,
      listedAt: page.request.userData.listedAt,
      parser: { version: parser.version, of: parser.of },
    },
    page: { html: page.html, httpStatus: page.httpStatus, contentType: page.contentType },
  };
}

/**
 * An article URL that answered with no page of text (a PDF, an image, binary served as text/html): stored
 * with its URL and the reason, without a body, so that it is filed as `not_html` and never fetched again.
 */
export async function storeNotHtml(
  session: CrawlSession,
  page: FetchedPage & { request: RequestOf<'ARTICLE'> },
  reason: string,
): Promise<void> {
  session.stats.articlePagesFetched += 1;
  session.log.info({ url: page.request.url, reason }, 'not an HTML page: stored as filtered');
  await session.ports.store({
    sourceId: session.source.id,
    runId: session.runId,
    url: page.request.url,
    canonicalUrl: page.request.userData.canonical,
    title: null,
    body: null,
    publishedAt: null,
    extraction: {
      missing: ['title', 'body', 'publishedAt'],
      errors: [],
      notHtml: reason,
      bytes: page.bytes.length,
      loadedUrl: page.loadedUrl,
      listedAt: page.request.userData.listedAt,
    },
    page: undefined,
  });
}
