import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  errorKindOf,
  HttpStatusError,
  InvalidRequestError,
  isRetryable,
  MalformedDiscoveryError,
  PageTimeoutError,
  PageTooLargeError,
} from '../../src/crawlers/crawl-errors.js';
import { isFeedDocument, isSitemapDocument, xmlRootName } from '../../src/crawlers/discovery/xml-root.js';
import { ExtractionFailedError } from '../../src/crawlers/extract/isolated-extractor.js';
import { declaredLength, readBounded } from '../../src/crawlers/fetch/read-bounded.js';
import { crawlRequest, parseCrawlRequest, startRequests } from '../../src/crawlers/routes/crawl-request.js';
import { notTextReason } from '../../src/crawlers/routes/page-content.js';
import { sourceForUrl } from '../../src/crawlers/source-for-url.js';
import { sourceSchema } from '../../src/sources/source-schema.js';

describe('crawl requests', () => {
  it('are checked per label when handled, with defaults filled in', () => {
    expect(
      parseCrawlRequest({ url: 'https://x.test/', label: 'LISTING', userData: { __crawlee: {} } }),
    ).toEqual({
      url: 'https://x.test/',
      label: 'LISTING',
      userData: { clientRedirects: 0, page: 1 },
    });
    expect(crawlRequest('https://x.test/a', 'ARTICLE', { canonical: 'https://x.test/a' }).userData).toEqual({
      clientRedirects: 0,
      canonical: 'https://x.test/a',
      listedAt: null,
    });
  });

  it('refuse an unknown label or data that does not fit it, with a failure that is not retried', () => {
    const unknown = () => parseCrawlRequest({ url: 'https://x.test/', label: 'DETAIL' });
    expect(unknown).toThrow(InvalidRequestError);
    expect(unknown).toThrow(/unknown request label "DETAIL"/);
    const bad = () => parseCrawlRequest({ url: 'https://x.test/', label: 'ARTICLE', userData: { page: 2 } });
    expect(bad).toThrow(/ARTICLE request .*canonical/);
    expect(isRetryable(new InvalidRequestError('x'))).toBe(false);
  });

  it('start with each discovery URL under its strategy’s label', () => {
    expect(
      startRequests({ strategy: 'sitemap', urls: ['https://a.test/s.xml'] }).map((r) => r.label),
    ).toEqual(['SITEMAP']);
  });
});

describe('crawl failures', () => {
  it('are classified by their class or their code, never by their words', () => {
    expect(errorKindOf(new HttpStatusError(404))).toBe('http_404');
    expect(errorKindOf(new PageTooLargeError('HTTP 500 timed out ECONNREFUSED'))).toBe('too_large');
    expect(errorKindOf(new MalformedDiscoveryError('malformed_feed', 'x'))).toBe('malformed_feed');
    expect(errorKindOf(new ExtractionFailedError('extraction_timeout', 'x'))).toBe('extraction_timeout');
    expect(errorKindOf(Object.assign(new Error('whatever'), { code: 'ECONNREFUSED' }))).toBe('unreachable');
    expect(errorKindOf(Object.assign(new Error('whatever'), { code: 'ETIMEDOUT' }))).toBe('timeout');
    expect(errorKindOf(Object.assign(new Error('x'), { code: 'ERR_TOO_MANY_REDIRECTS' }))).toBe(
      'redirect_loop',
    );
    expect(errorKindOf(new Error('HTTP 500 timed out ECONNREFUSED maxPageBytes'))).toBe('error');
    expect(errorKindOf(new Error('wrapped', { cause: new PageTimeoutError('x') }))).toBe('timeout');
  });

  it('say whether a retry may help: 5xx and timeouts yes, 4xx and oversized pages no', () => {
    expect(isRetryable(new HttpStatusError(503))).toBe(true);
    expect(isRetryable(new HttpStatusError(404))).toBe(false);
    expect(isRetryable(new HttpStatusError(429, 'Retry-After too long', false))).toBe(false);
    expect(isRetryable(new PageTimeoutError('x'))).toBe(true);
    expect(isRetryable(new PageTooLargeError('x'))).toBe(false);
  });
});

