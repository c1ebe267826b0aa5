import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { createRuns, emptyCrawlStats, finishRun } from '../../src/db/runs-repo.js';
import { checkSourcesHealth, formatHealthTable } from '../../src/ops/health-check.js';
import { registerOpsRoutes } from '../../src/ops/ops-routes.js';
import { postWebhook } from '../../src/ops/webhook.js';
import { enqueueArticles, openQueues } from '../../src/workers/bullmq-transport.js';
import { useMigratedDatabase } from '../support/database.js';
import { useTestQueues } from '../support/queues.js';
import { uniqueName } from '../support/services.js';

const log = pino({ level: 'silent' });
const db = useMigratedDatabase();
const queues = useTestQueues();
let hook: Server;
const received: unknown[] = [];

beforeAll(async () => {
  hook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ contentType: request.headers['content-type'], body: JSON.parse(body) });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  hook.close();
});

async function crawlRun(sourceId: string, outcome: 'ok' | 'all_failed', missing: string[] = []) {
  const [run] = await createRuns(db, [{ id: sourceId, config: {} }], uniqueName('batch'), 'test');
  for (let i = 0; i < 4; i++) {
    await insertCandidate(db, {
      sourceId,
      runId: run!.id,
      url: `https://${sourceId}.example/${run!.id}/${i}`,
      canonicalUrl: `https://${sourceId}.example/${run!.id}/${i}`,
      title: missing.includes('title') ? null : 'Изъято 2 кг гашиша',
      body: missing.includes('body') ? null : 'Полиция изъяла два килограмма гашиша.',
      publishedAt: new Date(Date.now() - i * 3_600_000).toISOString(),
      extraction: { missing },
    });
  }
  const stats =
    outcome === 'ok'
      ? { ...emptyCrawlStats(), pagesFetched: 5 }
      : {
          ...emptyCrawlStats(),
          errors: [{ url: `https://${sourceId}.example/`, kind: 'http_500', message: 'HTTP 500' }],
        };
  await finishRun(db, run!.id, { status: outcome === 'ok' ? 'succeeded' : 'failed', stats });
}

const webhookUrl = () => `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
const notify = (text: string) => postWebhook(webhookUrl(), text, log);

describe('source health', () => {
  it('is stored per source and announced on the webhook only when it changes', async () => {
    await crawlRun('health-good', 'ok');
    await crawlRun('health-parser', 'ok', ['body']);
    const first = await checkSourcesHealth(db, ['health-good', 'health-parser'], { notify });
    expect(first.map((r) => [r.sourceId, r.state])).toEqual([
      ['health-good', 'ok'],
      ['health-parser', 'broken'],
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ contentType: 'application/json' });
    const text = (received[0] as { body: { text: string } }).body.text;
    expect(text).toMatch(/health-parser: new → BROKEN — the pages no longer match the parser/);
    expect(text).not.toMatch(/health-good/);

    await checkSourcesHealth(db, ['health-good', 'health-parser'], { notify });
    expect(received).toHaveLength(1);

    await crawlRun('health-good', 'all_failed');
    const third = await checkSourcesHealth(db, ['health-good'], { notify });
    expect(third[0]).toMatchObject({ state: 'broken', previous: 'ok', changed: true });
    expect((received[1] as { body: { text: string } }).body.text).toMatch(
      /health-good: ok → BROKEN — every request of the last run failed \(1 errors: http_500\)/,
    );
    expect(formatHealthTable(third)).toMatch(/health-good\s+broken\s+was ok/);
    const stored = await db.query("SELECT state FROM source_health WHERE source_id = 'health-good'");
    expect(stored.rows).toEqual([{ state: 'broken' }]);
  });

  it('two checks at once announce a change once', async () => {
    await crawlRun('health-race', 'all_failed');
    const before = received.length;
    await Promise.all([
      checkSourcesHealth(db, ['health-race'], { notify }),
      checkSourcesHealth(db, ['health-race'], { notify }),
    ]);
    expect(received.length - before).toBe(1);
  });

  it('a webhook that fails does not fail the check', async () => {
    expect(await postWebhook('http://127.0.0.1:9/hook', 'x', log, 1_000)).toBe(false);
  });
});

describe('ops routes', () => {
  it('serve Prometheus metrics with queue depth, fetches, extraction failures and drafts', async () => {
    // Two jobs (one job holds up to ARTICLES_PER_JOB articles).
    await enqueueArticles(queues, [9_001]);
    await enqueueArticles(queues, [9_002]);
    await db.query("UPDATE articles SET status = 'new', country = 'KZ' WHERE source_id = 'health-good'");
    const app = Fastify();
    registerOpsRoutes(app, { db, queues: [queues.crawl, queues.articles] });
    const response = await app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/plain/);
    const text = response.body;
    expect(text).toMatch(/harvest_queue_jobs\{queue="articles",state="waiting"\} 2/);
    expect(text).toMatch(/harvest_queue_oldest_waiting_seconds\{queue="articles"\} \d/);
    expect(text).toMatch(/harvest_fetches\{source="health-good",status="ok"\} 5/);
    expect(text).toMatch(/harvest_fetches\{source="health-good",status="http_500"\} 1/);
    expect(text).toMatch(/harvest_extraction_missing\{source="health-parser",field="body"\} 4/);
    expect(text).toMatch(/harvest_drafts\{country="KZ"\} 8/);
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    await app.close();
  });

  it('report not ready when Redis does not answer', async () => {
    const deadQueues = openQueues({ redisUrl: 'redis://127.0.0.1:9', prefix: 'none' });
    for (const queue of [deadQueues.crawl, deadQueues.articles]) queue.on('error', () => {});
    const app = Fastify();
    registerOpsRoutes(app, { db, queues: [deadQueues.crawl], readyTimeoutMs: 300 });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toMatchObject({
      database: 'ok',
      redis: expect.stringMatching(/did not answer/),
    });
    await app.close();
    deadQueues.close().catch(() => {});
  });
});
