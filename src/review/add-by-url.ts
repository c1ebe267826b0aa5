import { decodeHtml } from '../crawlers/extract/decode-html.js';
import type { ExtractedArticle } from '../crawlers/extract/extract-article.js';
import { ExtractionFailedError, sharedExtractor } from '../crawlers/extract/isolated-extractor.js';
import { insertCandidate } from '../db/articles-repo.js';
import { type Actor, auditAction } from '../db/audit-repo.js';
import type { Database } from '../db/database.js';
import { findIdByCanonicalUrl } from '../db/items-repo.js';
import { canonicalizeUrl } from '../domain/canonical-url.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { processArticle } from '../workers/process-article.js';
import { checkUrl, type FetchPolicy, FetchRefusedError, fetchPageSafely } from './safe-fetch.js';

/** Items analysts add by hand carry this source id. */
export const MANUAL_SOURCE = 'manual';

export interface AddByUrlDeps {
  db: Database;
  lexicon: CompiledLexicon;
  fetchPolicy: FetchPolicy;
}

/**
 * Extraction in the crawls' worker thread, under the fetch's time budget: a page built to keep the parser busy
 * must not stall the server for everyone else.
 */
async function extractIsolated(html: string, url: string, timeoutMs: number): Promise<ExtractedArticle> {
  try {
    return await sharedExtractor().extract({ html, url }, timeoutMs);
  } catch (error) {
    if (error instanceof ExtractionFailedError) {
      throw new FetchRefusedError(`the page could not be read: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Fetches a page an analyst found elsewhere and sends it through the harvest's own stages: extraction,
 * storage as a candidate, analysis. A URL already stored is not fetched again.
 */
export async function addByUrl(
  deps: AddByUrlDeps,
  rawUrl: string,
  actor: Actor,
): Promise<{ id: number; inserted: boolean }> {
  // Refuses what cannot be fetched before anything else reads the URL.
  checkUrl(rawUrl, new Set(deps.fetchPolicy.allowHosts));
  const known = await findIdByCanonicalUrl(deps.db, canonicalizeUrl(rawUrl));
  if (known !== undefined) return { id: known, inserted: false };
  const page = await fetchPageSafely(rawUrl, deps.fetchPolicy);
  // Without Accept-Encoding a server has no reason to compress; a compressed body may be a decompression bomb.
  if (page.body[0] === 0x1f && page.body[1] === 0x8b) throw new FetchRefusedError('compressed body refused');
  // Postgres text cannot hold NUL, and HTML parsers drop it from the text anyway.
  const html = decodeHtml(page.body, page.contentType ?? undefined).html.replaceAll('\u0000', '');
  const extracted = await extractIsolated(html, page.url, deps.fetchPolicy.timeoutMs);
  const stored = await insertCandidate(deps.db, {
    sourceId: MANUAL_SOURCE,
    runId: null,
    url: page.url,
    canonicalUrl: canonicalizeUrl(page.url),
    title: extracted.title,
    body: extracted.body,
    publishedAt: extracted.publishedAt,
    extraction: {
      addedBy: actor.name,
      requestedUrl: rawUrl,
      missing: extracted.missing,
      errors: extracted.errors,
    },
    page: { html, httpStatus: page.status, contentType: page.contentType },
  });
  if (stored.inserted) {
    await processArticle({ db: deps.db, lexicon: deps.lexicon }, stored.id);
    await auditAction(deps.db, { articleId: stored.id, actor, action: 'add_url', after: { url: page.url } });
  }
  return stored;
}
