/**
 * Writes the reconstructed pages of the declared sources under test/fixtures/sites/<host>/ (gzipped, with their
 * `_meta.json`), from the data and markup of each site in scripts/recorded-sites/. The demo sites have their
 * own generator (scripts/build-fixture-sites.ts); pages recorded from the live site (`recordedLive`) are kept.
 *
 *   node --import tsx scripts/build-recorded-sites.ts           rewrite what changed
 *   node --import tsx scripts/build-recorded-sites.ts --check   only report pages that differ from their source
 *
 * No network here: every page is written by hand after the sites' known URL patterns and public scrapers'
 * notes (docs/SITES.md). What a reader sees on each page is in test/fixtures/expectations/, written apart.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FIXTURES_ROOT } from '../src/crawlers/fixture-server.js';
import { GZIP_SUFFIX, gzipRecordedPage, readRecordedFile } from '../src/crawlers/recorded-file.js';
import type { SiteMeta } from '../src/crawlers/source-testing/recorded-pages.js';
import { recordedSites } from './recorded-sites/index.js';
import { RECONSTRUCTED, type RecordedSite } from './recorded-sites/page.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

function metaOf(site: RecordedSite, previous: SiteMeta | undefined): SiteMeta {
  const recordedAt = Object.fromEntries(
    site.files
      .filter((file) => file.recordedAt)
      .map((file) => [`${file.path}${GZIP_SUFFIX}`, file.recordedAt!]),
  );
  return {
    reconstructed: true,
    asOf: RECONSTRUCTED.asOf,
    note: site.note ?? RECONSTRUCTED.note,
    originalUrls: Object.fromEntries(
      site.files.map((file) => [`${file.path}${GZIP_SUFFIX}`, file.originalUrl]),
    ),
    fromSeedBulletin: site.files.filter((file) => file.fromSeed).map((file) => `${file.path}${GZIP_SUFFIX}`),
    ...(Object.keys(recordedAt).length > 0 ? { recordedAt: { ...recordedAt, ...previous?.recordedAt } } : {}),
    ...(previous?.recordedLive ? { recordedLive: previous.recordedLive } : {}),
  };
}

let differences = 0;
for (const site of recordedSites()) {
  const siteRoot = join(DEFAULT_FIXTURES_ROOT, site.host);
  const metaPath = join(siteRoot, '_meta.json');
  const previous = existsSync(metaPath)
    ? (JSON.parse(readFileSync(metaPath, 'utf8')) as SiteMeta)
    : undefined;
  const live = new Set(previous?.recordedLive ?? []);
  let changed = 0;
  for (const file of site.files) {
    const stored = `${file.path}${GZIP_SUFFIX}`;
    if (live.has(stored)) continue;
    const target = join(siteRoot, stored);
    const bytes = Buffer.from(file.content);
    if (existsSync(target) && readRecordedFile(target).equals(bytes)) continue;
    changed += 1;
    if (values.check) {
      console.log(`${site.host}/${stored} differs from scripts/recorded-sites/`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, gzipRecordedPage(bytes));
  }
  const meta = `${JSON.stringify(metaOf(site, previous), null, 2)}\n`;
  if (!existsSync(metaPath) || readFileSync(metaPath, 'utf8') !== meta) {
    changed += 1;
    if (values.check) console.log(`${site.host}/_meta.json differs`);
    else writeFileSync(metaPath, meta);
  }
  differences += changed;
  console.log(`${site.host}: ${site.files.length} files, ${changed} ${values.check ? 'differ' : 'written'}`);
}
if (values.check && differences > 0) process.exitCode = 1;
