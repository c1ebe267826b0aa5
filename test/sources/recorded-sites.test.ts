import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { demoSites } from '../../scripts/fixture-sites/index.js';
import { recordedSites } from '../../scripts/recorded-sites/index.js';
import { DEFAULT_FIXTURES_ROOT } from '../../src/crawlers/fixture-server.js';
import { GZIP_SUFFIX, readRecordedFile } from '../../src/crawlers/recorded-file.js';
import { readSiteMeta } from '../../src/crawlers/source-testing/recorded-pages.js';

/**
 * The reconstructed pages are generated, so that they can be regenerated and reviewed: the declared sources'
 * sites by scripts/build-recorded-sites.ts, the demo sites by scripts/build-fixture-sites.ts. A page edited by
 * hand, or a generator changed without regenerating, fails here. Pages recorded from the live site are exempt.
 */
describe('recorded sites and their generators', () => {
  it.each(recordedSites().map((site) => [site.host, site] as const))(
    '%s is what scripts/recorded-sites/ writes',
    (host, site) => {
      const live = new Set(readSiteMeta(host)?.recordedLive ?? []);
      for (const file of site.files.filter((candidate) => !live.has(`${candidate.path}${GZIP_SUFFIX}`))) {
        const stored = readRecordedFile(join(DEFAULT_FIXTURES_ROOT, host, `${file.path}${GZIP_SUFFIX}`));
        expect(stored.toString('utf8'), `${host}/${file.path}`).toBe(file.content);
      }
    },
  );

  it.each(demoSites().map((site) => [site.host, site] as const))(
    '%s is what scripts/fixture-sites/ writes',
    (host, site) => {
      for (const file of site.files) {
        const stored = readFileSync(join(DEFAULT_FIXTURES_ROOT, host, file.path));
        const written = file.encoding ? iconv.encode(file.content, file.encoding) : Buffer.from(file.content);
        expect(stored.equals(written), `${host}/${file.path}`).toBe(true);
      }
    },
  );

  it('has a generator for every recorded site', () => {
    const generated = new Set([...recordedSites(), ...demoSites()].map((site) => site.host));
    const sites = readdirSync(DEFAULT_FIXTURES_ROOT, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(sites.filter((host) => !generated.has(host))).toEqual([]);
  });
});
