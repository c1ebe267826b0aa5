/**
 * Writes the demo sites under test/fixtures/sites/<host>/ that `harvest fixtures serve` serves, and the
 * expectations of their article pages (test/fixtures/expectations/<source-id>.expected.json) from the same data:
 * what a reader of each page sees — title, date and time, first and last sentence, language.
 *
 * No network here: the pages are reconstructed by hand after the seed bulletin (its events, retold in the
 * sites' languages) and public scrapers' notes (docs/SITES.md), not recorded from the live sites. Links are
 * written as the live site would write them (absolute `https://<host>/…` or root-relative); the fixture server
 * points them back at itself. Run: node --import tsx scripts/build-fixture-sites.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import {
  type ExpectedPage,
  firstSentence,
  lastSentence,
  readExpectations,
  writeExpectations,
} from '../src/crawlers/source-testing/expectations.js';
import { findSourceDefinition } from '../src/sources/index.js';
import { demoSites } from './fixture-sites/index.js';
import type { FixtureFile, SiteFiles } from './fixture-sites/site-files.js';

const FIXTURES_AS_OF = '2025-09-30T18:00:00+05:00';

const root = 'test/fixtures/sites';

/** iconv-lite silently writes `?` for characters the encoding lacks; a fixture must not hide that. */
export function encodeExactly(text: string, encoding: string, path: string): Buffer {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text)
    throw new Error(`${path}: text cannot be written in ${encoding}`);
  return bytes;
}

function writeSite(site: SiteFiles): void {
  const siteRoot = join(root, site.host);
  rmSync(siteRoot, { recursive: true, force: true });
  for (const file of site.files) {
    const target = join(siteRoot, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(
      target,
      file.encoding ? encodeExactly(file.content, file.encoding, file.path) : file.content,
    );
  }
  const meta = {
    reconstructed: true,
    // The moment the pages describe: a replay (the demo) judges article age against it, not against today.
    asOf: FIXTURES_AS_OF,
    note: "No network here: written by hand after the seed bulletin and public scrapers' notes; not recorded from the live site",
    originalUrls: Object.fromEntries(
      site.files.filter((file) => file.originalUrl).map((f) => [f.path, f.originalUrl]),
    ),
    fromSeedBulletin: site.files.filter((file) => file.fromSeed).map((file) => file.path),
  };
  writeFileSync(join(siteRoot, '_meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
}

/** The page's expectations, from the data it was generated from. */
function expectedPage(site: SiteFiles, file: FixtureFile): ExpectedPage & { source: string } {
  const truth = file.truth!;
  const timezone = findSourceDefinition(truth.sourceId)?.timezone;
  if (!timezone) throw new Error(`${file.path}: no declared source ${truth.sourceId}`);
  return {
    source: truth.sourceId,
    file: `${root}/${site.host}/${file.path}`,
    url: file.originalUrl!,
    title: truth.article.title,
    published_local: truth.article.published,
    timezone,
    lang: truth.lang as ExpectedPage['lang'],
    body_first: firstSentence(truth.body[0] ?? ''),
    body_last: lastSentence(truth.body.at(-1) ?? ''),
    // Every demo source has one parser version.
    parser_version: 0,
  };
}

const expected = new Map<string, ExpectedPage[]>();
for (const site of demoSites()) {
  writeSite(site);
  for (const file of site.files.filter((candidate) => candidate.truth)) {
    const { source, ...page } = expectedPage(site, file);
    expected.set(source, [...(expected.get(source) ?? []), page]);
  }
  console.log(`${site.host}: ${site.files.length} files`);
}
for (const [source, pages] of expected) {
  pages.sort((a, b) => a.file.localeCompare(b.file));
  // What reviewers added by hand (a known bug, a note) stays with its page.
  const before = readExpectations(source)?.pages ?? [];
  const kept = pages.map((page) => {
    const { known_bug, note } = before.find((old) => old.file === page.file) ?? {};
    return { ...page, ...(known_bug ? { known_bug } : {}), ...(note ? { note } : {}) };
  });
  console.log(`wrote ${writeExpectations({ source, pages: kept })}`);
}
