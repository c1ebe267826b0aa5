import {
  type AccountChange,
  accountChangeAction,
  type ChangeVerdict,
  judgeAccountChange,
  type Role,
} from '../domain/accounts.js';
import { recordActivity } from './activity-repo.js';
import type { Database, Queryable } from './database.js';

export { type Role, roles } from '../domain/accounts.js';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
  disabled_at: Date | null;
  disabled_by: string | null;
  password_changed_at: Date | null;
}

const USER_COLUMNS = 'id, name, role, disabled, created_at, disabled_at, disabled_by, password_changed_at';

export interface SessionUser {
  id: number;
  name: string;
  role: Role;
  csrfToken: string;
}

const UNIQUE_VIOLATION = '23505';

export class DuplicateUserError extends Error {}

export async function createUser(
  db: Queryable,
  user: { name: string; role: Role; passwordHash: string },
): Promise<UserRow> {
  try {
    const result = await db.query<UserRow>(
      `INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3)
       RETURNING ${USER_COLUMNS}`,
      [user.name, user.role, user.passwordHash],
    );
    return result.rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new DuplicateUserError(`a user named "${user.name}" already exists`);
    }
    throw error;
  }
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  const result = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(name)`);
  return result.rows;
}

/** The account a login names, with its hash; disabled accounts are not found. */
export async function findLoginUser(
  db: Queryable,
  name: string,
): Promise<(UserRow & { password_hash: string }) | undefined> {
  const result = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users
     WHERE lower(name) = lower($1) AND NOT disabled`,
    [name],
  );
  return result.rows[0];
}

export async function createSession(
  db: Queryable,
  session: { tokenHash: string; userId: number; csrfToken: string; ttlSecs: number },
): Promise<void> {
  // Logging in is a good moment to forget sessions nobody can use any more.
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [session.tokenHash, session.userId, session.csrfToken, session.ttlSecs],
  );
}

export async function findSessionUser(db: Queryable, tokenHash: string): Promise<SessionUser | undefined> {
  const result = await db.query<{ id: number; name: string; role: Role; csrf_token: string }>(
    `SELECT u.id, u.name, u.role, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
  );
  const row = result.rows[0];
  return row && { id: row.id, name: row.name, role: row.role, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** A secret generated once per database, so that every server instance signs cookies alike. */
export async function ensureSecret(db: Queryable, name: string, candidate: string): Promise<string> {
  await db.query('INSERT INTO review_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    candidate,
  ]);
  const result = await db.query<{ value: string }>('SELECT value FROM review_secrets WHERE name = $1', [
    name,
  ]);
  return result.rows[0]!.value;
}

export class UnknownUserError extends Error {}

/** Who changes an account: a logged-in admin, or someone at the command line (no account id). */
export interface AccountActor {
  id: number | null;
  name: string;
}

export interface AccountChangeRequest {
  /** The account, by id (the web pages) or by name (the command line, any case). */
  target: { id: number } | { name: string };
  change: AccountChange;
  actor: AccountActor;
  /** For a password change: the new hash. */
  passwordHash?: string;
  /** A session to keep when the change ends the account's sessions (an admin resetting their own password). */
  keepSessionHash?: string;
}

export interface AccountChangeResult {
  user: UserRow;
  verdict: ChangeVerdict;
  /** Sessions the change ended: disabling ends them all, a new password all but the admin's own. */
  sessionsEnded: number;
}

async function lockUser(tx: Queryable, target: AccountChangeRequest['target']): Promise<UserRow | undefined> {
  const [condition, value] =
    'id' in target ? ['id = $1', target.id] : ['lower(name) = lower($1)', target.name];
  const result = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE ${condition} FOR UPDATE`, [
    value,
  ]);
  return result.rows[0];
}

async function updateAccount(tx: Queryable, user: UserRow, request: AccountChangeRequest): Promise<UserRow> {
  const { change } = request;
  const [assignments, params]: [string, unknown[]] =
    change.kind === 'disable'
      ? ['disabled = true, disabled_at = now(), disabled_by = $2', [request.actor.name]]
      : change.kind === 'enable'
        ? ['disabled = false, disabled_at = NULL, disabled_by = NULL', []]
        : change.kind === 'role'
          ? ['role = $2', [change.role]]
          : ['password_hash = $2, password_changed_at = now()', [request.passwordHash]];
  const result = await tx.query<UserRow>(
    `UPDATE users SET ${assignments} WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [user.id, ...params],
  );
  return result.rows[0]!;
}

async function endSessions(tx: Queryable, userId: number, keepSessionHash?: string): Promise<number> {
  const result = await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [
    userId,
    keepSessionHash ?? '',
  ]);
  return result.rowCount ?? 0;
}

/**
 * Disables, enables, re-roles or re-passwords an account, audited, in one transaction. The active admins are
 * locked first, so two admins demoting each other at once cannot leave nobody to manage accounts. Sessions of a
 * disabled account end at once (its next request is logged out); a new password ends the other sessions.
 */
export async function changeAccount(
  db: Database,
  request: AccountChangeRequest,
): Promise<AccountChangeResult> {
  if (request.change.kind === 'password' && !request.passwordHash)
    throw new Error('a new password hash is needed');
  return db.transaction(async (tx) => {
    const admins = await tx.query<{ id: number }>(
      `SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`,
    );
    const user = await lockUser(tx, request.target);
    if (!user) {
      const which = 'id' in request.target ? `#${request.target.id}` : `"${request.target.name}"`;
      throw new UnknownUserError(`no user ${which}`);
    }
    const verdict = judgeAccountChange(user, request.change, admins.rows.length);
    if (verdict.kind !== 'apply') return { user, verdict, sessionsEnded: 0 };
    const changed = await updateAccount(tx, user, request);
    const kind = request.change.kind;
    const sessionsEnded =
      kind === 'disable' || kind === 'password' ? await endSessions(tx, user.id, request.keepSessionHash) : 0;
    await recordActivity(tx, {
      articleId: null,
      actor: request.actor,
      action: accountChangeAction[kind],
      before: kind === 'role' ? { name: user.name, role: user.role } : null,
      after: {
        name: user.name,
        ...(kind === 'role' ? { role: changed.role } : {}),
        ...(sessionsEnded > 0 ? { sessions_ended: sessionsEnded } : {}),
      },
    });
    return { user: changed, verdict, sessionsEnded };
  });
}
