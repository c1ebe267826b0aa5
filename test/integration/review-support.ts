import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { beforeAll } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate } from '../../src/db/articles-repo.js';
import type { Actor } from '../../src/db/audit-repo.js';
import type { Database } from '../../src/db/database.js';
import { moveToStory } from '../../src/db/item-actions-repo.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { createUser, type Role } from '../../src/db/users-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { loadEnglishSupport } from '../../src/review/english.js';
import { hashPassword } from '../../src/review/passwords.js';
import { buildReviewServer, type ReviewServerOptions } from '../../src/review/server.js';
import { processArticle } from '../../src/workers/process-article.js';
import { type MigratedTestDatabase, useMigratedDatabase } from '../support/database.js';

/** Shared by the review workspace's API and browser tests. */
export const lexicon = loadLexicon('config/keywords.yaml');
/** The shipped glossaries, no translation engine (none runs here). */
export const englishSupport = loadEnglishSupport({ translator: { engine: 'off' } });
export const PASSWORD = 'a long test password';

export const SCRIPT_TITLE = 'Героин изъят <script>alert("title")</script> в Алматы';
export const SCRIPT_BODY =
  'Полицейские изъяли два килограмма героина у задержанного. <img src=x onerror=alert("body")> ' +
  'Возбуждено уголовное дело по статье о незаконном обороте наркотиков. </script><script>alert(1)</script> ' +
  '<a href="javascript:alert(2)">ссылка</a>';

/** Own examples, one per country the tests filter on, plus a payload item and an irrelevant one. */
export const seedArticles = [
  {
    key: 'kz',
    sourceId: 'polisia-kz',
    country: 'KZ',
    url: 'https://polisia.example.kz/ru/news/1001',
    title: 'В Караганде изъяли партию героина',
    body: 'Сотрудники полиции Караганды задержали курьера и изъяли у него около килограмма героина. Возбуждено уголовное дело о незаконном обороте наркотиков.',
    publishedAt: '2026-11-10T08:00:00Z',
  },
  {
    key: 'tj',
    sourceId: 'dialog-tj',
    country: 'TJ',
    url: 'https://news.example.tj/ru/2002',
    title: 'В Душанбе задержан наркокурьер с гашишем',
    body: 'Агентство по контролю за наркотиками задержало жителя Душанбе, у которого изъяли три килограмма гашиша. Наркотики направлены на экспертизу, возбуждено уголовное дело.',
    publishedAt: '2026-11-12T09:30:00Z',
  },
  {
    key: 'az',
    sourceId: 'report-az',
    country: 'AZ',
    url: 'https://report.example.az/ru/3003',
    title: 'В Баку изъято 5 килограммов марихуаны',
    body: 'Сотрудники МВД Азербайджана в Баку задержали наркоторговца, при обыске изъято пять килограммов марихуаны и метамфетамин. Возбуждено уголовное дело.',
    publishedAt: '2026-11-05T12:00:00Z',
  },
  {
    key: 'payload',
    sourceId: 'polisia-kz',
    country: 'KZ',
    url: 'javascript:alert(3)//polisia.example.kz/ru/news/666',
    title: SCRIPT_TITLE,
    body: SCRIPT_BODY,
    publishedAt: '2026-11-11T10:00:00Z',
  },
  {
    key: 'irrelevant',
    sourceId: 'polisia-kz',
    country: 'KZ',
    url: 'https://polisia.example.kz/ru/news/1002',
    title: 'В Астане прошёл турнир по футболу среди полицейских',
    body: 'Команды полицейских из всех регионов страны сыграли в финале турнира по футболу в Астане. Победителям вручили кубок.',
    publishedAt: '2026-11-14T10:00:00Z',
  },
] as const;

export type SeedKey = (typeof seedArticles)[number]['key'];

/** Stores the examples as candidates of runs of their sources and sends them through the pipeline. */
export async function seedArticlesInto(db: Database): Promise<Record<SeedKey, number>> {
  const ids = {} as Record<SeedKey, number>;
  const sources = [...new Set(seedArticles.map((article) => article.sourceId))];
  const runs = await createRuns(
    db,
    sources.map((id) => ({
      id,
      config: {
        country: seedArticles.find((a) => a.sourceId === id)!.country,
        languages: ['rus'],
        limits: { maxAgeDays: 3650 },
      },
    })),
    'review-seed',
    'manual',
  );
  for (const article of seedArticles) {
    const run = runs.find((candidate) => candidate.source_id === article.sourceId)!;
    const { id } = await insertCandidate(db, {
      sourceId: article.sourceId,
      runId: run.id,
      url: article.url,
      canonicalUrl: article.url.startsWith('http') ? canonicalizeUrl(article.url) : article.url,
      title: article.title,
      body: article.body,
      publishedAt: article.publishedAt,
      extraction: {},
      page: {
        html: `<html><body><h1>${article.title}</h1><script>alert('snapshot')</script></body></html>`,
        httpStatus: 200,
        contentType: 'text/html',
      },
    });
    await processArticle({ db, lexicon }, id);
    ids[article.key] = id;
  }
  return ids;
}

