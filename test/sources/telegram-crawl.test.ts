import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../src/crawlers/crawl-source.js';
import { type FixtureServer, startFixtureServer } from '../../src/crawlers/fixture-server.js';
import { toFixtureUrl } from '../../src/crawlers/source-testing/recorded-pages.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { findSourceDefinition } from '../../src/sources/index.js';
import { toSourceConfig } from '../../src/sources/source-definition.js';
import type { SourceConfig } from '../../src/sources/source-schema.js';
import { useMigratedDatabase } from '../support/database.js';

const log = pino({ level: 'silent' });
const db = useMigratedDatabase();
let server: FixtureServer;
let source: SourceConfig;

beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
  const declared = toSourceConfig(findSourceDefinition('telegram-police-of-kz')!);
  source = {
    ...declared,
    discovery: {
      ...declared.discovery,
      urls: declared.discovery.urls.map((url) => toFixtureUrl(url, server.origin)),
    },
    limits: { ...declared.limits, requestDelayMs: 0, maxAgeDays: 3650 },
  };
});

afterAll(async () => {
  await server?.close();
});

async function crawl() {
  const [run] = await createRuns(db, [{ id: source.id, config: source }], 'telegram-test', 'test');
  const stats = await crawlSource(source, run!.id, { db, log, userAgent: 'BulletinHarvester-test' });
  const rows = await db.query<{ url: string; title: string; body: string; published_at: Date; html: string }>(
    `SELECT a.url, a.title, a.body, a.published_at, p.html
       FROM articles a JOIN article_pages p ON p.article_id = a.id WHERE a.run_id = $1 ORDER BY a.url`,
    [run!.id],
  );
  return { stats, rows: rows.rows };
}

describe('crawlSource on a Telegram channel preview', () => {
  it('stores every text post from the channel page without fetching a page per post', async () => {
    const { stats, rows } = await crawl();
    expect(stats.errors).toEqual([]);
    expect(stats.articlePagesFetched).toBe(0);
    expect(rows.map((row) => row.url)).toEqual([
      'https://t.me/POLICE_of_KZ/18231',
      'https://t.me/POLICE_of_KZ/18240',
    ]);
    expect(rows[0]?.title).toContain('Павлодарской области');
    expect(rows[0]?.body.split('\n').length).toBeGreaterThan(2);
    expect(rows[0]?.published_at.toISOString()).toBe('2025-09-26T06:15:00.000Z');
    expect(rows[0]?.html).toContain('data-post="POLICE_of_KZ/18231"');
  });

  it('stores nothing again when the channel has no new post', async () => {
    const { stats, rows } = await crawl();
    expect(rows).toEqual([]);
    // Unchanged page: a conditional GET may even skip parsing it; either way no post is stored twice.
    expect(stats.candidatesStored).toBe(0);
    expect(stats.errors).toEqual([]);
  });
});
