import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { Queryable } from '../db/database.js';
import { createOpsMetrics, type OpsMetrics } from './metrics.js';

export interface OpsRoutesDeps {
  db: Queryable;
  /** Distributed mode: the queues whose depth is reported and whose Redis must answer for /readyz. */
  queues?: ReadonlyArray<Queue>;
  /** Metrics shared with the workers of this process; created here when absent. */
  metrics?: OpsMetrics;
  /** How long /readyz waits for each dependency. */
  readyTimeoutMs?: number;
  /** False for an application that answers /healthz itself. */
  healthz?: boolean;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function checkDependencies(deps: OpsRoutesDeps): Promise<Record<string, string>> {
  const ms = deps.readyTimeoutMs ?? 2_000;
  const checks: Record<string, Promise<unknown>> = {
    database: withTimeout(deps.db.query('SELECT 1'), ms, 'database'),
  };
  const [queue] = deps.queues ?? [];
  // Any command will do; while Redis is down it waits (BullMQ retries for ever), hence the timeout.
  if (queue) checks.redis = withTimeout(queue.getJobCounts('waiting'), ms, 'redis');
  const results: Record<string, string> = {};
  for (const [name, check] of Object.entries(checks)) {
    results[name] = await check.then(
      () => 'ok',
      (error: Error) => error.message,
    );
  }
  return results;
}

/** `/metrics` (Prometheus text format), `/healthz` (the process answers) and `/readyz` (its services do). */
export function registerOpsRoutes<Logger extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>,
  deps: OpsRoutesDeps,
): OpsMetrics {
  const metrics = deps.metrics ?? createOpsMetrics(deps);
  // `public`: an application with a login (the review server) lets probes and scrapers through.
  const config = { public: true };
  if (deps.healthz !== false) app.get('/healthz', { config }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config }, async (_request, reply) => {
    const checks = await checkDependencies(deps);
    const ready = Object.values(checks).every((result) => result === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', { config }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(body);
  });
  return metrics;
}
