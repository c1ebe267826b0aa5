/**
 * Writes the demo sites under test/fixtures/sites/<host>/ that `harvest fixtures serve` serves.
 *
 * No network here: the pages are reconstructed by hand after the seed bulletin (its events, retold in the
 * sites' languages) and public scrapers' notes (docs/SITES.md), not recorded from the live sites. Links are
 * written as the live site would write them (absolute `https://<host>/…` or root-relative); the fixture server
 * points them back at itself. Run: node --import tsx scripts/build-fixture-sites.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { cariccOrg } from './fixture-sites/caricc-org.js';
import { dialogTj } from './fixture-sites/dialog-tj.js';
import { nmdkGovAz } from './fixture-sites/nmdk-gov-az.js';
import { polisiaKz } from './fixture-sites/polisia-kz.js';
import { reportAz } from './fixture-sites/report-az.js';
import type { SiteFiles } from './fixture-sites/site-files.js';

const FIXTURES_AS_OF = '2025-09-30T18:00:00+05:00';

const root = 'test/fixtures/sites';

/** iconv-lite silently writes `?` for characters the encoding lacks; a fixture must not hide that. */
function encodeExactly(text: string, encoding: string, path: string): Buffer {
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

for (const site of [polisiaKz(), nmdkGovAz(), reportAz(), dialogTj(), cariccOrg()]) {
  writeSite(site);
  console.log(`${site.host}: ${site.files.length} files`);
}
