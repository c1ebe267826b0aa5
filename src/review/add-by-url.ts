import { readSavedPage } from '../crawlers/read-saved-page.js';
import { sourceForUrl } from '../crawlers/source-for-url.js';
import { insertCandidate } from '../db/articles-repo.js';
import { type Actor, auditAction } from '../db/audit-repo.js';
import type { Database } from '../db/database.js';
import { findIdByCanonicalUrl } from '../db/items-repo.js';
import { canonicalizeUrl } from '../domain/canonical-url.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { sourceRegistry } from '../sources/index.js';
import { toSourceConfig } from '../sources/source-definition.js';
import { type SourceConfig, sourceSchema } from '../sources/source-schema.js';
import { processArticle } from '../workers/process-article.js';
import { checkUrl, type FetchPolicy, FetchRefusedError, fetchPageSafely } from './safe-fetch.js';

/** Items analysts add by hand carry this source id. */
export const MANUAL_SOURCE = 'manual';

export interface AddByUrlDeps {
  db: Database;
  lexicon: CompiledLexicon;
  fetchPolicy: FetchPolicy;
  /** Sources whose parser and time zone read a page of their site (default: the declared sources). */
  sources?: readonly SourceConfig[];
  now?: () => Date;
}

let declared: SourceConfig[] | undefined;
const declaredSources = () => {
  declared ??= sourceRegistry.map(toSourceConfig);
  return declared;
};

/** A page of no declared site: the generic extractor, dates without an offset read as UTC. */
const UNKNOWN_SITE: SourceConfig = sourceSchema.parse({
  id: MANUAL_SOURCE,
  name: 'Added by hand',
  country: 'KZ',
  languages: ['rus'],
  timezone: 'UTC',
  discovery: { strategy: 'rss', urls: ['https://example.invalid/'] },
});

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
  // Read as a crawl of its site reads it: that source's parser version and time zone, else the generic extractor.
  const source = sourceForUrl(page.url, deps.sources ?? declaredSources());
  // Extracted on the crawls' extraction thread, under its time budget: a page built to keep the parser busy
  // must not stall the server for everyone else.
  const site = source ?? UNKNOWN_SITE;
  // The extraction gets no longer than the fetch did: the analyst is waiting for an answer.
  const budgetSecs = Math.max(1, Math.min(site.limits.timeoutSecs, deps.fetchPolicy.timeoutMs / 1000));
  const read = await readSavedPage(
    { ...site, limits: { ...site.limits, timeoutSecs: budgetSecs } },
    {
      bytes: page.body,
      url: page.url,
      contentType: page.contentType,
      httpStatus: page.status,
      pageDate: deps.now?.() ?? new Date(),
    },
    { isolatedExtraction: true },
  );
  const candidate = read.candidate;
  if (!candidate) throw new FetchRefusedError(read.stats.errors[0]?.message ?? 'the page could not be read');
  if (typeof candidate.extraction.notHtml === 'string') {
    throw new FetchRefusedError(`not a web page (${candidate.extraction.notHtml})`);
  }
  if (candidate.title === null && candidate.body === null) {
    const reason = (candidate.extraction.errors as string[] | undefined)?.[0] ?? 'nothing to read on it';
    throw new FetchRefusedError(`the page could not be read: ${reason}`);
  }
  const stored = await insertCandidate(deps.db, {
    ...candidate,
    sourceId: MANUAL_SOURCE,
    runId: null,
    extraction: {
      ...candidate.extraction,
      addedBy: actor.name,
      requestedUrl: rawUrl,
      ...(source ? { readAs: source.id } : {}),
    },
  });
  if (stored.inserted) {
    await processArticle({ db: deps.db, lexicon: deps.lexicon }, stored.id);
    await auditAction(deps.db, { articleId: stored.id, actor, action: 'add_url', after: { url: page.url } });
  }
  return stored;
}
