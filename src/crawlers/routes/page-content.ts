import type { FetchedPage } from './fetched-page.js';

/** Content types a page of text can come as; servers label feeds and pages with any of these. */
const TEXT_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'text/plain',
];

/** A stray NUL in a page of text is dropped when it is decoded; more than this many make it binary. */
const STRAY_NULS = 16;

function nulCount(bytes: Uint8Array): number {
  let count = 0;
  for (
    let index = bytes.indexOf(0);
    index !== -1 && count <= STRAY_NULS;
    index = bytes.indexOf(0, index + 1)
  ) {
    count += 1;
  }
  return count;
}

/**
 * Why a fetched body is no page of text, or undefined when it is one: a binary type, or NUL bytes beyond a few
 * strays (a PDF or image served as text/html). Such a body cannot be read, nor stored as text (Postgres refuses
 * NUL; the few strays of a text page are dropped by decodeHtml). A 304 has no body and no say.
 */
export function notTextReason(
  page: Pick<FetchedPage, 'bytes' | 'contentType' | 'httpStatus'>,
): string | undefined {
  if (page.httpStatus === 304) return undefined;
  const type = page.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type && !TEXT_TYPES.includes(type) && !type.endsWith('+xml')) return `content type ${type}`;
  if (nulCount(page.bytes) > STRAY_NULS) {
    return `binary content (NUL bytes) served as ${type ?? 'no content type'}`;
  }
  return undefined;
}
