import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { createUser } from '../../src/db/users-repo.js';
import { addByUrl } from '../../src/review/add-by-url.js';
import { DEFAULT_FETCH_POLICY } from '../../src/review/safe-fetch.js';
import { sourceSchema } from '../../src/sources/source-schema.js';
import { useMigratedDatabase } from '../support/database.js';

/**
 * A page added by hand is read as a crawl of its site reads it: with the declared source's parser (its
 * selectors first) and its time zone for times written without an offset; other sites get the generic extractor.
 */

const lexicon = loadLexicon('config/keywords.yaml');
const db = useMigratedDatabase();
let server: Server;
let origin: string;

// The visible headline is a teaser; the site's own title is in .news-detail__title. The time has no offset.
const PAGE = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Главное за день | Сайт</title></head><body>
<h1>Главное за день</h1>
<div class="news-detail"><h2 class="news-detail__title">В Баку изъято 3 килограмма героина</h2>
<div class="news-detail__date">21.09.2025 21:05</div>
<div class="news-detail__text"><p>Сотрудники полиции Хатаинского района Баку задержали жителя столицы, у которого изъято три килограмма героина.</p>
<p>Возбуждено уголовное дело по статье о незаконном обороте наркотических средств, ведется следствие.</p></div></div>
</body></html>`;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function add(url: string, sources: Parameters<typeof addByUrl>[0]['sources']) {
  const user = await createUser(db, { name: `analyst-${Math.random()}`, role: 'analyst', passwordHash: 'x' });
  const { id } = await addByUrl(
    {
      db,
      lexicon,
      fetchPolicy: {
        ...DEFAULT_FETCH_POLICY,
        allowHosts: ['127.0.0.1'],
        userAgent: 'BulletinHarvester-test',
      },
      sources,
    },
    url,
    { id: user.id, name: user.name },
  );
  const row = await db.query<{
    title: string;
    published_at: Date;
    source_id: string;
    extraction: { readAs?: string };
  }>('SELECT title, published_at, source_id, extraction FROM articles WHERE id = $1', [id]);
  return row.rows[0]!;
}

describe('add by URL', () => {
  it('reads a page of a declared site with that source’s selectors and time zone', async () => {
    const baku = sourceSchema.parse({
      id: 'baku-news',
      name: 'Baku news',
      country: 'AZ',
      languages: ['rus'],
      timezone: 'Asia/Baku',
      discovery: { strategy: 'rss', urls: [`${origin}/rss/`] },
      article: { title: '.news-detail__title', body: '.news-detail__text', date: '.news-detail__date' },
    });
    const stored = await add(`${origin}/news/1`, [baku]);
    expect(stored).toMatchObject({ title: 'В Баку изъято 3 килограмма героина', source_id: 'manual' });
    expect(stored.extraction.readAs).toBe('baku-news');
    // 21:05 in Baku (UTC+4).
    expect(stored.published_at.toISOString()).toBe('2025-09-21T17:05:00.000Z');
  });

  it('reads a page of no declared site with the generic extractor, times as UTC', async () => {
    const stored = await add(`${origin}/news/2`, []);
    expect(stored.extraction.readAs).toBeUndefined();
    expect(stored.title).not.toBe('В Баку изъято 3 килограмма героина');
  });
});