/** A source as a report's crawl run carries it: what the stages and the workspace read of it. */
export interface ReportSource {
  id: string;
  country: string;
  languages: string[];
  timezone: string;
  official?: boolean;
}

/** Stores one report as a candidate of its own run of the source and sends it through the pipeline. */
export async function storeReport(
  db: Database,
  source: ReportSource,
  article: { url: string; title: string; body: string; publishedAt: string },
): Promise<number> {
  const [run] = await createRuns(
    db,
    [
      {
        id: source.id,
        config: {
          country: source.country,
          languages: source.languages,
          timezone: source.timezone,
          official: source.official ?? false,
          limits: { maxAgeDays: 3650 },
        },
      },
    ],
    `report-${source.id}`,
    'manual',
  );
  const { id } = await insertCandidate(db, {
    sourceId: source.id,
    runId: run!.id,
    url: article.url,
    canonicalUrl: canonicalizeUrl(article.url),
    title: article.title,
    body: article.body,
    publishedAt: article.publishedAt,
    extraction: {},
  });
  await processArticle({ db, lexicon }, id);
  return id;
}

/** Puts the reports in the first one's story, whatever the stories stage decided (tests do not judge it here). */
export async function putInOneStory(db: Database, actor: Actor, first: number, ...others: number[]) {
  const storyOf = async (id: number) =>
    (await db.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [id])).rows[0]!
      .story_id;
  const storyId = await storyOf(first);
  for (const id of others) {
    if ((await storyOf(id)) === storyId) continue;
    const moved = await moveToStory(db, id, storyId, actor);
    if (moved.kind !== 'ok') throw new Error(`could not put #${id} in story #${storyId}: ${moved.kind}`);
  }
  return storyId;
}

/** Gives the report a story of its own when the stories stage put it with another. */
export async function giveOwnStory(db: Database, actor: Actor, id: number): Promise<void> {
  const { n } = (
    await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE id = $1)',
      [id],
    )
  ).rows[0]!;
  if (n > 1) await moveToStory(db, id, 'new', actor);
}

export async function userId(db: Database, name: string): Promise<number> {
  return (await db.query<{ id: number }>('SELECT id FROM users WHERE name = $1', [name])).rows[0]!.id;
}

export async function seedUsers(db: Database): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  for (const [name, role] of [
    ['ana', 'analyst'],
    ['bob', 'analyst'],
    ['olga', 'operator'],
    ['adam', 'admin'],
  ] as Array<[string, Role]>) {
    await createUser(db, { name, role, passwordHash });
  }
}

/**
 * useMigratedDatabase() with the review users and the example articles stored in it. `ids` is filled in by
 * the `beforeAll`, so the file's own hooks (called after this) and its tests can use it.
 */
export function useReviewDatabase(): { db: MigratedTestDatabase; ids: Record<SeedKey, number> } {
  const db = useMigratedDatabase();
  const ids = {} as Record<SeedKey, number>;
  beforeAll(async () => {
    await seedUsers(db);
    Object.assign(ids, await seedArticlesInto(db));
  });
  return { db, ids };
}

export function startReviewServer(
  db: Database,
  options: Partial<ReviewServerOptions> = {},
): Promise<FastifyInstance> {
  return buildReviewServer({
    db,
    lexicon,
    userAgent: 'review-test',
    now: () => new Date('2026-11-20T12:00:00Z'),
    english: englishSupport,
    ...options,
  });
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs in through the JSON endpoint; the cookie header and CSRF token for later requests. */
export async function login(app: FastifyInstance, name: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/login', payload: { name, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${name} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'hv_session')!;
  const header = `hv_session=${cookie.value}`;
  const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: header } });
  return { cookie: header, csrf: me.json().csrf_token };
}

/** A local site for "add by URL": pages by path, with optional redirects. */
export async function startPageServer(
  pages: Record<string, { status?: number; body?: string; headers?: Record<string, string> }>,
): Promise<{ origin: string; close(): Promise<void>; server: Server }> {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    if (!page) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(page.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
    response.end(page.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const articlePage = (
  title: string,
  body: string,
  date = '2026-11-15T10:00:00+05:00',
) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="${date}"></head>
<body><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article></body></html>`;
