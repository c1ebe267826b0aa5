import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { Queue } from 'bullmq';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { ZodError } from 'zod';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import type { SourceConfig } from '../config/source-schema.js';
import type { Database } from '../db/database.js';
import { ensureSecret, findSessionUser, type Role, type SessionUser } from '../db/users-repo.js';
import type { DrugGlossary } from '../domain/drug-glossary.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { type SearchExpansions, searchExpansions } from '../domain/search-query.js';
import type { Logger } from '../logger.js';
import { registerOpsRoutes as registerProbeRoutes } from '../ops/ops-routes.js';
import {
  hashToken,
  hasRole,
  LoginLimiter,
  type LoginLimits,
  newToken,
  SESSION_COOKIE,
  sameSecret,
} from './auth.js';
import type { EnglishSupport } from './english.js';
import { html } from './html.js';
import { registerActivityRoutes } from './routes/activity-routes.js';
import { registerBulletinRoutes } from './routes/bulletin-routes.js';
import { registerItemRoutes } from './routes/item-routes.js';
import { registerLoginRoutes } from './routes/login-routes.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerQueueRoutes } from './routes/queue-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from './safe-fetch.js';
import { fastifyTrustProxy, type TrustedProxies } from './trust-proxy.js';
import { page } from './views/layout.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health check, static files). */
    public?: boolean;
    /** The least role a route needs; every other route needs an analyst. */
    role?: Role;
    /** The route checks its own CSRF token (the login form, before any session exists). */
    ownCsrf?: boolean;
  }
}

export interface ReviewServerOptions {
  db: Database;
  lexicon: CompiledLexicon;
  /** The drugs glossary: search widens drug names with it, edits re-read seizure facts (default: the shipped one). */
  drugs?: DrugGlossary;
  userAgent: string;
  log?: Logger | undefined;
  /** Secure cookies: always, never, or when the request came over https ('auto', the default). */
  secureCookies?: boolean | 'auto';
  /**
   * Behind reverse proxies: believe these proxies' X-Forwarded-* headers (client address, https). The client
   * address is the right-most one that is not a trusted proxy's.
   */
  trustProxy?: TrustedProxies | undefined;
  fetchPolicy?: Partial<Omit<FetchPolicy, 'userAgent'>>;
  loginLimits?: LoginLimits;
  /** The declared sources, for the operators' page (read on each request, so edits show up). */
  loadSources?: () => SourceConfig[];
  /** Starts a crawl of one declared source now ("run now" on the sources page); resolves to what happened. */
  runSource?: (source: SourceConfig) => Promise<string>;
  /** Extra routes mounted behind operator login (Bull Board in distributed mode). */
  operatorPlugins?: Array<(app: FastifyInstance) => Promise<void>>;
  /** The reference moment of "days since" figures (tests). */
  now?: () => Date;
  /** Distributed mode: the queues whose Redis /readyz checks and /metrics reports. */
  probeQueues?: ReadonlyArray<Queue>;
  /** Where suggested English comes from besides English reports (the glossary's templates). */
  english?: EnglishSupport;
}

export interface ReviewDeps extends Required<Pick<ReviewServerOptions, 'db' | 'lexicon' | 'drugs'>> {
  /** Drug names in every language, for the queue's search by word. */
  search: SearchExpansions;
  fetchPolicy: FetchPolicy;
  limiter: LoginLimiter;
  secureCookie: (request: FastifyRequest) => boolean;
  loadSources: () => SourceConfig[];
  runSource: ((source: SourceConfig) => Promise<string>) | undefined;
  /** Bull Board is mounted (distributed mode). */
  queueDashboard: boolean;
  now: () => Date;
  english: EnglishSupport;
}

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

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  if (isApi(request)) return reply.code(status).send({ error: message });
  const body = html`<h1>${status === 403 ? 'Not allowed' : 'Error'}</h1><p class="error">${message}</p><p><a href="/queue">Back to the queue</a></p>`;
  return sendPage(reply, status, page({ title: 'Error', user: request.user ?? undefined, body }));
}

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
  registerOpsRoutes(app, deps);
  registerBulletinRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerActivityRoutes(app, deps);
  for (const plugin of options.operatorPlugins ?? []) await plugin(app);
  return app;
}
