import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_FIXTURES_ROOT } from '../fixture-server.js';
import { readRecordedFile, storedFileOf } from '../recorded-file.js';

/** `_meta.json` of a recorded site (see scripts/build-fixture-sites.ts and scripts/record-source.ts). */
export interface SiteMeta {
  /** True when the pages were written by hand, not recorded from the live site. */
  reconstructed: boolean;
  /** The moment the pages describe; the recording date of every page not listed in `recordedAt`. */
  asOf: string;
  note?: string;
  originalUrls: Record<string, string>;
  fromSeedBulletin?: string[];
  /** Pages recorded at another moment than `asOf` (path inside the site → ISO date). */
  recordedAt?: Record<string, string>;
  /** Pages recorded from the live site by scripts/record-source.ts --live (the others are reconstructed). */
  recordedLive?: string[];
}

export interface RecordedPage {
  /** The page's URL on the live site. */
  url: string;
  /** Path under the fixtures root, with forward slashes: `tengrinews.kz/news/index.html.gz`. */
  file: string;
  recordedAt: string;
  reconstructed: boolean;
}

/** The folder of a host's recorded pages: the fixture server drops `www.` in the same way. */
export function fixtureHostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** `https://www.inform.kz/ru/x?y` → `<origin>/inform.kz/ru/x?y`: the same page on the fixture server. */
export function toFixtureUrl(liveUrl: string, origin: string): string {
  const url = new URL(liveUrl);
  return `${origin}/${fixtureHostOf(liveUrl)}${url.pathname}${url.search}`;
}

/** The reverse of toFixtureUrl (without `www.`, which the fixture server does not keep); other URLs pass. */
export function toLiveUrl(url: string, origin: string): string {
  if (!url.startsWith(`${origin}/`)) return url;
  return `https://${url.slice(origin.length + 1)}`;
}

export function readSiteMeta(host: string, root = DEFAULT_FIXTURES_ROOT): SiteMeta | undefined {
  const file = join(root, host, '_meta.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SiteMeta) : undefined;
}

/** The recorded file the fixture server would answer `liveUrl` with, or undefined when it was not recorded. */
export function findRecordedPage(liveUrl: string, root = DEFAULT_FIXTURES_ROOT): RecordedPage | undefined {
  const host = fixtureHostOf(liveUrl);
  const meta = readSiteMeta(host, root);
  if (!meta) return undefined;
  const path = decodeURIComponent(new URL(liveUrl).pathname).replace(/^\/+/, '');
  const candidates =
    path === '' || path.endsWith('/') ? indexFiles(path) : [path, `${path}.html`, ...indexFiles(`${path}/`)];
  const found = candidates
    .map((candidate) => storedFileOf(join(root, host, candidate)))
    .find((stored) => stored !== undefined);
  if (!found) return undefined;
  const inSite = relative(join(root, host), found).split(sep).join('/');
  return {
    url: liveUrl,
    file: `${host}/${inSite}`,
    recordedAt: meta.recordedAt?.[inSite] ?? meta.asOf,
    reconstructed: isReconstructed(meta, inSite),
  };
}

/** Pages of a host recorded at their own moment (`recordedAt` in `_meta.json`), such as pages of an old design. */
export function pagesRecordedApart(host: string, root = DEFAULT_FIXTURES_ROOT): RecordedPage[] {
  const meta = readSiteMeta(host, root);
  return Object.entries(meta?.recordedAt ?? {}).flatMap(([path, recordedAt]) => {
    const url = meta?.originalUrls[path];
    return url && meta
      ? [{ url, file: `${host}/${path}`, recordedAt, reconstructed: isReconstructed(meta, path) }]
      : [];
  });
}

export function readRecordedPage(page: RecordedPage, root = DEFAULT_FIXTURES_ROOT): Buffer {
  return readRecordedFile(join(root, page.file));
}

function isReconstructed(meta: SiteMeta, pathInSite: string): boolean {
  return meta.reconstructed && !(meta.recordedLive ?? []).includes(pathInSite);
}

function indexFiles(directory: string): string[] {
  return [`${directory}index.html`, `${directory}index.xml`];
}
