import type { Browser } from 'playwright-core';
import type { CrawlerKind } from '../../config/source-schema.js';
import { decodeHtml } from '../extract/decode-html.js';

export interface FetchedPage {
  /** Where the page ended up after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
  html: string;
}

export interface PageFetcher {
  fetch(url: string): Promise<FetchedPage>;
  close(): Promise<void>;
}

export interface PageFetcherOptions {
  crawler: CrawlerKind;
  userAgent: string;
  timeoutMs: number;
  chromiumPath?: string;
}

/**
 * One page at a time, for operators' checks (`harvest sources test`, scripts/record-source.ts): plain HTTP, or
 * Chromium for `crawler: playwright` sources. Crawls go through crawlSource, with robots.txt and rate limits.
 */
export function createPageFetcher(options: PageFetcherOptions): PageFetcher {
  return options.crawler === 'playwright' ? browserFetcher(options) : httpFetcher(options);
}

function httpFetcher(options: PageFetcherOptions): PageFetcher {
  return {
    async fetch(url) {
      const response = await fetch(url, {
        headers: { 'user-agent': options.userAgent },
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type');
      return {
        url: response.url || url,
        status: response.status,
        contentType,
        bytes,
        html: decodeHtml(bytes, contentType ?? undefined).html,
      };
    },
    close: async () => {},
  };
}

/** Loaded on first use: plain-HTTP checks should not pay for Crawlee and the browser driver. */
async function launchChromium(executablePath = '/usr/bin/chromium'): Promise<Browser> {
  const [{ chromium }, { CHROMIUM_ARGS }] = await Promise.all([
    import('playwright-core'),
    import('../crawl-source.js'),
  ]);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

function browserFetcher(options: PageFetcherOptions): PageFetcher {
  let browser: Promise<Browser> | undefined;
  return {
    async fetch(url) {
      browser ??= launchChromium(options.chromiumPath);
      const context = await (await browser).newContext({ userAgent: options.userAgent });
      try {
        const page = await context.newPage();
        const response = await page.goto(url, { timeout: options.timeoutMs, waitUntil: 'domcontentloaded' });
        const html = await page.content();
        return {
          url: page.url(),
          status: response?.status() ?? 0,
          contentType: (await response?.headerValue('content-type')) ?? null,
          bytes: Buffer.from(html),
          html,
        };
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}
