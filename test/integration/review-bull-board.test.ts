import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullBoardPlugin } from '../../src/review/bull-board.js';
import { openQueues, type Queues } from '../../src/workers/bullmq-transport.js';
import { useMigratedDatabase } from '../support/database.js';
import { flushQueuePrefix } from '../support/redis.js';
import { testRedisUrl, uniqueName } from '../support/services.js';
import { login, seedUsers, startReviewServer } from './review-support.js';

const db = useMigratedDatabase();
let app: FastifyInstance;
let queues: Queues;
const prefix = uniqueName('review_board');

beforeAll(async () => {
  await seedUsers(db);
  queues = openQueues({ redisUrl: testRedisUrl, prefix });
  app = await startReviewServer(db, { operatorPlugins: [bullBoardPlugin(queues)] });
});

afterAll(async () => {
  await app?.close();
  await queues?.close();
  await flushQueuePrefix(prefix);
});

describe('Bull Board under /admin/queues', () => {
  it('is for operators only', async () => {
    expect((await app.inject({ url: '/admin/queues' })).statusCode).toBe(303);
    expect((await app.inject({ url: '/admin/queues/api/queues' })).statusCode).toBe(303);
    const analyst = await login(app, 'ana');
    expect((await app.inject({ url: '/admin/queues', headers: { cookie: analyst.cookie } })).statusCode).toBe(
      403,
    );
    expect(
      (await app.inject({ url: '/admin/queues/api/queues', headers: { cookie: analyst.cookie } })).statusCode,
    ).toBe(403);
    const operator = await login(app, 'olga');
    const page = await app.inject({ url: '/admin/queues', headers: { cookie: operator.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const queues = await app.inject({
      url: '/admin/queues/api/queues',
      headers: { cookie: operator.cookie },
    });
    expect(queues.statusCode).toBe(200);
    expect(queues.body).toContain('crawl');
  });

  it('refuses every state change without the session CSRF token: pausing a queue, adding a job', async () => {
    const operator = await login(app, 'olga');
    const isPaused = () => queues.crawl.isPaused();
    const jobCount = async () => (await queues.articles.getJobCounts('waiting')).waiting ?? 0;
    const before = await jobCount();
    const pause = (headers: Record<string, string>) =>
      app.inject({
        method: 'PUT',
        url: '/admin/queues/api/queues/crawl/pause',
        headers: { cookie: operator.cookie, ...headers },
      });
    const addJob = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/admin/queues/api/queues/articles/add',
        headers: { cookie: operator.cookie, 'content-type': 'application/json', ...headers },
        payload: { name: 'article', data: { articleId: 1 } },
      });
    // What the audit did: a JSON request with the session cookie alone, as a page on another site could send it.
    const forgeries: Array<Record<string, string>> = [
      {},
      { 'x-xsrf-token': 'forged' },
      { 'x-csrf-token': 'forged' },
    ];
    for (const headers of forgeries) {
      const paused = await pause(headers);
      expect(paused.statusCode).toBe(403);
      expect(paused.json().error).toMatch(/CSRF token/);
      expect((await addJob(headers)).statusCode).toBe(403);
    }
    const formPost = await app.inject({
      method: 'POST',
      url: '/admin/queues/api/queues/crawl/add',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(formPost.statusCode).toBe(403);
    expect(await isPaused()).toBe(false);
    expect(await jobCount()).toBe(before);

    // The board's page hands its script the token as the cookie axios sends back as X-XSRF-TOKEN.
    const board = await app.inject({ url: '/admin/queues', headers: { cookie: operator.cookie } });
    const xsrf = board.cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')!;
    expect(xsrf).toMatchObject({ value: operator.csrf, path: '/admin/queues', sameSite: 'Strict' });
    expect(xsrf.httpOnly).toBeFalsy();
    expect((await pause({ 'x-xsrf-token': xsrf.value })).statusCode).toBe(200);
    expect(await isPaused()).toBe(true);
    await queues.crawl.resume();
    expect((await addJob({ 'x-csrf-token': operator.csrf })).statusCode).toBe(200);
    expect(await jobCount()).toBe(before + 1);
  });
});
