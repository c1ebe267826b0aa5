import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crawlRequest } from '../../src/crawlers/routes/crawl-request.js';
import {
  type ExpectedPage,
  readExpectations,
  readerText,
} from '../../src/crawlers/source-testing/expectations.js';
import {
  formatInZone,
  type ReadCandidate,
  readCandidate,
} from '../../src/crawlers/source-testing/page-output.js';
import { readSiteMeta } from '../../src/crawlers/source-testing/recorded-pages.js';
import { replayRecorded } from '../../src/crawlers/source-testing/replay-recorded.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { sourceRegistry } from '../../src/sources/index.js';
import { toSourceConfig } from '../../src/sources/source-definition.js';
import type { SourceConfig } from '../../src/sources/source-schema.js';

/**
 * The recorded pages against what a person reads on them (test/fixtures/expectations/, written from the pages,
 * never from our output). Each page goes through the crawl's own path — the page gate and the handler of its
 * label, with the parser version of its recording date — as a replay of that one page.
 */

const SITES = 'test/fixtures/sites';

/** The live URL a recorded file was recorded from, per its site's _meta.json. */
function recordedUrlOf(file: string): string {
  const [host = '', ...rest] = relative(SITES, file).split('/');
  const url = readSiteMeta(host)?.originalUrls[rest.join('/')];
  if (!url) throw new Error(`${file} is not listed in ${host}/_meta.json`);
  return url;
}

/** The page as the crawl reads it: an article page as ARTICLE, a Telegram post from its channel page. */
async function readAsCrawled(source: SourceConfig, page: ExpectedPage): Promise<ReadCandidate | undefined> {
  const request =
    source.discovery.strategy === 'telegram'
      ? crawlRequest(recordedUrlOf(page.file), 'TELEGRAM')
      : crawlRequest(page.url, 'ARTICLE', { canonical: canonicalizeUrl(page.url) });
  const replay = await replayRecorded(source, { requests: [request] });
  const stored = replay.stored.find(({ candidate }) => candidate.url === page.url);
  return stored && readCandidate(source, stored.candidate);
}

/** The published time as the page shows it: full time with offset, or the date alone when that is all it shows. */
function shownTime(read: ReadCandidate | undefined, page: ExpectedPage): string | null {
  const published = read?.output.published_at;
  if (!published) return null;
  const local = formatInZone(new Date(published), page.timezone);
  return page.published_local.length === 10 ? local.slice(0, 10) : local;
}

describe.each(sourceRegistry.map((definition) => [definition.id, definition] as const))(
  'source %s, read as a person reads its pages',
  (id, definition) => {
    const source = toSourceConfig(definition);
    const expectations = readExpectations(id);

    it('has expectations for its recorded pages, in its time zone', () => {
      expect(expectations, `test/fixtures/expectations/${id}.expected.json is missing`).toBeDefined();
      for (const page of expectations?.pages ?? []) expect(page.timezone, page.url).toBe(source.timezone);
    });

    describe.each((expectations?.pages ?? []).map((page) => [page.url, page] as const))(
      '%s',
      (_url, page) => {
        let read: ReadCandidate | undefined;
        beforeAll(async () => {
          read = await readAsCrawled(source, page);
        });

        it('has the title, the first and last sentence, the language and the parser version', () => {
          expect(read, 'no article was stored for this page').toBeDefined();
          expect(readerText(read?.output.title ?? '')).toBe(readerText(page.title));
          const body = readerText(read?.output.body ?? '');
          expect(body.startsWith(readerText(page.body_first)), `body starts: ${body.slice(0, 160)}`).toBe(
            true,
          );
          expect(body.endsWith(readerText(page.body_last)), `body ends: ${body.slice(-160)}`).toBe(true);
          expect(read?.output.language).toBe(page.lang);
          expect(read?.parserIndex).toBe(page.parser_version);
        });

        // A page whose date a known bug gets wrong is reported as an expected failure until the fix lands.
        const dated = page.known_bug ? it.fails : it;
        dated(
          `was published at ${page.published_local}${page.known_bug ? ` — known bug: ${page.known_bug}` : ''}`,
          () => {
            expect(shownTime(read, page)).toBe(page.published_local);
          },
        );
      },
    );
  },
);

/** Every file of the recorded sites, relative to the repository root. */
function recordedFiles(dir = SITES): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? recordedFiles(path) : [path];
  });
}

describe('coverage of the recorded pages', () => {
  const expected = sourceRegistry.flatMap((definition) => readExpectations(definition.id)?.pages ?? []);

  it('has a recorded page for every parser version of every source (Fundus test_parser_coverage)', () => {
    for (const definition of sourceRegistry) {
      const pages = readExpectations(definition.id)?.pages ?? [];
      definition.parsers.forEach((_parser, index) => {
        expect(
          pages.some((page) => page.parser_version === index),
          `${definition.id}: parser version ${index} has no recorded page with expectations`,
        ).toBe(true);
      });
    }
  });

  it('has expectations for every recorded article page, and every expectation names a recorded page', async () => {
    const discoveryPages = new Set<string>();
    for (const definition of sourceRegistry) {
      const replay = await replayRecorded(toSourceConfig(definition));
      for (const file of replay.visited) discoveryPages.add(`${SITES}/${file}`);
    }
    const pages = recordedFiles().filter((file) => /\.html(\.gz)?$/.test(file));
    const described = new Set(expected.map((page) => page.file));
    const missing = pages.filter((file) => !described.has(file) && !discoveryPages.has(file));
    expect(missing).toEqual([]);
    for (const file of described) expect(pages, file).toContain(file);
  });
});