describe('bounded reads', () => {
  const chunks = (count: number, size: number) =>
    Readable.from(Array.from({ length: count }, () => Buffer.alloc(size)));

  it('read a body within the limit whole', async () => {
    expect((await readBounded(chunks(4, 1000), 4000)).length).toBe(4000);
  });

  it('stop as soon as the limit is passed, and destroy the stream', async () => {
    const stream = chunks(1000, 1000);
    await expect(readBounded(stream, 10_000)).rejects.toThrow(/stopped reading after 11000 bytes/);
    expect(stream.destroyed).toBe(true);
  });

  it('refuse a declared Content-Length above the limit before reading', async () => {
    const stream = chunks(1, 10);
    await expect(readBounded(stream, 100, declaredLength('52428800'))).rejects.toThrow(PageTooLargeError);
    expect(stream.destroyed).toBe(true);
    expect(declaredLength(undefined)).toBeUndefined();
    expect(declaredLength('12 bytes')).toBeUndefined();
  });
});

describe('what a body is', () => {
  it('tells feeds and sitemaps from HTML served in their place by the root element', () => {
    expect(xmlRootName('\uFEFF<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x">')).toBe('RDF');
    expect(isFeedDocument('<?xml version="1.0"?><?xml-stylesheet href="a"?><rss version="2.0">')).toBe(true);
    expect(isFeedDocument('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(isFeedDocument('<!DOCTYPE html><html><body>Технические работы</body></html>')).toBe(false);
    expect(isSitemapDocument('<?xml version="1.0"?><sitemapindex>')).toBe(true);
    expect(isSitemapDocument('<html>')).toBe(false);
  });

  it('finds binary content by its type or its NUL bytes', () => {
    const page = (contentType: string | null, text: string) => ({
      bytes: Buffer.from(text),
      contentType,
      httpStatus: 200,
    });
    expect(notTextReason(page('text/html; charset=utf-8', '<html>'))).toBeUndefined();
    expect(notTextReason(page('application/rss+xml', '<rss>'))).toBeUndefined();
    expect(notTextReason(page('application/pdf', '%PDF'))).toBe('content type application/pdf');
    expect(notTextReason(page('text/html', `%PDF-1.7${'\u0000'.repeat(64)}`))).toMatch(/NUL bytes/);
    // A stray NUL or two in a page of text: decoded without them, not taken for binary.
    expect(notTextReason(page('text/html', '<p>В Оше задержан\u0000 сбытчик</p>'))).toBeUndefined();
    expect(notTextReason({ bytes: Buffer.alloc(0), contentType: null, httpStatus: 304 })).toBeUndefined();
  });
});

describe('the declared source of a URL', () => {
  const declared = (id: string, urls: string[], fields: Record<string, unknown> = {}) =>
    sourceSchema.parse({
      id,
      name: id,
      country: 'KZ',
      languages: ['rus'],
      timezone: 'Asia/Almaty',
      discovery: { strategy: 'rss', urls, ...fields },
    });
  const sources = [
    declared('polisia-ru', ['https://polisia.kz/ru/']),
    declared('polisia-kz', ['https://polisia.kz/kz/']),
    declared('report', ['https://report.az/ru/rss/'], { urlPattern: '^https://report\\.az/ru/' }),
    declared('channel', ['https://t.me/s/SomeChannel'], { strategy: 'telegram' }),
  ];

  it('is the source on the same host, the closest discovery path winning', () => {
    expect(sourceForUrl('https://www.polisia.kz/kz/some-news/', sources)?.id).toBe('polisia-kz');
    expect(sourceForUrl('https://polisia.kz/ru/some-news/', sources)?.id).toBe('polisia-ru');
    expect(sourceForUrl('https://report.az/ru/obshchestvo/x', sources)?.id).toBe('report');
  });

  it('is none for other hosts, Telegram posts and what is no URL', () => {
    expect(sourceForUrl('https://example.com/news/1', sources)).toBeUndefined();
    expect(sourceForUrl('https://t.me/SomeChannel/12', sources)).toBeUndefined();
    expect(sourceForUrl('not a url', sources)).toBeUndefined();
  });
});
