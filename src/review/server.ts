import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import type { Database } from '../db/database.js';
import { ensureSecret, findSessionUser, type SessionUser } from '../db/users-repo.js';
import { searchExpansions } from '../domain/search-query.js';
import { registerOpsRoutes as registerProbeRoutes } from '../ops/ops-routes.js';
import { hashToken, hasRole, LoginLimiter, newToken, SESSION_COOKIE, sameSecret } from './auth.js';
import { isApi, refuse } from './reply.js';
import type { ReviewDeps, ReviewServerOptions } from './review-deps.js';
import { registerActivityRoutes } from './routes/activity-routes.js';
import { registerAddRoutes } from './routes/add-routes.js';
import { registerBulletinRoutes } from './routes/bulletin-routes.js';
import { registerItemRoutes } from './routes/item-routes.js';
import { registerLoginRoutes } from './routes/login-routes.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerQueueRoutes } from './routes/queue-routes.js';
import { registerStoryRoutes } from './routes/story-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { DEFAULT_FETCH_POLICY } from './safe-fetch.js';
import { fastifyTrustProxy } from './trust-proxy.js';

export type { ReviewDeps, ReviewServerOptions } from './review-deps.js';

// No inline script or style anywhere: harvested text that slipped through escaping still could not run.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const staticDir = join(import.meta.dirname, 'static');
const staticFiles = new Map(
  [
    ['review.js', 'text/javascript; charset=utf-8'],
    ['review.css', 'text/css; charset=utf-8'],
  ].map(([name, type]) => [name!, { type: type!, body: readFileSync(join(staticDir, name!)) }]),
);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function sessionUser(request: FastifyRequest, db: Database): Promise<SessionUser | null> {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  return (await findSessionUser(db, hashToken(unsigned.value))) ?? null;
}

function csrfTokenOf(request: FastifyRequest): unknown {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' ? body._csrf : undefined;
}

/** The review workspace: server-rendered pages, a JSON API under /api, one small script for the keyboard. */
export async function buildReviewServer(options: ReviewServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.log ? { loggerInstance: options.log as FastifyBaseLogger } : { logger: false }),
    trustProxy: fastifyTrustProxy(options.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
  });
  const secret = await ensureSecret(options.db, 'cookie', newToken());
  await app.register(cookie, { secret });
  await app.register(formbody);
  app.decorateRequest('user', null);

  const drugs = options.drugs ?? loadDrugGlossary();
  const deps: ReviewDeps = {
    db: options.db,
    lexicon: options.lexicon,
    drugs,
    search: searchExpansions(drugs),
    fetchPolicy: { ...DEFAULT_FETCH_POLICY, ...options.fetchPolicy, userAgent: options.userAgent },
    limiter: new LoginLimiter(options.loginLimits),
    secureCookie: (request) =>
      options.secureCookies === 'auto' || options.secureCookies === undefined
        ? request.protocol === 'https'
        : options.secureCookies,
    loadSources: options.loadSources ?? (() => []),
    runSource: options.runSource,
    queueDashboard: (options.operatorPlugins ?? []).length > 0,
    now: options.now ?? (() => new Date()),
    english: options.english ?? {},
  };

  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    // Source sites must not learn which of their pages an analyst opened from here, nor our URLs.
    reply.header('referrer-policy', 'no-referrer');
    if (!request.url.startsWith('/static/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    request.user = await sessionUser(request, options.db);
    if (!request.user) {
      if (isApi(request)) return reply.code(401).send({ error: 'log in first' });
      const next = SAFE_METHODS.has(request.method) ? request.url : '/queue';
      return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    if (config.role && !hasRole(request.user, config.role)) {
      return refuse(request, reply, 403, `this page needs the ${config.role} role`);
    }
  });

  // After body parsing, so that a form's hidden field can be read; every state change needs the token.
  app.addHook('preHandler', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.ownCsrf) return;
    if (!request.user || !sameSecret(csrfTokenOf(request), request.user.csrfToken)) {
      return refuse(request, reply, 403, 'missing or wrong CSRF token: reload the page and try again');
    }
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      return refuse(
        request,
        reply,
        400,
        `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'review request failed');
    return refuse(request, reply, status, status >= 500 ? 'internal error' : (error as Error).message);
  });
  app.setNotFoundHandler((request, reply) => refuse(request, reply, 404, 'no such page'));

  app.get('/healthz', { config: { public: true } }, async () => ({ ok: true }));
  // /readyz (the database answers) and /metrics, without a session, for probes and scrapers.
  registerProbeRoutes(app, {
    db: options.db,
    ...(options.probeQueues ? { queues: options.probeQueues } : {}),
    healthz: false,
  });
  app.get<{ Params: { name: string } }>(
    '/static/:name',
    { config: { public: true } },
    async (request, reply) => {
      const file = staticFiles.get(request.params.name);
      if (!file) return refuse(request, reply, 404, 'no such file');
      return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
    },
  );
  app.get('/favicon.ico', { config: { public: true } }, async (_request, reply) => reply.code(204).send());
  app.get('/', async (_request, reply) => reply.redirect('/queue', 303));

  registerLoginRoutes(app, deps);
  registerQueueRoutes(app, deps);
  registerItemRoutes(app, deps);
  registerStoryRoutes(app, deps);
  registerAddRoutes(app, deps);
  registerOpsRoutes(app, deps);
  registerBulletinRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerActivityRoutes(app, deps);
  for (const plugin of options.operatorPlugins ?? []) await plugin(app);
  return app;
}
