import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordActivity } from '../../db/activity-repo.js';
import { listAccountActivity } from '../../db/audit-repo.js';
import {
  type AccountChangeResult,
  changeAccount,
  createUser,
  DuplicateUserError,
  listUsers,
  roles,
  UnknownUserError,
} from '../../db/users-repo.js';
import { type AccountChange, describeAccountChange } from '../../domain/accounts.js';
import { hashToken, SESSION_COOKIE } from '../auth.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../passwords.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { page } from '../views/layout.js';
import { usersBody } from '../views/users-view.js';

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1000, 'at most 1000 characters');

const newUserSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  password,
});

const userParams = z.object({
  id: z.coerce.number().int().positive(),
  change: z.enum(['disable', 'enable', 'role', 'password']),
});
const roleSchema = z.object({ role: z.enum(roles) });
const passwordSchema = z.object({ password });

type Outcome = { status: number; notice?: string; error?: string; result?: AccountChangeResult };

const firstIssue = (error: z.ZodError) =>
  `${error.issues[0]?.path.join('.') || 'input'}: ${error.issues[0]?.message ?? 'invalid'}`;

/** The hash of the session the request came with: an admin who resets their own password stays logged in. */
function sessionHashOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  return unsigned?.valid && unsigned.value ? hashToken(unsigned.value) : undefined;
}

async function parseChange(
  kind: z.infer<typeof userParams>['change'],
  body: unknown,
): Promise<{ change: AccountChange; passwordHash?: string } | { error: string }> {
  if (kind === 'disable' || kind === 'enable') return { change: { kind } };
  if (kind === 'role') {
    const parsed = roleSchema.safeParse(body);
    return parsed.success
      ? { change: { kind, role: parsed.data.role } }
      : { error: firstIssue(parsed.error) };
  }
  const parsed = passwordSchema.safeParse(body);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  return { change: { kind }, passwordHash: await hashPassword(parsed.data.password) };
}

async function applyChange(deps: ReviewDeps, request: FastifyRequest): Promise<Outcome> {
  const params = userParams.parse(request.params);
  const parsed = await parseChange(params.change, request.body);
  if ('error' in parsed) return { status: 400, error: parsed.error };
  const actor = request.user!;
  const keep = params.id === actor.id ? sessionHashOf(request) : undefined;
  try {
    const result = await changeAccount(deps.db, {
      target: { id: params.id },
      change: parsed.change,
      actor,
      ...(parsed.passwordHash ? { passwordHash: parsed.passwordHash } : {}),
      ...(keep ? { keepSessionHash: keep } : {}),
    });
    const message = describeAccountChange({ ...result, change: parsed.change });
    return result.verdict.kind === 'refused'
      ? { status: 409, error: message, result }
      : { status: 200, notice: message, result };
  } catch (error) {
    if (error instanceof UnknownUserError) return { status: 404, error: error.message };
    throw error;
  }
}

async function addUser(deps: ReviewDeps, input: unknown, actor: { id: number; name: string }) {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  try {
    const user = await createUser(deps.db, {
      name: parsed.data.name,
      role: parsed.data.role,
      passwordHash: await hashPassword(parsed.data.password),
    });
    await recordActivity(deps.db, {
      articleId: null,
      actor,
      action: 'add_user',
      before: null,
      after: { name: user.name, role: user.role },
    });
    return { user };
  } catch (error) {
    if (error instanceof DuplicateUserError) return { error: error.message };
    throw error;
  }
}

/** People management, for admins: add accounts, disable and enable them, change roles, reset passwords. */
export function registerUserRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  const admin = { config: { role: 'admin' as const } };

  const usersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: { notice?: string | undefined; error?: string | undefined } = {},
  ) => {
    const body = usersBody({
      user: request.user!,
      users: await listUsers(deps.db),
      activity: await listAccountActivity(deps.db),
      ...message,
    });
    return sendPage(reply, status, page({ title: 'Users', user: request.user!, active: '/users', body }));
  };

  app.get('/users', admin, async (request, reply) => usersPage(request, reply, 200));

  app.post('/users', admin, async (request, reply) => {
    const result = await addUser(deps, request.body, request.user!);
    return result.user
      ? usersPage(request, reply, 200, { notice: `Added ${result.user.name} (${result.user.role}).` })
      : usersPage(request, reply, 400, { error: result.error });
  });

  app.post('/users/:id/:change', admin, async (request, reply) => {
    const outcome = await applyChange(deps, request);
    // An admin who just disabled their own account is logged out by the next request.
    return usersPage(request, reply, outcome.status, { notice: outcome.notice, error: outcome.error });
  });

  app.get('/api/users', admin, async () => listUsers(deps.db));

  app.post('/api/users', admin, async (request, reply) => {
    const result = await addUser(deps, request.body, request.user!);
    return result.user ? reply.code(201).send(result.user) : reply.code(400).send({ error: result.error });
  });

  app.post('/api/users/:id/:change', admin, async (request, reply) => {
    const outcome = await applyChange(deps, request);
    if (outcome.error) return reply.code(outcome.status).send({ error: outcome.error });
    return reply.send({ user: outcome.result!.user, notice: outcome.notice });
  });
}
