/**
 * Records a source's pages and (re)writes its golden output.
 *
 *   node --import tsx scripts/record-source.ts ID                  compare the parser's output with the golden file
 *   node --import tsx scripts/record-source.ts ID --update-golden  rewrite test/fixtures/golden/ID.golden.json
 *   node --import tsx scripts/record-source.ts ID --live [--limit N] [--update-golden]
 *       fetch the discovery pages and the first N articles from the live site into test/fixtures/sites/<host>/,
 *       marking them in _meta.json (recordedAt, recordedLive), then optionally regenerate the golden file
 *
 * The machine these fixtures were written on has no network: every page there is reconstructed by hand and
 * `--live` fails with the network error. Run it where the sites are reachable, review the diff, commit.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { loadConfig } from '../src/config/env.js';
import type { SourceConfig } from '../src/config/source-schema.js';
import { DEFAULT_FIXTURES_ROOT } from '../src/crawlers/fixture-server.js';
import { GZIP_SUFFIX, gzipRecordedPage } from '../src/crawlers/recorded-file.js';
import type { FetchedPage } from '../src/crawlers/routes/fetched-page.js';
import { checkCrawl } from '../src/crawlers/sources/check-crawl.js';
import { buildGolden, readGolden, writeGolden } from '../src/crawlers/sources/golden.js';
import { findSourceDefinition, sourceRegistry } from '../src/crawlers/sources/index.js';
import { fixtureHostOf, readSiteMeta, type SiteMeta } from '../src/crawlers/sources/recorded-pages.js';
import { toSourceConfig } from '../src/crawlers/sources/source-definition.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    live: { type: 'boolean', default: false },
    'update-golden': { type: 'boolean', default: false },
    limit: { type: 'string', default: '3' },
  },
});

const id = positionals[0];
const definition = id ? findSourceDefinition(id) : undefined;
if (!definition) {
  console.error(`usage: record-source.ts ID [--live] [--limit N] [--update-golden]`);
  console.error(`known sources: ${sourceRegistry.map((source) => source.id).join(', ')}`);
  process.exit(2);
}
const source = toSourceConfig(definition);

if (values.live) await recordLive(source, Number(values.limit));
if (values['update-golden']) {
  const path = writeGolden(await buildGolden(source));
  console.log(`wrote ${path}`);
} else {
  const current = await buildGolden(source);
  const same = isDeepStrictEqual(current, readGolden(source.id));
  console.log(
    `${source.id}: ${same ? 'parser output matches the golden file' : 'parser output DIFFERS from the golden file (--update-golden rewrites it)'}`,
  );
  process.exitCode = same ? 0 : 1;
}

/**
 * The production crawl of the live site (robots.txt, the source's delays, the handlers), first discovery pages
 * and `limit` articles; every page it fetched with status 200 is saved.
 */
async function recordLive(source: SourceConfig, limit: number): Promise<void> {
  const config = loadConfig();
  const recordedAt = new Date().toISOString();
  const fetched: FetchedPage[] = [];
  const crawl = await checkCrawl(source, {
    limit,
    userAgent: config.userAgent,
    observer: { page: (page) => fetched.push(page) },
  });
  for (const page of fetched) {
    if (page.httpStatus === 200) savePage(page.request.url, page.bytes, page.contentType, recordedAt);
    else console.warn(`${page.request.url}: HTTP ${page.httpStatus}, not recorded`);
  }
  for (const error of crawl.stats.errors) console.warn(`${error.url}: ${error.kind}: ${error.message}`);
}

/**
 * Stores a page gzipped where the fixture server looks for it (replacing a plain copy, which the server would
 * prefer) and notes its URL and date in the site's _meta.json.
 */
function savePage(url: string, bytes: Buffer, contentType: string | null, recordedAt: string): void {
  const host = fixtureHostOf(url);
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  const isXml =
    /xml|rss|atom/i.test(contentType ?? '') || bytes.subarray(0, 100).toString().startsWith('<?xml');
  const index = isXml ? 'index.xml' : 'index.html';
  const plainInSite =
    path === '' || path.endsWith('/')
      ? `${path}${index}`
      : isXml || !/\.[a-z]+$/i.test(path)
        ? isXml
          ? `${path}/${index}`
          : `${path}.html`
        : path;
  const inSite = `${plainInSite}${GZIP_SUFFIX}`;
  const plainTarget = join(DEFAULT_FIXTURES_ROOT, host, plainInSite);
  mkdirSync(dirname(plainTarget), { recursive: true });
  writeFileSync(`${plainTarget}${GZIP_SUFFIX}`, gzipRecordedPage(bytes));
  const meta: SiteMeta = readSiteMeta(host) ?? { reconstructed: false, asOf: recordedAt, originalUrls: {} };
  if (existsSync(plainTarget)) {
    rmSync(plainTarget);
    delete meta.originalUrls[plainInSite];
    delete meta.recordedAt?.[plainInSite];
    meta.recordedLive = meta.recordedLive?.filter((recorded) => recorded !== plainInSite);
  }
  meta.originalUrls[inSite] = url;
  meta.recordedAt = { ...meta.recordedAt, [inSite]: recordedAt };
  meta.recordedLive = [...new Set([...(meta.recordedLive ?? []), inSite])];
  writeFileSync(join(DEFAULT_FIXTURES_ROOT, host, '_meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`recorded ${url} → ${host}/${inSite}`);
}
