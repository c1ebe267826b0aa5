import type { IncomingMessage } from 'node:http';
import {
  type Configuration,
  HttpCrawler,
  type HttpCrawlerOptions,
  type HttpCrawlingContext,
  type Request,
  type Session,
} from 'crawlee';
import { PageTimeoutError } from '../crawl-errors.js';
import { declaredLength, readBounded } from '../fetch/read-bounded.js';

/**
 * Crawlee's HttpCrawler, reading every body through readBounded: the size limit holds while the body arrives
 * and while got inflates it (gzip, deflate, brotli), whatever its status or content type — a gzip bomb or an
 * endless page stops at `maxPageBytes`, a declared Content-Length above it is refused unread. Every status and
 * type reaches the handlers, which judge them (page-gate.ts). Robots.txt verdicts are offered to discovery.
 */
export class BoundedHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  constructor(
    options: HttpCrawlerOptions<HttpCrawlingContext>,
    config: Configuration,
    private readonly maxPageBytes: number,
  ) {
    super({ ...options, additionalMimeTypes: ['*/*'] }, config);
  }

  /** Crawlee's robots.txt answer (fetched once per origin); an unreachable robots.txt allows everything. */
  async allowedByRobots(url: string): Promise<boolean> {
    return (await this.getRobotsTxtFileForUrl(url))?.isAllowed(url) ?? true;
  }

  /** No proxies here: a refused connection is the host's answer (kept with its code), not a proxy to rotate. */
  protected override isProxyError(): boolean {
    return false;
  }

  protected override async _parseResponse(_request: Request, responseStream: IncomingMessage) {
    const body = await readBounded(
      responseStream,
      this.maxPageBytes,
      declaredLength(responseStream.headers['content-length']),
    );
    const type =
      String(responseStream.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    return {
      body,
      response: responseStream,
      // The bytes go to decodeHtml as they came, which also honours <meta charset> (Crawlee reads only the header).
      contentType: { type, encoding: 'binary' as const },
      enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }),
    };
  }

  /** got's timeout, as our typed failure rather than Crawlee's plain Error. */
  protected override _handleRequestTimeout(session?: Session): never {
    session?.markBad();
    throw new PageTimeoutError(`request timed out after ${this.navigationTimeoutMillis / 1000} seconds`);
  }
}
