import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditAction } from '../../db/audit-repo.js';
import { createSession, deleteSession, findLoginUser } from '../../db/users-repo.js';
import {
  hashToken,
  LOGIN_CSRF_COOKIE,
  newToken,
  SESSION_COOKIE,
  SESSION_TTL_SECS,
  sameSecret,
} from '../auth.js';
import { decoyHash, verifyPassword } from '../passwords.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { loginBody } from '../views/forms-view.js';
import { page } from '../views/layout.js';

const loginSchema = z.object({
  name: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
  _csrf: z.string().optional(),
  next: z.string().optional(),
});

/**
 * Only a path of this site: `//host`, `/\host`, or a path with whitespace or control characters (browsers drop
 * tabs and newlines, turning `/<tab>/host` into `//host`) would send the analyst elsewhere after logging in.
 */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) && !/[\s\\\u0000-\u001f\u007f]/.test(next) ? next : '/queue';
}

function cookieOptions(deps: ReviewDeps, request: FastifyRequest, maxAge: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookie(request),
    signed: true,
    maxAge,
  };
}

function showLogin(
  deps: ReviewDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  extra: { next?: string; name?: string; error?: string },
) {
  // Login CSRF: the form's token must match a cookie only this site could have set. An existing token is
  // kept, so that a second login page (another tab, a favicon request sent to login) does not void the first.
  const existing = request.cookies[LOGIN_CSRF_COOKIE];
  const unsigned = existing ? request.unsignCookie(existing) : undefined;
  const csrf = unsigned?.valid && unsigned.value ? unsigned.value : newToken();
  reply.setCookie(LOGIN_CSRF_COOKIE, csrf, cookieOptions(deps, request, 30 * 60));
  return sendPage(
    reply,
    status,
    page({ title: 'Log in', body: loginBody({ ...extra, csrf, next: safeNext(extra.next) }) }),
  );
}

type LoginOutcome = 'ok' | { status: number; error: string };

/** Checks the rate limit and the password; on success opens a session and sets its cookie. */
async function attemptLogin(
  deps: ReviewDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  password: string,
): Promise<LoginOutcome> {
  const retryAfter = deps.limiter.retryAfterSecs(request.ip, name);
  if (retryAfter > 0) {
    reply.header('retry-after', String(retryAfter));
    return {
      status: 429,
      error: `Too many failed attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    };
  }
  const user = await findLoginUser(deps.db, name);
  // An unknown name costs the same scrypt as a wrong password: response times do not reveal accounts.
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  if (!user || !valid) {
    deps.limiter.recordFailure(request.ip, name);
    // Only for existing accounts: names made up by someone guessing would fill the log without limit.
    if (user) {
      await auditAction(deps.db, {
        articleId: null,
        actor: user,
        action: 'login_failed',
        after: { ip: request.ip },
      });
    }
    return { status: 401, error: 'Wrong name or password.' };
  }
  deps.limiter.recordSuccess(request.ip, name);
  await auditAction(deps.db, { articleId: null, actor: user, action: 'login', after: { ip: request.ip } });
  const token = newToken();
  await createSession(deps.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: newToken(),
    ttlSecs: SESSION_TTL_SECS,
  });
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps, request, SESSION_TTL_SECS));
  return 'ok';
}

export function registerLoginRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get<{ Querystring: { next?: string } }>(
    '/login',
    { config: { public: true } },
    async (request, reply) => showLogin(deps, request, reply, 200, { next: request.query.next }),
  );

  app.post('/login', { config: { public: true, ownCsrf: true } }, async (request, reply) => {
    const form = loginSchema.safeParse(request.body);
    if (!form.success)
      return showLogin(deps, request, reply, 400, { error: 'Enter your name and password.' });
    const { name, password, next } = form.data;
    const cookie = request.cookies[LOGIN_CSRF_COOKIE];
    const expected = cookie ? request.unsignCookie(cookie) : undefined;
    if (!expected?.valid || !expected.value || !sameSecret(form.data._csrf, expected.value)) {
      return showLogin(deps, request, reply, 403, {
        next,
        name,
        error: 'The form expired: please log in again.',
      });
    }
    const outcome = await attemptLogin(deps, request, reply, name, password);
    if (outcome !== 'ok')
      return showLogin(deps, request, reply, outcome.status, { next, name, error: outcome.error });
    reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/' });
    return reply.redirect(safeNext(next), 303);
  });

  // For scripts: a JSON body cannot be sent cross-site without a CORS preflight, which this server never grants.
  app.post('/api/login', { config: { public: true, ownCsrf: true } }, async (request, reply) => {
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return reply.code(415).send({ error: 'send JSON {name, password}' });
    }
    const body = loginSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'expected {name, password}' });
    const outcome = await attemptLogin(deps, request, reply, body.data.name, body.data.password);
    if (outcome !== 'ok') return reply.code(outcome.status).send({ error: outcome.error });
    return reply.send({ ok: true });
  });

  app.post('/logout', async (request, reply) => {
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    if (unsigned?.valid && unsigned.value) await deleteSession(deps.db, hashToken(unsigned.value));
    await auditAction(deps.db, {
      articleId: null,
      actor: request.user!,
      action: 'logout',
      after: { ip: request.ip },
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });

  app.get('/api/me', async (request) => ({
    name: request.user!.name,
    role: request.user!.role,
    csrf_token: request.user!.csrfToken,
  }));
}
