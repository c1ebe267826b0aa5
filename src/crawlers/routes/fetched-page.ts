import type { CrawlRequest } from './crawl-request.js';

/** What a handler knows of a fetched page, whichever fetched it: Crawlee's HTTP client, Chromium, or a replay. */
export interface FetchedPage {
  request: CrawlRequest;
  /** Where the page ended up after HTTP redirects. */
  loadedUrl: string;
  /** The body as it came (decompressed, never more than the source's maxPageBytes). */
  bytes: Buffer;
  /** The body decoded to text (charset from the header, <meta>, or sniffing). */
  html: string;
  httpStatus: number | null;
  contentType: string | null;
  /** Response headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** How many times this request has been tried before. */
  retryCount: number;
}

/** What the fetcher offers the handlers besides the page. */
export interface Fetcher {
  /** Queues more requests of this crawl (deduplicated by URL, or by `uniqueKey`). */
  enqueue(requests: CrawlRequest[]): Promise<void>;
  /** Whether robots.txt lets this crawl fetch `url` (an unreachable robots.txt allows everything). */
  allowedByRobots(url: string): Promise<boolean>;
}
