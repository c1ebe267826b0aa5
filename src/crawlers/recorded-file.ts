import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Recorded pages may be stored gzipped (`x.html.gz`) to keep the repository small; every reader sees the
 * page's own bytes, in the page's own encoding, whichever way it was stored.
 */
export const GZIP_SUFFIX = '.gz';

/** The file holding a page: the plain file, else its gzipped twin, else undefined. */
export function storedFileOf(path: string): string | undefined {
  return [path, `${path}${GZIP_SUFFIX}`].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** A recorded page's bytes, gunzipped when the file name ends in `.gz`. */
export function readRecordedFile(path: string): Buffer {
  const bytes = readFileSync(path);
  return path.endsWith(GZIP_SUFFIX) ? gunzipSync(bytes) : bytes;
}

/** Deterministic (the gzip header carries no time), so re-recording an unchanged page changes no byte. */
export function gzipRecordedPage(bytes: Buffer): Buffer {
  return gzipSync(bytes, { level: 9 });
}
