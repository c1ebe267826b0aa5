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

  it('refuses form posts that a foreign page could forge', async () => {
    const operator = await login(app, 'olga');
    const forged = await app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/crawl/pause',
      headers: { cookie: operator.cookie },
    });
    // PUT cannot come from a cross-site form; a form POST can, and is refused.
    expect(forged.statusCode).not.toBe(403);
    const formPost = await app.inject({
      method: 'POST',
      url: '/admin/queues/api/queues/crawl/add',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(formPost.statusCode).toBe(403);
  });
});
