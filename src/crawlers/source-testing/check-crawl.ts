import pino from 'pino';
import type { CandidateArticle } from '../../db/articles-repo.js';
import type { CrawlStats } from '../../db/runs-repo.js';
import type { SourceConfig } from '../../sources/source-schema.js';
import { type CrawlObserver, createCrawlSession } from '../crawl-session.js';
import { type CrawlerDeps, runCrawl } from '../crawlee/run-crawl.js';
import { MemoryCrawlPorts } from '../memory-crawl-ports.js';
import { findRecordedPage, fixtureHostOf, readSiteMeta, toFixtureUrl, toLiveUrl } from './recorded-pages.js';

const silent = pino({ level: 'silent' });

export interface CheckCrawlOptions extends CrawlerDeps {
  /** Articles to fetch at most. */
  limit: number;
  /** The fixture server's origin to crawl the recorded pages offline; absent = the live site. */
  fixturesOrigin?: string | undefined;
  observer?: CrawlObserver;
}

export interface CheckedCrawl {
  /** Article URLs each discovery page yielded (live-site URLs), by discovery URL. */
  discovered: Map<string, string[]>;
  candidates: CandidateArticle[];
  stats: CrawlStats;
  /** Maps a URL of this crawl back to the live site's. */
  liveUrlOf: (url: string) => string;
}

/**
 * A crawl of one source for operators (`harvest sources test`, scripts/record-source.ts): the production crawl
 * (Crawlee, robots.txt, the handlers), first discovery pages only, at most `limit` articles, kept in memory.
 * Offline it crawls the recorded pages through the fixture server, each page read with the parser version of
 * its recording date and ages judged against the recording.
 */
export async function checkCrawl(source: SourceConfig, options: CheckCrawlOptions): Promise<CheckedCrawl> {
  const origin = options.fixturesOrigin;
  const liveUrlOf = (url: string) => (origin ? toLiveUrl(url, origin) : url);
  const firstUrl = source.discovery.urls[0];
  const asOf = origin && firstUrl ? readSiteMeta(fixtureHostOf(firstUrl))?.asOf : undefined;
  const referenceTime = asOf ? new Date(asOf) : new Date();
  const checked: SourceConfig = {
    ...source,
    discovery: {
      ...source.discovery,
      urls: source.discovery.urls.map((url) => (origin ? toFixtureUrl(url, origin) : url)),
      maxPages: 1,
    },
    // A local server needs no politeness; the live site gets the source's.
    limits: { ...source.limits, maxArticles: options.limit, ...(origin ? { requestDelayMs: 0 } : {}) },
  };
  const discovered = new Map<string, string[]>();
  const ports = new MemoryCrawlPorts();
  const session = createCrawlSession(checked, {
    log: silent,
    referenceTime,
    ports,
    liveUrlOf,
    pageDateOf: (url) => {
      const recorded = origin ? findRecordedPage(liveUrlOf(url)) : undefined;
      return recorded ? new Date(recorded.recordedAt) : referenceTime;
    },
    observer: {
      ...options.observer,
      discovered(pageUrl, urls) {
        discovered.set(liveUrlOf(pageUrl), [
          ...(discovered.get(liveUrlOf(pageUrl)) ?? []),
          ...urls.map(liveUrlOf),
        ]);
        options.observer?.discovered?.(pageUrl, urls);
      },
    },
  });
  const stats = await runCrawl(session, options);
  return { discovered, candidates: ports.candidates, stats, liveUrlOf };
}
