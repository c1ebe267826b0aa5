import type { Queryable } from '../../db/database.js';

/**
 * Conditional GET for discovery pages. The validators a server sent with a feed or listing (ETag,
 * Last-Modified) go back with the next request of that URL; an unchanged page then answers 304 Not Modified,
 * its links are not read again, and none of its articles is fetched.
 */

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export async function conditionalHeaders(db: Queryable, url: string): Promise<Record<string, string>> {
  const result = await db.query<{ etag: string | null; last_modified: string | null }>(
    'SELECT etag, last_modified FROM fetch_cache WHERE url = $1',
    [url],
  );
  const row = result.rows[0];
  const headers: Record<string, string> = {};
  if (row?.etag) headers['if-none-match'] = row.etag;
  if (row?.last_modified) headers['if-modified-since'] = row.last_modified;
  return headers;
}

/** Validators of a response, from its (lower-case) headers; null when the server sent none. */
export function validatorsOf(headers: Record<string, string | string[] | undefined>): Validators | null {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
  const etag = first(headers.etag);
  const lastModified = first(headers['last-modified']);
  return etag || lastModified ? { etag, lastModified } : null;
}

/** Stores the validators of a crawl's discovery pages, keyed by URL, in one statement. */
export async function rememberValidators(
  db: Queryable,
  validatorsByUrl: ReadonlyMap<string, Validators>,
): Promise<void> {
  if (validatorsByUrl.size === 0) return;
  const entries = [...validatorsByUrl];
  await db.query(
    `INSERT INTO fetch_cache (url, etag, last_modified, fetched_at)
     SELECT url, etag, last_modified, now()
     FROM unnest($1::text[], $2::text[], $3::text[]) AS t (url, etag, last_modified)
     ON CONFLICT (url) DO UPDATE
       SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, fetched_at = now()`,
    [
      entries.map(([url]) => url),
      entries.map(([, validators]) => validators.etag),
      entries.map(([, validators]) => validators.lastModified),
    ],
  );
}

/**
 * A 304 carries no body and usually no Content-Type, so Crawlee sees the fallback type below and would refuse
 * the response before our handler learns that the page is unchanged; the crawler must accept this type.
 */
export const NOT_MODIFIED_MIME_TYPE = 'application/octet-stream';
